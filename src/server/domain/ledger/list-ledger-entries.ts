import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { forbidden, unauthenticated } from '../../errors';
import { can, unitScope } from '../../policies';
import { type LedgerFilter, queryLedger } from './ledger-queries';

/** Ledger entries the actor may see: its unit's, or its jurisdiction subtree's. */
export async function listLedgerEntries(db: Executor, ctx: RequestContext, filter: LedgerFilter) {
  if (!ctx.actor) throw unauthenticated();
  if (!can(ctx.actor, 'unit.list')) throw forbidden();
  return queryLedger(db, unitScope(ctx.actor), filter);
}
