import { and, eq, sql } from 'drizzle-orm';
import type { UnitPatch } from '../../../shared/schemas/unit';
import { diffSummary, recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { unitContacts, unitMembers, units } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { can } from '../../policies';
import { duplicateCreditCode } from './create-unit';
import { findUnitWithPath, loadUnitDetail } from './unit-queries';
import { checkUnitReferences, creditCodeWarnings, requireJurisdiction } from './unit-references';

/**
 * Edits a unit. The caller sends the version it read; if someone saved in between, the guarded update matches no
 * row and the caller gets 409 instead of silently overwriting the other change.
 */
export async function updateUnit(db: Executor, ctx: RequestContext, id: string, patch: UnitPatch) {
  const found = await findUnitWithPath(db, id);
  if (!found || !can(ctx.actor, 'unit.read', { type: 'unit', id, jurisdictionPath: found.jurisdictionPath })) {
    throw notFound('单位');
  }
  if (!can(ctx.actor, 'unit.update', { type: 'unit', id, jurisdictionPath: found.jurisdictionPath })) throw forbidden();
  const before = found.unit;
  let jurisdictionPath = found.jurisdictionPath;
  if (patch.jurisdictionCode && patch.jurisdictionCode !== before.jurisdictionCode) {
    const target = await requireJurisdiction(db, patch.jurisdictionCode);
    // Moving a unit is creating it elsewhere: the actor must be allowed there too.
    if (ctx.actor?.role !== 'admin' && !can(ctx.actor, 'unit.create', { type: 'jurisdiction', path: target.path })) {
      throw forbidden('只能将单位调整到本辖区内');
    }
    jurisdictionPath = target.path;
  }
  await checkUnitReferences(db, before.kind, id, patch.parkId, patch.memberIds);
  const warnings = patch.creditCode ? await creditCodeWarnings(db, patch.creditCode) : [];
  const { version, contacts, memberIds, ...fields } = patch;
  try {
    const unit = await db.transaction(async (tx) => {
      const updated = await tx
        .update(units)
        .set({ ...fields, version: sql`${units.version} + 1`, updatedAt: new Date() })
        .where(and(eq(units.id, id), eq(units.version, version)))
        .returning();
      if (updated.length === 0) {
        throw new AppError('conflict', '该单位信息已被他人修改，请刷新后重试', {
          details: { currentVersion: before.version },
        });
      }
      if (contacts) {
        await tx.delete(unitContacts).where(eq(unitContacts.unitId, id));
        if (contacts.length > 0) await tx.insert(unitContacts).values(contacts.map((c) => ({ ...c, unitId: id })));
      }
      if (memberIds) {
        await tx.delete(unitMembers).where(eq(unitMembers.associationId, id));
        if (memberIds.length > 0) {
          await tx
            .insert(unitMembers)
            .values([...new Set(memberIds)].map((memberId) => ({ associationId: id, memberId })));
        }
      }
      const { version: _v, updatedAt: _u, createdAt: _c, ...afterFields } = updated[0]!;
      const { version: _bv, updatedAt: _bu, createdAt: _bc, ...beforeFields } = before;
      const summary = diffSummary(beforeFields as Record<string, unknown>, afterFields as Record<string, unknown>);
      await recordAudit(tx, ctx, {
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        unitId: id,
        jurisdictionPath,
        before: summary.before,
        after: {
          ...summary.after,
          ...(contacts ? { contacts: contacts.length } : {}),
          ...(memberIds ? { members: memberIds.length } : {}),
        },
      });
      // The answer is read in this transaction: the row as this request committed it, not a later edit.
      return (await loadUnitDetail(tx, id))!;
    });
    return { unit, warnings };
  } catch (error) {
    if (isUniqueViolation(error, 'units_credit_code_idx')) throw duplicateCreditCode();
    throw error;
  }
}
