import { and, eq, inArray } from 'drizzle-orm';
import type { ConventionInput } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceConventionSignatories, serviceConventions, unitMembers } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { canRecordConvention } from '../../policies/services';
import { findUnitWithPath } from '../units/unit-queries';
import { loadConvention } from './list-conventions';
import { fieldError } from './service-support';

/** Records an association's self-discipline convention (自律公约) and the member units that signed it. */
export async function recordConvention(db: Executor, ctx: RequestContext, input: ConventionInput) {
  if (!ctx.actor) throw unauthenticated();
  const association = await findUnitWithPath(db, input.associationId);
  if (
    !association ||
    !canRecordConvention(ctx.actor, { id: input.associationId, jurisdictionPath: association.jurisdictionPath })
  )
    throw notFound('单位');
  if (association.unit.kind !== 'association') throw fieldError('associationId', '自律公约须由行业协会（商会）制定');
  if (input.signedOn > ctx.today) throw fieldError('signedOn', '签订日期不能晚于今天');
  const members = await db
    .select({ id: unitMembers.memberId })
    .from(unitMembers)
    .where(and(eq(unitMembers.associationId, input.associationId), inArray(unitMembers.memberId, input.signatoryIds)));
  if (members.length !== input.signatoryIds.length) throw fieldError('signatoryIds', '签约单位须为该协会的会员单位');
  const { signatoryIds, ...fields } = input;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(serviceConventions)
      .values({ ...fields, recordedById: ctx.actor!.id })
      .returning({ id: serviceConventions.id });
    await tx
      .insert(serviceConventionSignatories)
      .values(signatoryIds.map((memberId) => ({ conventionId: row!.id, memberId })));
    await recordAudit(tx, ctx, {
      action: 'convention.record',
      entityType: 'convention',
      entityId: row!.id,
      unitId: input.associationId,
      jurisdictionPath: association.jurisdictionPath,
      after: { title: input.title, signedOn: input.signedOn, signatories: signatoryIds.length },
    });
    return row!.id;
  });
  return (await loadConvention(db, id))!;
}
