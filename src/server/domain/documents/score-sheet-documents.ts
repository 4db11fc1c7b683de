/**
 * The acceptance score sheets as PDFs, fed by the panel the acceptance card reads (getPanel: same reader, same
 * view rules). An expert's sheet: to the owning bureau (every expert's) and to the expert itself (its own); the
 * panel summary: to whoever the panel shows the aggregate — the owning bureau, and an expert once its own sheet is
 * complete. The applicant and its district see who sits on the panel, not the scores: 404 for them, as for anyone
 * the panel is hidden from.
 */
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, notFound } from '../../errors';
import type { SheetExpert, SheetHead } from '../../pdf/score-sheet';
import { getPanel } from '../acceptance/get-panel';
import { applicationSummary, findApplication } from '../applications/application-queries';

async function panelForSheets(db: Executor, ctx: RequestContext, id: string) {
  const panel = await getPanel(db, ctx, id);
  if (panel.view === 'members' || !panel.rubric) throw notFound('评分表');
  const found = await findApplication(db, id);
  if (!found) throw notFound('申报');
  const summary = applicationSummary(found);
  const head: SheetHead = {
    unitName: summary.unitName,
    programmeTitle: summary.programmeTitle,
    kindName: summary.kindName,
  };
  const experts: SheetExpert[] = panel.members
    .filter((m) => m.answers !== null)
    .map((m) => ({
      expertId: m.expertId,
      name: m.name,
      answers: m.answers as SheetExpert['answers'],
      comment: m.comment,
    }));
  return { panel, rubric: panel.rubric, head, experts };
}

const notScoredYet = () =>
  new AppError('conflict', '尚无可汇总的评分：专家完成本人评分后可下载评分表', {
    details: { reason: 'no_scores' },
  });

export async function expertSheetData(db: Executor, ctx: RequestContext, id: string, expertId: string) {
  const { panel, rubric, head, experts } = await panelForSheets(db, ctx, id);
  const expert = experts.find((e) => e.expertId === expertId);
  if (!expert) throw notFound('专家评分表');
  const aggregate = panel.aggregate;
  if (!aggregate?.experts.some((e) => e.expertId === expertId)) throw notScoredYet();
  return { rubric, aggregate, expert, head };
}

export async function panelSummaryData(db: Executor, ctx: RequestContext, id: string) {
  const { panel, rubric, head, experts } = await panelForSheets(db, ctx, id);
  if (!panel.aggregate) throw notScoredYet();
  return { rubric, aggregate: panel.aggregate, experts, head, opinion: panel.acceptanceOpinion };
}
