/**
 * A programme's acceptance results, one row per application with a panel: its status, the panel's size and sheets,
 * and the panel's figures (the mean total against the pass mark, or the checklist's majority). The rows are the
 * applications list's (same scope: a district sees its subtree, the owning bureau its programme), read through
 * `queryApplications` page by page; the figures are `panelState`'s, the ones the acceptance card shows. Scores are
 * shown only to whom the acceptance card shows them in full (the owning bureau, an administrator); others see the
 * status and the panel's progress.
 */
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound, unauthenticated } from '../../errors';
import { findApplication, queryApplications } from '../applications/application-queries';
import { workflowRoles } from '../applications/workflow-roles';
import { panelState } from './panel-state';

export interface PanelResultsFilter {
  programmeId: string;
  kindId?: string;
  page: number;
  pageSize: number;
}

export async function listPanelResults(db: Executor, ctx: RequestContext, filter: PanelResultsFilter) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const page = await queryApplications(db, actor, { ...filter, withPanel: true });
  const items = [];
  // Sequential, as panelState's own queries are.
  for (const summary of page.items) {
    const found = await findApplication(db, summary.id);
    if (!found) throw notFound('申报');
    const roles = workflowRoles(actor, found);
    const seesScores = roles.includes('owner_officer') || roles.includes('admin');
    const state = await panelState(db, found, ctx.today);
    const sitting = state.members.filter((m) => m.sheetStatus !== 'recused');
    const aggregate = seesScores ? state.aggregate : null;
    items.push({
      applicationId: summary.id,
      unitName: summary.unitName,
      jurisdictionName: summary.jurisdictionName,
      kindName: summary.kindName,
      status: summary.status,
      form: state.rubric.form,
      panelSize: sitting.length,
      sheetsComplete: sitting.filter((m) => m.sheetStatus === 'complete').length,
      scoresVisible: seesScores,
      /** Scored rubric: the mean of the experts' totals, the maximum and the pass mark. */
      meanTotal: aggregate?.form === 'scored' ? aggregate.meanTotal : null,
      maxTotal: aggregate?.form === 'scored' ? aggregate.maxTotal : null,
      passMark: aggregate?.form === 'scored' ? aggregate.passMark : null,
      /** Checklist: requirements met by majority, of all. */
      metByMajority: aggregate?.form === 'checklist' ? aggregate.requirements.filter((r) => r.majority).length : null,
      requirementCount: aggregate?.form === 'checklist' ? aggregate.requirements.length : null,
      /** The panel's verdict on the sheets so far: pass mark reached, or every requirement met by majority. */
      passed: aggregate === null ? null : aggregate.form === 'scored' ? aggregate.passed : aggregate.passedByMajority,
    });
  }
  return { items, total: page.total };
}
