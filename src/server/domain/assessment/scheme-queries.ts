/**
 * Finding assessment schemes and deciding who sees what: the owning bureau (and those above it) and administrators
 * manage a scheme and see every scorecard; an assessed bureau (a direct subordinate of the owner, or an office under
 * it) sees its own scorecard while the assessment runs, and the whole ranking once the results are published.
 */
import { asc, eq } from 'drizzle-orm';
import { totalPoints } from '../../../core/assessment/schema';
import { AssessmentStatus } from '../../../shared/enums-assessment';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { assessmentSchemes, jurisdictions } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';

export async function findScheme(db: Executor, id: string) {
  const [row] = await db
    .select({ scheme: assessmentSchemes, ownerPath: jurisdictions.path, ownerName: jurisdictions.name })
    .from(assessmentSchemes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, assessmentSchemes.ownerJurisdictionCode))
    .where(eq(assessmentSchemes.id, id));
  return row ?? null;
}
export type SchemeRow = NonNullable<Awaited<ReturnType<typeof findScheme>>>;

/** The assessed bureaus: the owner's direct subordinates. */
export async function subjectsOf(db: Executor, ownerCode: string) {
  return db
    .select({ code: jurisdictions.code, name: jurisdictions.name, path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.parentCode, ownerCode))
    .orderBy(asc(jurisdictions.path));
}

export function managesScheme(actor: Actor, row: Pick<SchemeRow, 'ownerPath'>) {
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, row.ownerPath));
}

/** The assessed subject the actor belongs to (its own jurisdiction's, or the one above it under the owner). */
export function ownSubject<T extends { path: string }>(actor: Actor, subjects: readonly T[]): T | undefined {
  if (actor.role !== 'officer' || !actor.jurisdictionPath) return undefined;
  return subjects.find((s) => actor.jurisdictionPath!.startsWith(s.path));
}

/** The scheme as its reader may see it: managers any; assessed bureaus once published; others not at all (404). */
export async function readableScheme(db: Executor, actor: Actor | null, id: string) {
  if (!actor) throw unauthenticated();
  const row = await findScheme(db, id);
  if (!row) throw notFound('评估考核方案');
  const manages = managesScheme(actor, row);
  const subjects = await subjectsOf(db, row.scheme.ownerJurisdictionCode);
  const own = ownSubject(actor, subjects);
  if (!manages && (!own || row.scheme.status === 'draft')) throw notFound('评估考核方案');
  return { row, manages, subjects, own };
}

export function schemeSummary(row: SchemeRow, manages: boolean) {
  const s = row.scheme;
  return {
    id: s.id,
    code: s.code,
    year: s.year,
    title: s.title,
    issuer: s.definition.issuer,
    ownerJurisdictionCode: s.ownerJurisdictionCode,
    ownerName: row.ownerName,
    status: s.status,
    statusLabel: AssessmentStatus.labels[s.status],
    totalPoints: totalPoints(s.definition),
    indicatorCount: s.definition.indicators.length,
    version: s.version,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    resultsPublishedAt: s.resultsPublishedAt?.toISOString() ?? null,
    mayManage: manages,
  };
}
