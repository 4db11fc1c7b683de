/**
 * A conflict of interest between an expert and a unit is declared by the expert itself (on its own record), by an
 * applicant for its own unit (against an expert on one of its panels — the only experts it knows of), or by an
 * officer over the unit. It waits for an officer's decision and blocks the expert's assignment until dismissed.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { ConflictKind } from '../../../shared/enums';
import type { ConflictDeclare } from '../../../shared/schemas/acceptance';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { expertConflicts } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { conflictsWhere, expertOnUnitPanel, officerOverUnit, unitWithPath } from './conflict-queries';
import { findExpert, registryVisible } from './expert-queries';

const badUnit = () =>
  new AppError('validation_failed', '单位不存在或不在本辖区', {
    fields: [{ path: 'unitId', message: '单位不存在或不在本辖区' }],
  });

export async function declareConflict(db: Db, ctx: RequestContext, expertId: string, input: ConflictDeclare) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const expert = await findExpert(db, expertId);
  if (!expert) throw notFound('专家');
  const unit = await unitWithPath(db, input.unitId);
  switch (actor.role) {
    case 'expert':
      if (expert.expert.userId !== actor.id) throw notFound('专家');
      if (!unit) throw badUnit();
      break;
    case 'applicant':
      if (!actor.unitId || !(await expertOnUnitPanel(db, expertId, actor.unitId))) throw notFound('专家');
      if (input.unitId !== actor.unitId) throw forbidden('申报单位只能为本单位申报利益冲突');
      break;
    case 'officer':
      if (!registryVisible(actor, expert.jurisdictionPath)) throw notFound('专家');
      if (!unit || !officerOverUnit(actor, unit.path)) throw badUnit();
      break;
    case 'admin':
      if (!unit) throw badUnit();
      break;
  }
  const [open] = await db
    .select({ id: expertConflicts.id })
    .from(expertConflicts)
    .where(
      and(
        eq(expertConflicts.expertId, expertId),
        eq(expertConflicts.unitId, input.unitId),
        eq(expertConflicts.kind, input.kind),
        inArray(expertConflicts.status, ['declared', 'confirmed']),
      ),
    );
  if (open) {
    throw new AppError('duplicate', `已有同一专家与该单位的“${ConflictKind.labels[input.kind]}”利益冲突记录`);
  }
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(expertConflicts)
      .values({
        expertId,
        unitId: input.unitId,
        kind: input.kind,
        note: input.note ?? null,
        declaredById: actor.id,
      })
      .returning({ id: expertConflicts.id });
    await recordAudit(tx, ctx, {
      action: 'conflict.declare',
      entityType: 'expert',
      entityId: expertId,
      unitId: input.unitId,
      jurisdictionPath: unit!.path,
      after: { conflictId: row!.id, unitId: input.unitId, kind: input.kind, note: input.note ?? null },
    });
    return row!.id;
  });
  const [view] = await conflictsWhere(db, eq(expertConflicts.id, id));
  return view!;
}
