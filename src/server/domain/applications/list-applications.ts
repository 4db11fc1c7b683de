import { ENDED_STATUSES } from '../../../core/applications/workflow';
import type { Actor, RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { unauthenticated } from '../../errors';
import { panelState } from '../acceptance/panel-state';
import { type ApplicationFilter, queryApplications, queryLoadedApplications } from './application-queries';
import { ownPanelSheets } from './panel-membership';
import { actionsFor } from './transition-application';
import { workflowRoles } from './workflow-roles';

/** How many live applications the to-do view weighs at most (one bureau's year is far fewer). */
export const TODO_SCAN_LIMIT = 2000;

/**
 * The applications the actor may see (its unit's; its jurisdiction's, drafts excepted; its panels'; all). With
 * `todo`, only those waiting on the actor: where it may take an action now (an expert: the panels under acceptance
 * where it sits and its scoring sheet is not complete yet — see `awaitingSheet`).
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
  return todoPage(db, { ...ctx, actor }, live, filter);
}

/** The page of `live` (visible, not ended) applications that wait on the actor. */
export async function todoPage(
  db: Executor,
  ctx: RequestContext & { actor: Actor },
  live: readonly LiveRow[],
  page: { page: number; pageSize: number },
) {
  const actor = ctx.actor;
  const waiting =
    actor.role === 'expert'
      ? await awaitingSheet(db, actor, live, ctx.today)
      : live.filter((row) => actionsFor(row, workflowRoles(actor, row)).filter((a) => a !== 'withdraw').length > 0);
  const start = (page.page - 1) * page.pageSize;
  return { items: waiting.slice(start, start + page.pageSize).map((row) => row.summary), total: waiting.length };
}

/**
 * The expert's panels still waiting on its scoring sheet: under acceptance, the expert assigned and not recused,
 * and no sheet saved yet — or one saved incomplete, since a sheet may be saved part-way and passing waits for every
 * sitting expert's complete sheet. Only the (few) panels with a saved sheet need the rubric's verdict on it.
 */
type LiveRow = Awaited<ReturnType<typeof queryLoadedApplications>>[number];

async function awaitingSheet(db: Executor, actor: Actor, rows: readonly LiveRow[], today: string): Promise<LiveRow[]> {
  const underAcceptance = rows.filter((row) => row.application.status === 'under_acceptance');
  const sheets = await ownPanelSheets(
    db,
    actor,
    underAcceptance.map((row) => row.application.id),
  );
  const waiting: LiveRow[] = [];
  // Sequential, as panelState's own queries are.
  for (const row of underAcceptance) {
    const sheet = sheets.get(row.application.id);
    if (!sheet) continue;
    if (!sheet.saved) {
      waiting.push(row);
      continue;
    }
    const { members } = await panelState(db, row, today);
    if (members.find((m) => m.userId === actor.id)?.sheetStatus === 'partial') waiting.push(row);
  }
  return waiting;
}
