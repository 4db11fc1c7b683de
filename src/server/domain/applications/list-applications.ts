import { ENDED_STATUSES } from '../../../core/applications/workflow';
import type { Actor, RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { unauthenticated } from '../../errors';
import { panelState } from '../acceptance/panel-state';
import { type ApplicationFilter, queryApplications, queryLoadedApplications } from './application-queries';
import { ownPanelSheets } from './panel-membership';
import { type LiveProgramme, waitingOnPage } from './todo-queries';

/** How many live applications an expert's to-do view and the officer's late list weigh at most. */
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
  return todoPage(db, { ...ctx, actor }, filter);
}

/**
 * The page of visible, live (not ended) applications that wait on the actor, newest first, and how many there are:
 * counted and paged in SQL (./todo-queries.ts). An expert's panels are few; whether its sheet is complete needs the
 * rubric, so they are weighed in memory.
 */
export async function todoPage(
  db: Executor,
  ctx: RequestContext & { actor: Actor },
  filter: ApplicationFilter,
  live?: readonly LiveProgramme[],
) {
  const actor = ctx.actor;
  if (actor.role === 'expert') {
    const live = await queryLoadedApplications(
      db,
      actor,
      { ...filter, excludeStatuses: ENDED_STATUSES },
      TODO_SCAN_LIMIT,
    );
    const waiting = await awaitingSheet(db, actor, live, ctx.today);
    const start = (filter.page - 1) * filter.pageSize;
    return { items: waiting.slice(start, start + filter.pageSize).map((row) => row.summary), total: waiting.length };
  }
  return waitingOnPage(db, actor, filter, live);
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
