/**
 * Reads of units shared by the unit use cases. Every read returns the unit's jurisdiction path so the caller can
 * authorise before showing anything.
 */
import { and, asc, count, desc, eq, inArray, like, type SQL, sql } from 'drizzle-orm';
import { type Executor, preparedQuery } from '../../db/client';
import { jurisdictions, unitContacts, unitMembers, units } from '../../db/schema';
import { containsText } from '../../db/text-search';
import type { UnitScope } from '../../policies';

export type UnitRow = typeof units.$inferSelect;

export async function findUnitWithPath(db: Executor, id: string) {
  const rows = await unitWithPath(db).execute({ id });
  return rows[0] ?? null;
}

// The unit page's fixed-shape reads (a frequent page: bench/README.md, load), prepared once per database handle.
const unitWithPath = preparedQuery('unit_with_path', (db, name) =>
  db
    .select({ unit: units, jurisdictionPath: jurisdictions.path, jurisdictionName: jurisdictions.name })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(units.id, sql.placeholder('id')))
    .limit(1)
    .prepare(name),
);
const contactsOf = preparedQuery('unit_contacts_of', (db, name) =>
  db
    .select()
    .from(unitContacts)
    .where(eq(unitContacts.unitId, sql.placeholder('id')))
    .orderBy(asc(unitContacts.role), asc(unitContacts.createdAt))
    .prepare(name),
);
const membersOf = preparedQuery('unit_members_of', (db, name) =>
  db
    .select({ id: units.id, name: units.name, kind: units.kind, creditCode: units.creditCode })
    .from(unitMembers)
    .innerJoin(units, eq(units.id, unitMembers.memberId))
    .where(eq(unitMembers.associationId, sql.placeholder('id')))
    .orderBy(asc(units.name))
    .prepare(name),
);
const associationsOf = preparedQuery('unit_associations_of', (db, name) =>
  db
    .select({ id: units.id, name: units.name })
    .from(unitMembers)
    .innerJoin(units, eq(units.id, unitMembers.associationId))
    .where(eq(unitMembers.memberId, sql.placeholder('id')))
    .prepare(name),
);

export async function loadUnitDetail(db: Executor, id: string) {
  const found = await findUnitWithPath(db, id);
  if (!found) return null;
  // Sequential on purpose: this also runs inside transactions, where one connection cannot run queries in parallel.
  const contacts = await contactsOf(db).execute({ id });
  const members = await membersOf(db).execute({ id });
  const memberOf = await associationsOf(db).execute({ id });
  const park = found.unit.parkId
    ? await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, found.unit.parkId))
    : [];
  const parkTenants =
    found.unit.kind === 'park'
      ? await db
          .select({ id: units.id, name: units.name, kind: units.kind })
          .from(units)
          .where(eq(units.parkId, id))
          .orderBy(asc(units.name))
      : [];
  return {
    ...found.unit,
    jurisdictionName: found.jurisdictionName,
    jurisdictionPath: found.jurisdictionPath,
    park: park[0] ?? null,
    contacts,
    members,
    memberOf,
    parkTenants,
  };
}
export type UnitDetail = NonNullable<Awaited<ReturnType<typeof loadUnitDetail>>>;

export interface UnitListFilter {
  q?: string;
  kind?: UnitRow['kind'];
  jurisdictionCode?: string;
  industryCode?: string;
  parkId?: string;
  page: number;
  pageSize: number;
  sort: 'name' | 'createdAt';
}

function scopeCondition(scope: UnitScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'subtree':
      return like(jurisdictions.path, `${scope.path}%`);
    case 'unit':
      return eq(units.id, scope.unitId);
    case 'none':
      return eq(units.id, '00000000-0000-0000-0000-000000000000');
  }
}

export async function queryUnits(db: Executor, scope: UnitScope, filter: UnitListFilter, filterPath: string | null) {
  const conditions = [scopeCondition(scope)];
  if (filter.q) {
    conditions.push(containsText([units.name, units.creditCode], filter.q));
  }
  if (filter.kind) conditions.push(eq(units.kind, filter.kind));
  if (filterPath) conditions.push(like(jurisdictions.path, `${filterPath}%`));
  if (filter.industryCode) conditions.push(eq(units.industryCode, filter.industryCode));
  if (filter.parkId) conditions.push(eq(units.parkId, filter.parkId));
  const where = and(...conditions);
  const columns = {
    id: units.id,
    kind: units.kind,
    name: units.name,
    creditCode: units.creditCode,
    legalRepresentative: units.legalRepresentative,
    industryCode: units.industryCode,
    staffCount: units.staffCount,
    jurisdictionCode: units.jurisdictionCode,
    jurisdictionName: jurisdictions.name,
    createdAt: units.createdAt,
  };
  const offset = (filter.page - 1) * filter.pageSize;
  const countAll = async () => {
    const [counted] = await db
      .select({ total: count() })
      .from(units)
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(where);
    return counted?.total ?? 0;
  };
  if (filter.q) {
    // A name search reads every match through the bigram indexes and sorts them: the same statement counts them
    // (`count(*) over ()`), instead of a second statement reading them all again. The window function keeps the
    // matches in a subquery the planner reads in full through the indexes; under the LIMIT it would instead walk
    // the units in the sort's order, computing every unit's bigrams.
    const matches = db
      .select({
        ...columns,
        // Aliased: the subquery's columns need distinct names (the unit's and the jurisdiction's are both "name").
        jurisdictionName: sql<string>`${jurisdictions.name}`.as('jurisdiction_name'),
        total: sql<number>`count(*) over ()`.as('match_total'),
      })
      .from(units)
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(where)
      .as('matches');
    const rows = await db
      .select()
      .from(matches)
      .orderBy(filter.sort === 'name' ? asc(matches.name) : desc(matches.createdAt), asc(matches.id))
      .limit(filter.pageSize)
      .offset(offset);
    const total = rows.length > 0 ? Number(rows[0]!.total) : filter.page === 1 ? 0 : await countAll();
    return { items: rows.map(({ total: _, ...unit }) => unit), total };
  }
  const [items, total] = await Promise.all([
    db
      .select(columns)
      .from(units)
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .where(where)
      .orderBy(filter.sort === 'name' ? asc(units.name) : desc(units.createdAt), asc(units.id))
      .limit(filter.pageSize)
      .offset(offset),
    countAll(),
  ]);
  return { items, total };
}

/** Units by id with their paths, to check references (park, members) in one query. */
export async function findUnitsWithPaths(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: units.id, kind: units.kind, jurisdictionPath: jurisdictions.path })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(inArray(units.id, ids));
}
