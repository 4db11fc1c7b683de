import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { forbidden } from '../../errors';
import { can } from '../../policies';
import { queryUsers } from './user-queries';

export async function listUsers(db: Executor, ctx: RequestContext, filter: Parameters<typeof queryUsers>[1]) {
  if (!can(ctx.actor, 'user.manage')) throw forbidden();
  return queryUsers(db, filter);
}
