import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { guideAssignments, jurisdictions, users } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { can } from '../../policies';
import { findUnitWithPath } from '../units/unit-queries';
import { guidesOf } from './ledger-queries';

async function authorise(db: Executor, ctx: RequestContext, unitId: string) {
  const unit = await findUnitWithPath(db, unitId);
  const subject = unit && { type: 'unit' as const, id: unitId, jurisdictionPath: unit.jurisdictionPath };
  if (!unit || !subject || !can(ctx.actor, 'unit.read', subject)) throw notFound('单位');
  if (!can(ctx.actor, 'guide.assign', subject)) throw forbidden('只有辖区监管部门可以指派指导员');
  return unit;
}

/**
 * Who may be the unit's guide: active officers whose jurisdiction is the unit's or above it — the same rule
 * assignGuide enforces. Officers cannot list accounts (that is for admins), so this is how they choose.
 */
export async function guideCandidates(db: Executor, ctx: RequestContext, unitId: string) {
  const unit = await authorise(db, ctx, unitId);
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, path: jurisdictions.path })
    .from(users)
    .innerJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(and(eq(users.role, 'officer'), eq(users.disabled, false)))
    .orderBy(users.displayName);
  return rows.filter((r) => unit.jurisdictionPath.startsWith(r.path)).map(({ path: _path, ...candidate }) => candidate);
}

/** Assigns an officer as guide (指导员) of a unit; the guide's jurisdiction must cover the unit. */
export async function assignGuide(db: Executor, ctx: RequestContext, unitId: string, guideId: string) {
  const unit = await authorise(db, ctx, unitId);
  const [guide] = await db
    .select({ id: users.id, role: users.role, disabled: users.disabled, path: jurisdictions.path })
    .from(users)
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(eq(users.id, guideId));
  if (guide?.role !== 'officer' || guide.disabled || !guide.path || !unit.jurisdictionPath.startsWith(guide.path)) {
    throw new AppError('validation_failed', '指导员须为该单位所在辖区（或上级）的监管人员', {
      fields: [{ path: 'guideId', message: '指导员须为该单位所在辖区（或上级）的监管人员' }],
    });
  }
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(guideAssignments)
      .values({ unitId, guideId, assignedById: ctx.actor!.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'guide.assign',
        entityType: 'unit',
        entityId: unitId,
        unitId,
        jurisdictionPath: unit.jurisdictionPath,
        after: { guideId },
      });
    }
  });
  return guidesOf(db, unitId);
}

export async function unassignGuide(db: Executor, ctx: RequestContext, unitId: string, guideId: string) {
  const unit = await authorise(db, ctx, unitId);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(guideAssignments)
      .where(and(eq(guideAssignments.unitId, unitId), eq(guideAssignments.guideId, guideId)))
      .returning();
    if (removed.length === 0) throw notFound('指导员指派');
    await recordAudit(tx, ctx, {
      action: 'guide.unassign',
      entityType: 'unit',
      entityId: unitId,
      unitId,
      jurisdictionPath: unit.jurisdictionPath,
      before: { guideId },
    });
  });
  return guidesOf(db, unitId);
}

export async function listGuides(db: Executor, ctx: RequestContext, unitId: string) {
  const unit = await findUnitWithPath(db, unitId);
  if (!unit || !can(ctx.actor, 'unit.read', { type: 'unit', id: unitId, jurisdictionPath: unit.jurisdictionPath }))
    throw notFound('单位');
  return guidesOf(db, unitId);
}
