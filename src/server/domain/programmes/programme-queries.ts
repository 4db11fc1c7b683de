import { and, desc, eq, inArray, like, or, type SQL } from 'drizzle-orm';
import { kindSummaries } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, programmes } from '../../db/schema';
import { openToUnitCondition } from './programme-eligibility';

export type ProgrammeRow = typeof programmes.$inferSelect;

/** Published programmes are readable by anyone logged in; drafts by those who manage programmes where they belong. */
export function visibleCondition(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  const published = eq(programmes.status, 'published');
  if (actor.role !== 'officer' || !actor.jurisdictionPath) return published;
  return or(published, like(jurisdictions.path, `${actor.jurisdictionPath}%`));
}

export async function listProgrammes(
  db: Executor,
  actor: Actor,
  filter: { code?: string; status?: ProgrammeRow['status']; openToUnitPath?: string },
) {
  return db
    .select({
      id: programmes.id,
      code: programmes.code,
      version: programmes.version,
      status: programmes.status,
      ownerJurisdictionCode: programmes.ownerJurisdictionCode,
      ownerJurisdictionName: jurisdictions.name,
      year: programmes.year,
      title: programmes.title,
      publishedAt: programmes.publishedAt,
      createdAt: programmes.createdAt,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .where(
      and(
        visibleCondition(actor),
        filter.code ? eq(programmes.code, filter.code) : undefined,
        filter.status ? eq(programmes.status, filter.status) : undefined,
        filter.openToUnitPath !== undefined ? openToUnitCondition(db, filter.openToUnitPath) : undefined,
      ),
    )
    .orderBy(desc(programmes.year), programmes.code, desc(programmes.version));
}

export async function findProgramme(db: Executor, id: string) {
  const [row] = await db
    .select({ programme: programmes, ownerPath: jurisdictions.path, ownerName: jurisdictions.name })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .where(eq(programmes.id, id));
  return row ?? null;
}

export async function latestVersion(db: Executor, code: string): Promise<number> {
  const [row] = await db
    .select({ v: programmes.version })
    .from(programmes)
    .where(eq(programmes.code, code))
    .orderBy(desc(programmes.version))
    .limit(1);
  return row?.v ?? 0;
}

export async function existingCodes(db: Executor, codes: string[]) {
  if (codes.length === 0) return new Set<string>();
  const rows = await db.select({ code: programmes.code }).from(programmes).where(inArray(programmes.code, codes));
  return new Set(rows.map((r) => r.code));
}

/** The detail the API shows: the document, plus each kind's computed rubric maximum, bonus caps and pass mark. */
export function programmeDetail(row: NonNullable<Awaited<ReturnType<typeof findProgramme>>>) {
  const definition = row.programme.definition as Programme;
  return { ...row.programme, ownerJurisdictionName: row.ownerName, definition, kinds: kindSummaries(definition) };
}

/**
 * Published programme versions never change (a trigger refuses it, migration 0003), so their parsed definitions are
 * kept for the life of the process: a list of applications needs each row's programme rules, and reading and
 * parsing the same large JSON document once per row was most of what such a list cost.
 */
const publishedDefinitions = new Map<string, Programme>();

/** The definitions of these programme versions, by id (published ones from memory after their first read). */
export async function programmeDefinitions(db: Executor, ids: readonly string[]): Promise<Map<string, Programme>> {
  const found = new Map<string, Programme>();
  const missing = new Set<string>();
  for (const id of ids) {
    const cached = publishedDefinitions.get(id);
    if (cached) found.set(id, cached);
    else missing.add(id);
  }
  if (missing.size === 0) return found;
  const rows = await db
    .select({ id: programmes.id, status: programmes.status, definition: programmes.definition })
    .from(programmes)
    .where(inArray(programmes.id, [...missing]));
  for (const row of rows) {
    const definition = row.definition as Programme;
    found.set(row.id, definition);
    if (row.status === 'published') publishedDefinitions.set(row.id, definition);
  }
  return found;
}
