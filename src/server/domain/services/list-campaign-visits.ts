import { and, asc, count, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import type { CampaignVisitQuery } from '../../../shared/schemas/services';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, serviceCampaignVisits, units } from '../../db/schema';
import { unauthenticated } from '../../errors';
import { unitScope } from '../../policies';

const columns = {
  id: serviceCampaignVisits.id,
  kind: serviceCampaignVisits.kind,
  jurisdictionCode: serviceCampaignVisits.jurisdictionCode,
  jurisdictionName: jurisdictions.name,
  unitId: serviceCampaignVisits.unitId,
  unitName: units.name,
  placeName: serviceCampaignVisits.placeName,
  occurredOn: serviceCampaignVisits.occurredOn,
  firmsReached: serviceCampaignVisits.firmsReached,
  participants: serviceCampaignVisits.participants,
  summary: serviceCampaignVisits.summary,
  ledgerEntryId: serviceCampaignVisits.ledgerEntryId,
};

const from = (db: Executor, shape: typeof columns | { total: ReturnType<typeof count> }) =>
  db
    .select(shape as typeof columns)
    .from(serviceCampaignVisits)
    .innerJoin(jurisdictions, eq(jurisdictions.code, serviceCampaignVisits.jurisdictionCode))
    .leftJoin(units, eq(units.id, serviceCampaignVisits.unitId));

/** Campaign visits in the officer's subtree, or those that visited the applicant's own unit. */
export async function listCampaignVisits(db: Executor, ctx: RequestContext, filter: CampaignVisitQuery) {
  if (!ctx.actor) throw unauthenticated();
  const scope = unitScope(ctx.actor);
  const where: SQL | undefined = and(
    scope.kind === 'subtree'
      ? like(jurisdictions.path, `${scope.path}%`)
      : scope.kind === 'unit'
        ? eq(serviceCampaignVisits.unitId, scope.unitId)
        : scope.kind === 'none'
          ? eq(serviceCampaignVisits.id, '00000000-0000-0000-0000-000000000000')
          : undefined,
    filter.kind ? eq(serviceCampaignVisits.kind, filter.kind) : undefined,
    filter.from ? gte(serviceCampaignVisits.occurredOn, filter.from) : undefined,
    filter.to ? lte(serviceCampaignVisits.occurredOn, filter.to) : undefined,
  );
  const items = await from(db, columns)
    .where(where)
    .orderBy(desc(serviceCampaignVisits.occurredOn), asc(serviceCampaignVisits.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = (await from(db, { total: count() }).where(where)) as unknown as { total: number }[];
  return { items, total: totals?.total ?? 0 };
}

export async function loadCampaignVisit(db: Executor, id: string) {
  const [row] = await from(db, columns).where(eq(serviceCampaignVisits.id, id));
  return row ?? null;
}
