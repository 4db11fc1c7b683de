import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { PartnerKind } from '../../../shared/enums-services';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, servicePartners, units } from '../../db/schema';
import { unauthenticated } from '../../errors';

const columns = {
  id: servicePartners.id,
  name: servicePartners.name,
  kind: servicePartners.kind,
  jurisdictionCode: servicePartners.jurisdictionCode,
  jurisdictionName: jurisdictions.name,
  unitId: servicePartners.unitId,
  unitName: units.name,
  attackAccredited: servicePartners.attackAccredited,
  contactName: servicePartners.contactName,
  contactPhone: servicePartners.contactPhone,
};

function query(db: Executor, where: SQL | undefined) {
  return db
    .select(columns)
    .from(servicePartners)
    .innerJoin(jurisdictions, eq(jurisdictions.code, servicePartners.jurisdictionCode))
    .leftJoin(units, eq(units.id, servicePartners.unitId))
    .where(where)
    .orderBy(asc(servicePartners.name));
}

/**
 * The register of partner organisations: a short public-facing directory every account may read (firms choose an
 * accredited provider from it), so no scope.
 */
export async function listPartners(
  db: Executor,
  ctx: RequestContext,
  filter: { kind?: PartnerKind; attackAccredited?: boolean },
) {
  if (!ctx.actor) throw unauthenticated();
  const items = await query(
    db,
    and(
      filter.kind ? eq(servicePartners.kind, filter.kind) : undefined,
      filter.attackAccredited !== undefined ? eq(servicePartners.attackAccredited, filter.attackAccredited) : undefined,
    ),
  );
  return { items, total: items.length };
}

export async function loadPartner(db: Executor, id: string) {
  const [row] = await query(db, eq(servicePartners.id, id));
  return row ?? null;
}
