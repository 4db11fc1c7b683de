import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound } from '../../errors';
import { can } from '../../policies';
import { loadUnitDetail } from './unit-queries';

/** One unit with its contacts, members and park; 404 (not 403) when the actor may not see it, so ids don't leak. */
export async function getUnit(db: Executor, ctx: RequestContext, id: string) {
  const detail = await loadUnitDetail(db, id);
  if (!detail || !can(ctx.actor, 'unit.read', { type: 'unit', id, jurisdictionPath: detail.jurisdictionPath })) {
    throw notFound('单位');
  }
  return detail;
}
