import { and, asc, count, desc, eq, gte, like, lte, type SQL } from 'drizzle-orm';
import type { ServiceRecordQuery } from '../../../shared/schemas/services';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, servicePartners, serviceRecords, units } from '../../db/schema';
import { unauthenticated } from '../../errors';
import { unitScope } from '../../policies';
import { unitScopeCondition } from './service-support';

const columns = {
  id: serviceRecords.id,
  kind: serviceRecords.kind,
  unitId: serviceRecords.unitId,
  unitName: units.name,
  jurisdictionCode: units.jurisdictionCode,
  jurisdictionName: jurisdictions.name,
  provider: serviceRecords.provider,
  partnerId: serviceRecords.partnerId,
  partnerName: servicePartners.name,
  occurredOn: serviceRecords.occurredOn,
  title: serviceRecords.title,
  description: serviceRecords.description,
  ledgerEntryId: serviceRecords.ledgerEntryId,
  voidedAt: serviceRecords.voidedAt,
  voidReason: serviceRecords.voidReason,
  version: serviceRecords.version,
  createdAt: serviceRecords.createdAt,
};

function select(db: Executor) {
  return db
    .select(columns)
    .from(serviceRecords)
    .innerJoin(units, eq(units.id, serviceRecords.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .leftJoin(servicePartners, eq(servicePartners.id, serviceRecords.partnerId));
}

/** Service records the actor may see: its jurisdiction subtree's, or its own unit's; filtered and paged. */
export async function listServiceRecords(db: Executor, ctx: RequestContext, filter: ServiceRecordQuery) {
  if (!ctx.actor) throw unauthenticated();
  const where: SQL | undefined = and(
    unitScopeCondition(unitScope(ctx.actor), { unitId: serviceRecords.unitId, path: jurisdictions.path }),
    filter.kind ? eq(serviceRecords.kind, filter.kind) : undefined,
    filter.unitId ? eq(serviceRecords.unitId, filter.unitId) : undefined,
    filter.jurisdictionCode ? like(jurisdictions.path, `%${filter.jurisdictionCode}.%`) : undefined,
    filter.from ? gte(serviceRecords.occurredOn, filter.from) : undefined,
    filter.to ? lte(serviceRecords.occurredOn, filter.to) : undefined,
  );
  const items = await select(db)
    .where(where)
    .orderBy(desc(serviceRecords.occurredOn), asc(serviceRecords.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await db
    .select({ total: count() })
    .from(serviceRecords)
    .innerJoin(units, eq(units.id, serviceRecords.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(where);
  return { items, total: totals?.total ?? 0 };
}

export async function loadServiceRecord(db: Executor, id: string) {
  const [row] = await select(db).where(eq(serviceRecords.id, id));
  return row ?? null;
}
