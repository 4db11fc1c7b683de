/** Reads shared by the applicant's and the officer's "what to do next" summaries. */
import { and, desc, eq, inArray, notInArray, type SQL, sql } from 'drizzle-orm';
import { ENDED_STATUSES } from '../../../core/applications/workflow';
import type { Executor } from '../../db/client';
import { applications, jurisdictions, programmes, publicityEntries, publicityNotices } from '../../db/schema';
import type { LiveProgramme } from '../applications/todo-queries';
import { programmeDefinitions, withProgrammeDefinitions } from '../programmes/programme-definitions';

/** What a guidance card shows of a programme (joined with its owner's jurisdiction). */
const programmeColumns = {
  id: programmes.id,
  code: programmes.code,
  version: programmes.version,
  title: programmes.title,
  year: programmes.year,
  ownerJurisdictionName: jurisdictions.name,
};

/** Published programmes (with their definition) matching `where`, newest year first. */
export async function programmesWithDefinition(db: Executor, where: SQL | undefined) {
  const rows = await db
    .select({ ...programmeColumns, updatedAt: programmes.updatedAt })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .where(and(eq(programmes.status, 'published'), where))
    .orderBy(desc(programmes.year), programmes.code);
  return (await withProgrammeDefinitions(db, rows, (row) => row)).map(({ updatedAt: _updatedAt, ...row }) => row);
}

/**
 * The officer's home's programmes in one statement: those shown (published and matching `where`, newest year first,
 * as `programmesWithDefinition`) and those with live applications (as `programmesWithLiveApplications`, for the
 * to-do and late lists) — the programmes table is small, so one read with both flags instead of two round trips.
 */
export async function officerHomeProgrammes(db: Executor, where: SQL | undefined) {
  const rows = await db
    .select({
      ...programmeColumns,
      ownerPath: jurisdictions.path,
      updatedAt: programmes.updatedAt,
      shown: sql<boolean>`(${and(eq(programmes.status, 'published'), where)})`,
      live: sql<boolean>`EXISTS (SELECT 1 FROM ${applications} WHERE ${applications.programmeId} = ${programmes.id}
        AND ${notInArray(applications.status, [...ENDED_STATUSES])})`,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .orderBy(desc(programmes.year), programmes.code);
  const wanted = rows.filter((r) => r.shown || r.live);
  const definitions = await programmeDefinitions(db, wanted);
  const live: LiveProgramme[] = wanted
    .filter((r) => r.live)
    .map((r) => ({ id: r.id, ownerPath: r.ownerPath, definition: definitions.get(r.id)! }));
  const shown = wanted
    .filter((r) => r.shown)
    .map(({ ownerPath: _path, updatedAt: _updatedAt, shown: _shown, live: _live, ...row }) => ({
      ...row,
      programme: definitions.get(row.id)!,
    }));
  return { shown, live };
}

/** The end of the latest publicity period of each application (the working-day deadline of publicity). */
export async function publicityEndDates(db: Executor, applicationIds: readonly string[]): Promise<Map<string, string>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ applicationId: publicityEntries.applicationId, endsOn: publicityNotices.endsOn })
    .from(publicityEntries)
    .innerJoin(publicityNotices, eq(publicityNotices.id, publicityEntries.noticeId))
    .where(inArray(publicityEntries.applicationId, [...applicationIds]));
  const ends = new Map<string, string>();
  for (const row of rows) {
    const known = ends.get(row.applicationId);
    if (!known || row.endsOn > known) ends.set(row.applicationId, row.endsOn);
  }
  return ends;
}
