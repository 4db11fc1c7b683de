/** Reads of simulated attack assessments, each with the parties the policies judge it by. */
import { and, asc, count, desc, eq, like, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AttackQuery } from '../../../shared/schemas/services';
import type { Actor, RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import {
  jurisdictions,
  serviceAttackAssessments,
  serviceAttackFindings,
  servicePartners,
  units,
  users,
} from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { type AttackParties, canSeeAttack, isAttackParty } from '../../policies/services';

const officer = alias(users, 'responsible_officer');

const columns = {
  id: serviceAttackAssessments.id,
  unitId: serviceAttackAssessments.unitId,
  unitName: units.name,
  unitPath: jurisdictions.path,
  jurisdictionName: jurisdictions.name,
  partnerId: serviceAttackAssessments.partnerId,
  partnerName: servicePartners.name,
  providerUnitId: servicePartners.unitId,
  status: serviceAttackAssessments.status,
  scope: serviceAttackAssessments.scope,
  requestedOn: serviceAttackAssessments.requestedOn,
  responsibleOfficerId: serviceAttackAssessments.responsibleOfficerId,
  responsibleOfficerName: officer.displayName,
  scheduledOn: serviceAttackAssessments.scheduledOn,
  reportedOn: serviceAttackAssessments.reportedOn,
  closedOn: serviceAttackAssessments.closedOn,
  hasReport: serviceAttackAssessments.reportSha256,
  version: serviceAttackAssessments.version,
};

const base = (db: Executor) =>
  db
    .select(columns)
    .from(serviceAttackAssessments)
    .innerJoin(units, eq(units.id, serviceAttackAssessments.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(servicePartners, eq(servicePartners.id, serviceAttackAssessments.partnerId))
    .leftJoin(officer, eq(officer.id, serviceAttackAssessments.responsibleOfficerId));

type Row = Awaited<ReturnType<ReturnType<typeof base>['where']>>[number];

export const partiesOf = (row: Row): AttackParties => ({
  unitId: row.unitId,
  unitPath: row.unitPath,
  providerUnitId: row.providerUnitId,
  responsibleOfficerId: row.responsibleOfficerId,
});

/** The assessment if the actor may see its record; 404 otherwise (also for ids that do not exist). */
export async function findVisibleAttack(db: Executor, actor: Actor, id: string) {
  const [row] = await base(db).where(eq(serviceAttackAssessments.id, id));
  if (!row || !canSeeAttack(actor, partiesOf(row))) throw notFound('模拟攻击评估');
  return row;
}

function present(actor: Actor, row: Row) {
  const { unitPath: _path, providerUnitId: _provider, hasReport, ...rest } = row;
  return { ...rest, hasReport: hasReport !== null, party: isAttackParty(actor, partiesOf(row)) };
}

function scopeOf(actor: Actor): SQL {
  const none = eq(serviceAttackAssessments.id, '00000000-0000-0000-0000-000000000000');
  if (actor.role === 'applicant' && actor.unitId)
    return or(eq(serviceAttackAssessments.unitId, actor.unitId), eq(servicePartners.unitId, actor.unitId))!;
  if (actor.role === 'officer' && actor.jurisdictionPath)
    return or(
      like(jurisdictions.path, `${actor.jurisdictionPath}%`),
      eq(serviceAttackAssessments.responsibleOfficerId, actor.id),
    )!;
  return none;
}

/** Assessments of the applicant's unit (or that it provides), or of the officer's subtree; none for others. */
export async function listAttackAssessments(db: Executor, ctx: RequestContext, filter: AttackQuery) {
  if (!ctx.actor) throw unauthenticated();
  const where = and(scopeOf(ctx.actor), filter.status ? eq(serviceAttackAssessments.status, filter.status) : undefined);
  const rows = await base(db)
    .where(where)
    .orderBy(desc(serviceAttackAssessments.requestedOn), asc(serviceAttackAssessments.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await db
    .select({ total: count() })
    .from(serviceAttackAssessments)
    .innerJoin(units, eq(units.id, serviceAttackAssessments.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(servicePartners, eq(servicePartners.id, serviceAttackAssessments.partnerId))
    .where(where);
  return { items: rows.map((r) => present(ctx.actor!, r)), total: totals?.total ?? 0 };
}

/**
 * One assessment. Its findings and report summary are part of the confidential report: only the three parties get
 * them; the bureaus over the firm see the record and its progress.
 */
export async function getAttackAssessment(db: Executor, ctx: RequestContext, id: string) {
  if (!ctx.actor) throw unauthenticated();
  return attackDetail(db, ctx.actor, await findVisibleAttack(db, ctx.actor, id));
}

export async function attackDetail(db: Executor, actor: Actor, row: Row) {
  const shown = present(actor, row);
  if (!shown.party) return { ...shown, report: null, findings: null };
  const [report] = await db
    .select({ fileName: serviceAttackAssessments.reportFileName, summary: serviceAttackAssessments.reportSummary })
    .from(serviceAttackAssessments)
    .where(eq(serviceAttackAssessments.id, row.id));
  const findings = await db
    .select({
      id: serviceAttackFindings.id,
      title: serviceAttackFindings.title,
      severity: serviceAttackFindings.severity,
      recommendation: serviceAttackFindings.recommendation,
      status: serviceAttackFindings.status,
      followUp: serviceAttackFindings.followUp,
      version: serviceAttackFindings.version,
      updatedAt: serviceAttackFindings.updatedAt,
    })
    .from(serviceAttackFindings)
    .where(eq(serviceAttackFindings.assessmentId, row.id))
    .orderBy(asc(serviceAttackFindings.position));
  return {
    ...shown,
    report: report?.fileName ? { fileName: report.fileName, summary: report.summary ?? '' } : null,
    findings,
  };
}

export async function loadAttackForActor(db: Executor, actor: Actor, id: string) {
  const [row] = await base(db).where(eq(serviceAttackAssessments.id, id));
  return attackDetail(db, actor, row!);
}
