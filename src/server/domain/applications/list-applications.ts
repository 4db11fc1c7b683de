import { ENDED_STATUSES } from '../../../core/applications/workflow';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { unauthenticated } from '../../errors';
import { type ApplicationFilter, queryApplications, queryLoadedApplications } from './application-queries';
import { actionsFor } from './transition-application';
import { workflowRoles } from './workflow-roles';

/** How many live applications the to-do view weighs at most (one bureau's year is far fewer). */
const TODO_SCAN_LIMIT = 2000;

/**
 * The applications the actor may see (its unit's; its jurisdiction's, drafts excepted; its panels'; all). With
 * `todo`, only those waiting on the actor: where it may take an action now (an expert: its unscored panels).
 */
export async function listApplications(
  db: Executor,
  ctx: RequestContext,
  filter: ApplicationFilter & { todo?: boolean },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (!filter.todo) return queryApplications(db, actor, filter);
  const live = await queryLoadedApplications(
    db,
    actor,
    { ...filter, excludeStatuses: ENDED_STATUSES },
    TODO_SCAN_LIMIT,
  );
  const waiting = live.filter((row) =>
    actor.role === 'expert'
      ? row.application.status === 'under_acceptance'
      : actionsFor(row, workflowRoles(actor, row)).filter((a) => a !== 'withdraw').length > 0,
  );
  const start = (filter.page - 1) * filter.pageSize;
  return { items: waiting.slice(start, start + filter.pageSize).map((row) => row.summary), total: waiting.length };
}
