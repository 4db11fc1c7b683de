/** A service record as a bureau over its unit may change it: anybody else gets a 404, as for reading. */
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { serviceRecords } from '../../db/schema';
import { AppError, notFound, unauthenticated } from '../../errors';
import { canRecordServiceAt } from '../../policies/services';
import { findUnitWithPath } from '../units/unit-queries';

export async function changeableServiceRecord(db: Executor, ctx: RequestContext, id: string, version: number) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const [record] = await db.select().from(serviceRecords).where(eq(serviceRecords.id, id));
  const unit = record ? await findUnitWithPath(db, record.unitId) : null;
  if (!record || !unit || !canRecordServiceAt(actor, unit.jurisdictionPath)) throw notFound('服务记录');
  if (record.voidedAt) throw new AppError('conflict', '该服务记录已作废');
  if (record.version !== version) throw staleServiceRecord();
  return { record, unit, actor };
}

export const staleServiceRecord = () => new AppError('conflict', '该服务记录已被他人修改，请刷新后重试');
