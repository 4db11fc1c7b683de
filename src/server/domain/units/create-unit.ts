import type { UnitInput } from '../../../shared/schemas/unit';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { unitContacts, unitMembers, units } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { can } from '../../policies';
import { loadUnitDetail } from './unit-queries';
import { checkUnitReferences, creditCodeWarnings, requireJurisdiction } from './unit-references';

export const duplicateCreditCode = () =>
  new AppError('duplicate', '该统一社会信用代码已登记', {
    fields: [{ path: 'creditCode', message: '该统一社会信用代码已登记' }],
  });

/**
 * Registers a unit. `authorised` lets self-registration (which has no actor yet) skip the officer check; it is
 * the caller's statement that it has authorised the request itself.
 */
export async function createUnit(
  db: Executor,
  ctx: RequestContext,
  input: UnitInput,
  options: { authorised?: boolean } = {},
) {
  const jurisdiction = await requireJurisdiction(db, input.jurisdictionCode);
  if (!options.authorised && !can(ctx.actor, 'unit.create', { type: 'jurisdiction', path: jurisdiction.path })) {
    throw forbidden('只能在本辖区内登记单位');
  }
  await checkUnitReferences(db, input.kind, null, input.parkId, input.memberIds);
  const warnings = await creditCodeWarnings(db, input.creditCode);
  const { contacts = [], memberIds = [], ...fields } = input;
  try {
    const id = await db.transaction(async (tx) => {
      const [row] = await tx.insert(units).values(fields).returning();
      const unit = row!;
      if (contacts.length > 0) await tx.insert(unitContacts).values(contacts.map((c) => ({ ...c, unitId: unit.id })));
      if (memberIds.length > 0) {
        await tx
          .insert(unitMembers)
          .values([...new Set(memberIds)].map((memberId) => ({ associationId: unit.id, memberId })));
      }
      await recordAudit(tx, ctx, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: unit.id,
        unitId: unit.id,
        jurisdictionPath: jurisdiction.path,
        after: { ...fields, contacts: contacts.length, members: memberIds.length },
      });
      return unit.id;
    });
    const detail = (await loadUnitDetail(db, id))!;
    return { unit: detail, warnings };
  } catch (error) {
    if (isUniqueViolation(error, 'units_credit_code_idx')) throw duplicateCreditCode();
    throw error;
  }
}
