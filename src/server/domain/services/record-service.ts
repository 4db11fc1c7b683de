import { SERVICE_LEDGER_KIND, ServiceKind } from '../../../shared/enums-services';
import type { ServiceRecordInput } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceRecords } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { canRecordServiceAt } from '../../policies/services';
import { resolveGuide } from '../ledger/ledger-guards';
import { findUnitWithPath } from '../units/unit-queries';
import { loadServiceRecord } from './list-services';
import { checkServiceFacts, feedLedger } from './service-support';

/**
 * Records a service rendered to a unit by the bureau or a partner organisation. A kind that fits the ledger
 * (SERVICE_LEDGER_KIND) leaves an entry in the unit's ledger in the same transaction, so rubric metrics count it;
 * administrative guidance goes through the ledger's guide rule like any guidance visit.
 */
export async function recordService(db: Executor, ctx: RequestContext, input: ServiceRecordInput) {
  if (!ctx.actor) throw unauthenticated();
  const unit = await findUnitWithPath(db, input.unitId);
  if (!unit || !canRecordServiceAt(ctx.actor, unit.jurisdictionPath)) throw notFound('单位');
  await checkServiceFacts(db, ctx, input);
  const ledgerKind = SERVICE_LEDGER_KIND[input.kind];
  const guideId =
    ledgerKind === 'guidance_visit'
      ? await resolveGuide(
          db,
          ctx.actor,
          { id: unit.unit.id, jurisdictionPath: unit.jurisdictionPath },
          'guidance_visit',
          input.guideId,
        )
      : null;
  const { guideId: _guide, ...fields } = input;
  const id = await db.transaction(async (tx) => {
    const ledgerEntryId = ledgerKind
      ? await feedLedger(tx, ctx, {
          unitId: input.unitId,
          jurisdictionPath: unit.jurisdictionPath,
          kind: ledgerKind,
          occurredOn: input.occurredOn,
          title: `${ServiceKind.labels[input.kind]}：${input.title}`,
          description: input.description,
          guideId,
          details: { source: 'service_record', serviceKind: input.kind },
        })
      : null;
    const [row] = await tx
      .insert(serviceRecords)
      .values({ ...fields, partnerId: input.partnerId ?? null, ledgerEntryId, recordedById: ctx.actor!.id })
      .returning({ id: serviceRecords.id });
    await recordAudit(tx, ctx, {
      action: 'service.record',
      entityType: 'service_record',
      entityId: row!.id,
      unitId: input.unitId,
      jurisdictionPath: unit.jurisdictionPath,
      after: { ...fields, ledgerEntryId },
    });
    return row!.id;
  });
  return (await loadServiceRecord(db, id))!;
}
