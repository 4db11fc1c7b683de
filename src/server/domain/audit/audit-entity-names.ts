/**
 * What an audit entry is about, by name: "账号 903722e4" tells a reader nothing, "普陀区市场监督管理局" does. One
 * query per kind of subject on the page (never one per entry); a subject without a name (a stored file, a session)
 * keeps what the entry itself recorded.
 */
import { eq, inArray } from 'drizzle-orm';
import type { AuditEntityType } from '../../../shared/enums';
import type { Executor } from '../../db/client';
import {
  applications,
  bases,
  evidenceSubmissions,
  experts,
  jurisdictions,
  ledgerEntries,
  objections,
  programmes,
  publicityNotices,
  selfAssessments,
  units,
  users,
} from '../../db/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Resolver = (db: Executor, ids: string[]) => Promise<{ id: string; name: string }[]>;

const byUuid =
  (resolve: Resolver): Resolver =>
  (db, ids) => {
    const valid = ids.filter((id) => UUID.test(id));
    return valid.length > 0 ? resolve(db, valid) : Promise.resolve([]);
  };

const RESOLVERS: Partial<Record<AuditEntityType, Resolver>> = {
  unit: byUuid((db, ids) => db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))),
  user: byUuid((db, ids) =>
    db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids)),
  ),
  jurisdiction: (db, ids) =>
    db
      .select({ id: jurisdictions.code, name: jurisdictions.name })
      .from(jurisdictions)
      .where(inArray(jurisdictions.code, ids)),
  expert: byUuid((db, ids) =>
    db.select({ id: experts.id, name: experts.name }).from(experts).where(inArray(experts.id, ids)),
  ),
  programme: byUuid(async (db, ids) => {
    const rows = await db
      .select({ id: programmes.id, title: programmes.title, version: programmes.version })
      .from(programmes)
      .where(inArray(programmes.id, ids));
    return rows.map((r) => ({ id: r.id, name: `${r.title}（第 ${r.version} 版）` }));
  }),
  ledger_entry: byUuid(async (db, ids) => {
    const rows = await db
      .select({ id: ledgerEntries.id, title: ledgerEntries.title, unitName: units.name })
      .from(ledgerEntries)
      .innerJoin(units, eq(units.id, ledgerEntries.unitId))
      .where(inArray(ledgerEntries.id, ids));
    return rows.map((r) => ({ id: r.id, name: `${r.unitName}：${r.title}` }));
  }),
  self_assessment: byUuid(async (db, ids) => {
    const rows = await db
      .select({ id: selfAssessments.id, unitName: units.name, programmeTitle: programmes.title })
      .from(selfAssessments)
      .innerJoin(units, eq(units.id, selfAssessments.unitId))
      .innerJoin(programmes, eq(programmes.id, selfAssessments.programmeId))
      .where(inArray(selfAssessments.id, ids));
    return rows.map((r) => ({ id: r.id, name: `${r.unitName} · ${r.programmeTitle}` }));
  }),
  application: byUuid(async (db, ids) => {
    const rows = await db
      .select({ id: applications.id, unitName: units.name, programmeTitle: programmes.title })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId))
      .innerJoin(programmes, eq(programmes.id, applications.programmeId))
      .where(inArray(applications.id, ids));
    return rows.map((r) => ({ id: r.id, name: `${r.unitName} · ${r.programmeTitle}` }));
  }),
  evidence: byUuid(async (db, ids) => {
    const rows = await db
      .select({ id: evidenceSubmissions.id, label: evidenceSubmissions.label, unitName: units.name })
      .from(evidenceSubmissions)
      .innerJoin(units, eq(units.id, evidenceSubmissions.unitId))
      .where(inArray(evidenceSubmissions.id, ids));
    return rows.map((r) => ({ id: r.id, name: `${r.unitName}：${r.label}` }));
  }),
  publicity: byUuid((db, ids) =>
    db
      .select({ id: publicityNotices.id, name: publicityNotices.title })
      .from(publicityNotices)
      .where(inArray(publicityNotices.id, ids)),
  ),
  objection: byUuid(async (db, ids) => {
    const rows = await db
      .select({ id: objections.id, unitName: units.name })
      .from(objections)
      .innerJoin(applications, eq(applications.id, objections.applicationId))
      .innerJoin(units, eq(units.id, applications.unitId))
      .where(inArray(objections.id, ids));
    return rows.map((r) => ({ id: r.id, name: `对${r.unitName}的异议` }));
  }),
  base: byUuid(async (db, ids) => {
    const rows = await db
      .select({ id: bases.id, certificateNo: bases.certificateNo, unitName: units.name })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .where(inArray(bases.id, ids));
    return rows.map((r) => ({ id: r.id, name: `${r.unitName}（${r.certificateNo}）` }));
  }),
};

interface Entry {
  entityType: string;
  entityId: string | null;
  after: unknown;
}

/** A name the entry recorded itself (a stored file's name, an account's username), when its subject has none. */
function recordedName(entry: Entry): string | null {
  const after = entry.after && typeof entry.after === 'object' ? (entry.after as Record<string, unknown>) : {};
  for (const key of ['name', 'fileName', 'displayName', 'username', 'title']) {
    if (typeof after[key] === 'string' && after[key]) return after[key] as string;
  }
  // A working-calendar entry is about a date: the date is its name.
  return entry.entityType === 'calendar' ? entry.entityId : null;
}

/** The entries with `entityName`: the subject's current name, or what the entry recorded, or null. */
export async function withEntityNames<T extends Entry>(db: Executor, entries: readonly T[]) {
  const idsByType = new Map<string, Set<string>>();
  for (const e of entries) {
    if (e.entityId && RESOLVERS[e.entityType as AuditEntityType]) {
      idsByType.set(e.entityType, (idsByType.get(e.entityType) ?? new Set()).add(e.entityId));
    }
  }
  const names = new Map<string, string>();
  // Sequential: the reader may be inside a transaction, where one connection runs one query at a time.
  for (const [type, ids] of idsByType) {
    for (const { id, name } of await RESOLVERS[type as AuditEntityType]!(db, [...ids]))
      names.set(`${type}:${id}`, name);
  }
  return entries.map((e) => ({
    ...e,
    entityName: (e.entityId && names.get(`${e.entityType}:${e.entityId}`)) || recordedName(e),
  }));
}
