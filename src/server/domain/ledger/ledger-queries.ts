import { and, asc, count, desc, eq, gte, like, lte, type SQL, sql } from 'drizzle-orm';
import type { LedgerKind } from '../../../shared/enums';
import { type Executor, preparedQuery } from '../../db/client';
import { guideAssignments, jurisdictions, ledgerAttachments, ledgerEntries, units, users } from '../../db/schema';
import type { UnitScope } from '../../policies';

export interface LedgerFilter {
  unitId?: string;
  kind?: LedgerKind;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

function scopeCondition(scope: UnitScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'subtree':
      return like(jurisdictions.path, `${scope.path}%`);
    case 'unit':
      return eq(ledgerEntries.unitId, scope.unitId);
    case 'none':
      return eq(ledgerEntries.id, '00000000-0000-0000-0000-000000000000');
  }
}

const entryColumns = {
  id: ledgerEntries.id,
  unitId: ledgerEntries.unitId,
  unitName: units.name,
  kind: ledgerEntries.kind,
  occurredOn: ledgerEntries.occurredOn,
  title: ledgerEntries.title,
  description: ledgerEntries.description,
  participants: ledgerEntries.participants,
  reachPercent: ledgerEntries.reachPercent,
  firmsCovered: ledgerEntries.firmsCovered,
  guideId: ledgerEntries.guideId,
  guideName: users.displayName,
  details: ledgerEntries.details,
  version: ledgerEntries.version,
  createdAt: ledgerEntries.createdAt,
  updatedAt: ledgerEntries.updatedAt,
};

const entryColumnsFrom = (db: Executor) =>
  db
    .select(entryColumns)
    .from(ledgerEntries)
    .innerJoin(units, eq(units.id, ledgerEntries.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .leftJoin(users, eq(users.id, ledgerEntries.guideId));

// The frequent fixed-shape reads, prepared once per database handle (db/client.ts `preparedQuery`): a unit's own
// ledger page (the applicant's ledger page, bench/README.md load), an entry and the attachments of a page's entries.
const pageOfUnit = preparedQuery('ledger_page_of_unit', (db, name) =>
  entryColumnsFrom(db)
    .where(eq(ledgerEntries.unitId, sql.placeholder('unitId')))
    .orderBy(desc(ledgerEntries.occurredOn), asc(ledgerEntries.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare(name),
);
const entryById = preparedQuery('ledger_entry_by_id', (db, name) =>
  db
    .select(entryColumns)
    .from(ledgerEntries)
    .innerJoin(units, eq(units.id, ledgerEntries.unitId))
    .leftJoin(users, eq(users.id, ledgerEntries.guideId))
    .where(eq(ledgerEntries.id, sql.placeholder('id')))
    .prepare(name),
);
const attachmentsOfEntries = preparedQuery('ledger_attachments_of', (db, name) =>
  db
    .select({
      id: ledgerAttachments.id,
      entryId: ledgerAttachments.entryId,
      sha256: ledgerAttachments.sha256,
      fileName: ledgerAttachments.fileName,
    })
    .from(ledgerAttachments)
    // One statement for any number of entries: the ids as one array parameter.
    .where(sql`${ledgerAttachments.entryId} = ANY(${sql.placeholder('ids')}::uuid[])`)
    .orderBy(asc(ledgerAttachments.createdAt))
    .prepare(name),
);

/** The unit whose own ledger `filter` asks for with no other condition, in `scope`; else null. */
function onlyUnitOf(scope: UnitScope, filter: LedgerFilter): string | null {
  if (filter.kind || filter.from || filter.to) return null;
  if (scope.kind === 'unit') return !filter.unitId || filter.unitId === scope.unitId ? scope.unitId : null;
  return null;
}

export async function queryLedger(db: Executor, scope: UnitScope, filter: LedgerFilter) {
  const where = and(
    scopeCondition(scope),
    filter.unitId ? eq(ledgerEntries.unitId, filter.unitId) : undefined,
    filter.kind ? eq(ledgerEntries.kind, filter.kind) : undefined,
    filter.from ? gte(ledgerEntries.occurredOn, filter.from) : undefined,
    filter.to ? lte(ledgerEntries.occurredOn, filter.to) : undefined,
  );
  const offset = (filter.page - 1) * filter.pageSize;
  const unitId = onlyUnitOf(scope, filter);
  const items =
    unitId !== null
      ? await pageOfUnit(db).execute({ unitId, limit: filter.pageSize, offset })
      : await entryColumnsFrom(db)
          .where(where)
          .orderBy(desc(ledgerEntries.occurredOn), asc(ledgerEntries.id))
          .limit(filter.pageSize)
          .offset(offset);
  // A page that is not full ends the list, so it tells the total itself (a unit's own ledger, the frequent case, fits
  // on one page); only a full page, or an empty one past the first, needs the count.
  const total =
    items.length < filter.pageSize && (items.length > 0 || offset === 0)
      ? offset + items.length
      : ((
          await db
            .select({ total: count() })
            .from(ledgerEntries)
            .innerJoin(units, eq(units.id, ledgerEntries.unitId))
            .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
            .where(where)
        )[0]?.total ?? 0);
  const files = await attachmentsOf(
    db,
    items.map((i) => i.id),
  );
  return { items: items.map((i) => ({ ...i, attachments: files.get(i.id) ?? [] })), total };
}

export async function attachmentsOf(db: Executor, entryIds: string[]) {
  const byEntry = new Map<string, { id: string; sha256: string; fileName: string }[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = await attachmentsOfEntries(db).execute({ ids: entryIds });
  for (const { entryId, ...file } of rows) byEntry.set(entryId, [...(byEntry.get(entryId) ?? []), file]);
  return byEntry;
}

export async function findEntryWithPath(db: Executor, id: string) {
  const [row] = await db
    .select({ entry: ledgerEntries, jurisdictionPath: jurisdictions.path })
    .from(ledgerEntries)
    .innerJoin(units, eq(units.id, ledgerEntries.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(ledgerEntries.id, id));
  return row ?? null;
}

export async function loadEntry(db: Executor, id: string) {
  const [row] = await entryById(db).execute({ id });
  if (!row) return null;
  return { ...row, attachments: (await attachmentsOf(db, [id])).get(id) ?? [] };
}

export async function guidesOf(db: Executor, unitId: string) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      assignedAt: guideAssignments.createdAt,
    })
    .from(guideAssignments)
    .innerJoin(users, eq(users.id, guideAssignments.guideId))
    .where(eq(guideAssignments.unitId, unitId))
    .orderBy(asc(guideAssignments.createdAt));
}
