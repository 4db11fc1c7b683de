import { CampaignKind } from '../../../shared/enums-services';
import type { CampaignVisitInput } from '../../../shared/schemas/services';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceCampaignVisits } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { canRecordServiceAt } from '../../policies/services';
import { findUnitWithPath } from '../units/unit-queries';
import { loadCampaignVisit } from './list-campaign-visits';
import { feedLedger, fieldError, findJurisdiction } from './service-support';

/**
 * Records a "三进" campaign visit in a jurisdiction the bureau covers. A visited registered unit (a park, a firm) gets
 * a publicity entry (宣传活动) in its ledger, covering the firms reached.
 */
export async function recordCampaignVisit(db: Executor, ctx: RequestContext, input: CampaignVisitInput) {
  if (!ctx.actor) throw unauthenticated();
  const place = await findJurisdiction(db, input.jurisdictionCode);
  if (!place || !canRecordServiceAt(ctx.actor, place.path)) throw notFound('辖区');
  const unit = input.unitId ? await findUnitWithPath(db, input.unitId) : null;
  if (input.unitId && !unit?.jurisdictionPath.startsWith(place.path))
    throw fieldError('unitId', '走访单位不存在或不在所选辖区');
  if (input.occurredOn > ctx.today) throw fieldError('occurredOn', '活动日期不能晚于今天');
  const id = await db.transaction(async (tx) => {
    const ledgerEntryId = unit
      ? await feedLedger(tx, ctx, {
          unitId: unit.unit.id,
          jurisdictionPath: unit.jurisdictionPath,
          kind: 'publicity',
          occurredOn: input.occurredOn,
          title: `商业秘密保护"三进"活动（${CampaignKind.labels[input.kind]}）`,
          description: input.summary,
          participants: input.participants,
          firmsCovered: input.firmsReached,
          details: { source: 'campaign_visit', campaign: input.kind },
        })
      : null;
    const [row] = await tx
      .insert(serviceCampaignVisits)
      .values({ ...input, unitId: input.unitId ?? null, ledgerEntryId, recordedById: ctx.actor!.id })
      .returning({ id: serviceCampaignVisits.id });
    await recordAudit(tx, ctx, {
      action: 'campaign.visit',
      entityType: 'campaign_visit',
      entityId: row!.id,
      unitId: input.unitId ?? null,
      jurisdictionPath: place.path,
      after: { ...input, ledgerEntryId },
    });
    return row!.id;
  });
  return (await loadCampaignVisit(db, id))!;
}
