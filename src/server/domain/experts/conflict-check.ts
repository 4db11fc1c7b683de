/**
 * Which conflicts of interest keep an expert off an applicant's panel. A conflict declared with a unit counts
 * while it waits for an officer and once confirmed; a dismissed one does not. It counts for the unit itself and,
 * as "同一园区或协会", for the units tied to it: the applicant's park and associations, and — when the applicant is
 * a park or association — its tenants and members (unit_members, units.park_id). The expert's affiliation also
 * speaks for itself: an expert working for the applicant (same name) is "同一单位", one working for the applicant's
 * park or association, or for a tenant or member of it, "同一园区或协会".
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { ConflictKind, type ConflictStatus } from '../../../shared/enums';
import type { Executor } from '../../db/client';
import { expertConflicts, unitMembers, units } from '../../db/schema';

export interface BlockingConflict {
  kind: ConflictKind;
  /** declared (awaiting an officer) or confirmed; null for one read from the expert's affiliation. */
  status: Exclude<ConflictStatus, 'dismissed'> | null;
  /** The declared conflict, when there is one. */
  conflictId: string | null;
  unitId: string;
  unitName: string;
}

/** The applicant unit and the units tied to it by a park or an association. */
async function relatedUnits(db: Executor, unitId: string) {
  const [unit] = await db
    .select({ id: units.id, name: units.name, parkId: units.parkId })
    .from(units)
    .where(eq(units.id, unitId));
  if (!unit) return [];
  const associations = await db
    .select({ id: unitMembers.associationId })
    .from(unitMembers)
    .where(eq(unitMembers.memberId, unitId));
  const members = await db
    .select({ id: unitMembers.memberId })
    .from(unitMembers)
    .where(eq(unitMembers.associationId, unitId));
  const ids = [...(unit.parkId ? [unit.parkId] : []), ...associations.map((a) => a.id), ...members.map((m) => m.id)];
  const related = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(ids.length > 0 ? or(inArray(units.id, ids), eq(units.parkId, unitId)) : eq(units.parkId, unitId));
  return [
    { id: unit.id, name: unit.name, direct: true },
    ...related.filter((r) => r.id !== unit.id).map((r) => ({ ...r, direct: false })),
  ];
}

const normalise = (name: string) => name.replace(/\s+/g, '').replace(/[（）]/g, (c) => (c === '（' ? '(' : ')'));

export async function blockingConflicts(
  db: Executor,
  expert: { id: string; affiliation: string },
  unitId: string,
): Promise<BlockingConflict[]> {
  const related = await relatedUnits(db, unitId);
  if (related.length === 0) return [];
  const byId = new Map(related.map((r) => [r.id, r]));
  const declared = await db
    .select()
    .from(expertConflicts)
    .where(
      and(
        eq(expertConflicts.expertId, expert.id),
        inArray(expertConflicts.unitId, [...byId.keys()]),
        inArray(expertConflicts.status, ['declared', 'confirmed']),
      ),
    );
  const found: BlockingConflict[] = declared.map((c) => {
    const unit = byId.get(c.unitId)!;
    return {
      kind: unit.direct ? c.kind : 'same_park_or_association',
      status: c.status as 'declared' | 'confirmed',
      conflictId: c.id,
      unitId: unit.id,
      unitName: unit.name,
    };
  });
  const affiliation = normalise(expert.affiliation);
  for (const unit of related) {
    if (normalise(unit.name) !== affiliation) continue;
    found.push({
      kind: unit.direct ? 'same_unit' : 'same_park_or_association',
      status: null,
      conflictId: null,
      unitId: unit.id,
      unitName: unit.name,
    });
  }
  return found;
}

/** "同一园区或协会（待确认）：上海真如数智科技园". */
export function describeConflict(c: BlockingConflict): string {
  const status = c.status === 'declared' ? '，待确认' : c.status === null ? '，据专家工作单位判断' : '';
  return `${ConflictKind.labels[c.kind]}（${c.unitName}${status}）`;
}
