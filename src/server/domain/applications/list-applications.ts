import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { unauthenticated } from '../../errors';
import { type ApplicationFilter, queryApplications } from './application-queries';

/** The applications the actor may see (its unit's; its jurisdiction's, drafts excepted; its panels'; all). */
export async function listApplications(db: Executor, ctx: RequestContext, filter: ApplicationFilter) {
  if (!ctx.actor) throw unauthenticated();
  return queryApplications(db, ctx.actor, filter);
}
