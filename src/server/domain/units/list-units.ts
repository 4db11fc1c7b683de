import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { forbidden, unauthenticated } from '../../errors';
import { can, unitScope } from '../../policies';
import { queryUnits, type UnitListFilter } from './unit-queries';
import { findJurisdiction } from './unit-references';

/** Units the actor may see, filtered and paged. A jurisdiction filter narrows within the actor's scope. */
export async function listUnits(db: Executor, ctx: RequestContext, filter: UnitListFilter) {
  if (!ctx.actor) throw unauthenticated();
  if (!can(ctx.actor, 'unit.list')) throw forbidden();
  let filterPath: string | null = null;
  if (filter.jurisdictionCode) {
    const j = await findJurisdiction(db, filter.jurisdictionCode);
    if (!j) return { items: [], total: 0 };
    filterPath = j.path;
  }
  return queryUnits(db, unitScope(ctx.actor), filter, filterPath);
}
