/** Reading case-handling guides: the newest version of each, and the guide that governs a jurisdiction's cases. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { jurisdictions } from '../../db/schema';
import { rightsCaseGuides } from '../../db/schema-rights-cases';

export type GuideRow = typeof rightsCaseGuides.$inferSelect & { ownerJurisdictionName: string; ownerPath: string };

const columns = {
  guide: rightsCaseGuides,
  ownerJurisdictionName: jurisdictions.name,
  ownerPath: jurisdictions.path,
};

export async function findGuide(db: Executor, id: string): Promise<GuideRow | null> {
  const [row] = await db
    .select(columns)
    .from(rightsCaseGuides)
    .innerJoin(jurisdictions, eq(jurisdictions.code, rightsCaseGuides.ownerJurisdictionCode))
    .where(eq(rightsCaseGuides.id, id));
  return row ? { ...row.guide, ownerJurisdictionName: row.ownerJurisdictionName, ownerPath: row.ownerPath } : null;
}

/** The newest version of every guide, newest first; optionally only those owned by the given jurisdictions. */
export async function latestGuides(db: Executor, ownerCodes?: readonly string[]): Promise<GuideRow[]> {
  if (ownerCodes?.length === 0) return [];
  const rows = await db
    .select(columns)
    .from(rightsCaseGuides)
    .innerJoin(jurisdictions, eq(jurisdictions.code, rightsCaseGuides.ownerJurisdictionCode))
    .where(ownerCodes ? inArray(rightsCaseGuides.ownerJurisdictionCode, [...ownerCodes]) : undefined)
    .orderBy(rightsCaseGuides.code, desc(rightsCaseGuides.version));
  const seen = new Set<string>();
  const latest: GuideRow[] = [];
  for (const row of rows) {
    if (seen.has(row.guide.code)) continue;
    seen.add(row.guide.code);
    latest.push({ ...row.guide, ownerJurisdictionName: row.ownerJurisdictionName, ownerPath: row.ownerPath });
  }
  return latest;
}

export async function latestVersionOf(db: Executor, code: string): Promise<number> {
  const [row] = await db
    .select({ version: rightsCaseGuides.version })
    .from(rightsCaseGuides)
    .where(eq(rightsCaseGuides.code, code))
    .orderBy(desc(rightsCaseGuides.version))
    .limit(1);
  return row?.version ?? 0;
}

/**
 * The guide that governs cases of a jurisdiction: the newest version of the guide owned by the nearest jurisdiction
 * on its path (a district follows its city's guide unless it has one of its own); null when none is on the path.
 */
export async function guideForPath(db: Executor, path: string): Promise<GuideRow | null> {
  const codes = path.split('.').filter(Boolean);
  const guides = await latestGuides(db, codes);
  guides.sort((a, b) => b.ownerPath.length - a.ownerPath.length || b.createdAt.getTime() - a.createdAt.getTime());
  return guides[0] ?? null;
}

export async function jurisdictionByCode(db: Executor, code: string) {
  const [row] = await db
    .select({
      code: jurisdictions.code,
      name: jurisdictions.name,
      path: jurisdictions.path,
      level: jurisdictions.level,
    })
    .from(jurisdictions)
    .where(and(eq(jurisdictions.code, code)));
  return row ?? null;
}

export function guideSummary(row: GuideRow) {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    title: row.title,
    ownerJurisdictionCode: row.ownerJurisdictionCode,
    ownerJurisdictionName: row.ownerJurisdictionName,
    stepCount: row.definition.steps.length,
    documentCount: row.definition.steps.reduce((n, s) => n + s.documents.length, 0),
    createdAt: row.createdAt,
  };
}
