/**
 * Rights centres (维权中心): the city designates a zone in its subtree as a centre taking intake for the firms there
 * and routing it to a competent bureau (also in its subtree). Listed publicly (the report page offers them).
 */
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RightsCentreCreateInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { jurisdictions, rightsCentres } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { isCityOfficer } from './rights-access';

export async function listCentres(db: Executor) {
  const zone = alias(jurisdictions, 'zone');
  const target = alias(jurisdictions, 'target');
  return db
    .select({
      id: rightsCentres.id,
      name: rightsCentres.name,
      jurisdictionCode: rightsCentres.jurisdictionCode,
      jurisdictionName: zone.name,
      routesToCode: rightsCentres.routesToCode,
      routesToName: target.name,
      designatedOn: rightsCentres.designatedOn,
    })
    .from(rightsCentres)
    .innerJoin(zone, eq(zone.code, rightsCentres.jurisdictionCode))
    .innerJoin(target, eq(target.code, rightsCentres.routesToCode))
    .where(eq(rightsCentres.active, true))
    .orderBy(asc(rightsCentres.jurisdictionCode));
}

export async function designateCentre(db: Db, ctx: RequestContext, input: RightsCentreCreateInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' || !isCityOfficer(actor)) throw forbidden('只有市级及以上市场监管部门可以设立维权中心');
  const bad = (path: string, message: string) =>
    new AppError('validation_failed', message, { fields: [{ path, message }] });
  const [zone] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, input.jurisdictionCode));
  if (!zone || !inSubtree(actor, zone.path)) throw bad('jurisdictionCode', '只能在本辖区内设立维权中心');
  const [target] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, input.routesToCode));
  if (!target || !inSubtree(actor, target.path)) throw bad('routesToCode', '线索只能移交本辖区内的部门');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rightsCentres)
      .values({
        jurisdictionCode: zone.code,
        name: input.name,
        routesToCode: target.code,
        designatedById: actor.id,
        designatedOn: ctx.today,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('duplicate', '该区域已设立维权中心');
    await recordAudit(tx, ctx, {
      action: 'rights.centre_designate',
      entityType: 'rights_centre',
      entityId: row.id,
      jurisdictionPath: zone.path,
      after: { name: input.name, jurisdictionCode: zone.code, routesToCode: target.code },
    });
    return { id: row.id };
  });
}
