/** Reads shared by the applicant's and the officer's "what to do next" summaries. */
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { jurisdictions, programmes, publicityEntries, publicityNotices } from '../../db/schema';
import { withProgrammeDefinitions } from '../programmes/programme-definitions';

/** Published programmes (with their definition) matching `where`, newest year first. */
export async function programmesWithDefinition(db: Executor, where: SQL | undefined) {
  const rows = await db
    .select({
      id: programmes.id,
      code: programmes.code,
      version: programmes.version,
      title: programmes.title,
      year: programmes.year,
      ownerJurisdictionName: jurisdictions.name,
      updatedAt: programmes.updatedAt,
    })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .where(and(eq(programmes.status, 'published'), where))
    .orderBy(desc(programmes.year), programmes.code);
  return (await withProgrammeDefinitions(db, rows, (row) => row)).map(({ updatedAt: _updatedAt, ...row }) => row);
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
