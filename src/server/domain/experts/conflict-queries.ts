/** Reads of declared conflicts of interest, and who may declare, decide and read them. */
import { and, desc, eq, like, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ConflictStatus } from '../../../shared/enums';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { applications, expertConflicts, experts, jurisdictions, panelAssignments, units, users } from '../../db/schema';
import { inSubtree } from '../../policies';

const declarers = alias(users, 'declarers');
const deciders = alias(users, 'deciders');

function conflictQuery(db: Executor) {
  return db
    .select({
      conflict: expertConflicts,
      expertName: experts.name,
      unitName: units.name,
      unitPath: jurisdictions.path,
      declaredByName: declarers.displayName,
      declaredByRole: declarers.role,
      decidedByName: deciders.displayName,
    })
    .from(expertConflicts)
    .innerJoin(experts, eq(experts.id, expertConflicts.expertId))
    .innerJoin(units, eq(units.id, expertConflicts.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .leftJoin(declarers, eq(declarers.id, expertConflicts.declaredById))
    .leftJoin(deciders, eq(deciders.id, expertConflicts.decidedById));
}

type ConflictRow = Awaited<ReturnType<ReturnType<typeof conflictQuery>['where']>>[number];

export function conflictView(row: ConflictRow) {
  const c = row.conflict;
  return {
    id: c.id,
    expertId: c.expertId,
    expertName: row.expertName,
    unitId: c.unitId,
    unitName: row.unitName,
    kind: c.kind,
    status: c.status,
    note: c.note,
    declaredByName: row.declaredByName,
    declaredByRole: row.declaredByRole,
    decidedByName: row.decidedByName,
    decidedAt: c.decidedAt,
    createdAt: c.createdAt,
  };
}
export type ConflictView = ReturnType<typeof conflictView>;

export async function findConflict(db: Executor, id: string) {
  const [row] = await conflictQuery(db).where(eq(expertConflicts.id, id));
  return row ?? null;
}

export async function conflictsWhere(db: Executor, where: SQL | undefined) {
  const rows = await conflictQuery(db).where(where).orderBy(desc(expertConflicts.createdAt), expertConflicts.id);
  return rows.map(conflictView);
}

/** Officers: conflicts with units of their subtree; administrators: all. */
export function conflictScope(actor: Actor): SQL | undefined {
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'officer' && actor.jurisdictionPath) return like(jurisdictions.path, `${actor.jurisdictionPath}%`);
  if (actor.role === 'applicant' && actor.unitId) return eq(expertConflicts.unitId, actor.unitId);
  return eq(expertConflicts.id, '00000000-0000-0000-0000-000000000000');
}

export const conflictStatusFilter = (status: ConflictStatus | undefined) =>
  status ? eq(expertConflicts.status, status) : undefined;

/** Whether an officer may act on a unit's conflicts (the unit is in its subtree). */
export function officerOverUnit(actor: Actor, unitPath: string): boolean {
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, unitPath));
}

/** Whether the expert sits or sat on a panel of one of the unit's applications (what an applicant may know). */
export async function expertOnUnitPanel(db: Executor, expertId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: panelAssignments.expertId })
    .from(panelAssignments)
    .innerJoin(applications, eq(applications.id, panelAssignments.applicationId))
    .where(and(eq(panelAssignments.expertId, expertId), eq(applications.unitId, unitId)))
    .limit(1);
  return row !== undefined;
}

export async function unitWithPath(db: Executor, unitId: string) {
  const [row] = await db
    .select({ id: units.id, name: units.name, path: jurisdictions.path })
    .from(units)
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(units.id, unitId));
  return row ?? null;
}
