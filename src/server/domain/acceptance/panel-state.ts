/**
 * The panel of one application as it stands: its experts with their sheets, the aggregate over the sheets that
 * count (handed in by experts who have not recused — src/core/applications/panel-scores.ts) with the platform's
 * metrics for the applicant so gates apply as in the self-assessment, and what still stands in the way of passing.
 */
import { asc, eq } from 'drizzle-orm';
import { aggregatePanel, type PanelResult, type SheetGap } from '../../../core/applications/panel-scores';
import { AcceptanceMethod } from '../../../core/programs/enums';
import { rubricForKind } from '../../../core/programs/queries';
import type { Rubric } from '../../../core/rubric/schema';
import type { Executor } from '../../db/client';
import { acceptanceActivities, experts, panelAssignments } from '../../db/schema';
import type { LoadedApplication } from '../applications/application-queries';
import { type BlockingConflict, blockingConflicts, describeConflict } from '../experts/conflict-check';
import { unitMetrics } from '../self-assessments/unit-metrics';
import { acceptanceStage } from './panel-access';

export type SheetStatus = 'pending' | 'partial' | 'complete' | 'recused';

export async function loadPanelMembers(db: Executor, applicationId: string) {
  return db
    .select({
      assignment: panelAssignments,
      name: experts.name,
      affiliation: experts.affiliation,
      field: experts.field,
      userId: experts.userId,
    })
    .from(panelAssignments)
    .innerJoin(experts, eq(experts.id, panelAssignments.expertId))
    .where(eq(panelAssignments.applicationId, applicationId))
    .orderBy(asc(panelAssignments.assignedAt), asc(experts.name));
}

export type PanelMemberRow = Awaited<ReturnType<typeof loadPanelMembers>>[number];

export interface PanelMember extends PanelMemberRow {
  sheetStatus: SheetStatus;
  /** What a saved sheet still lacks (a score or a comment per item, in Chinese); null without a counted sheet. */
  missing: SheetGap[] | null;
  /** Conflicts of interest that would keep a sitting expert off this panel (recused experts: none checked). */
  conflicts: BlockingConflict[];
}

export interface PanelState {
  rubric: Rubric;
  members: PanelMember[];
  /** Over the sheets of experts who have not recused; null before the first sheet. */
  aggregate: PanelResult | null;
  /** The programme's acceptance rules: methods that must be recorded, the smallest panel (programme format). */
  rules: { requiredMethods: AcceptanceMethod[]; minPanelSize: number | null };
  /** The methods of the acceptance activities recorded so far. */
  recordedMethods: AcceptanceMethod[];
}

/** `today`: the business date the applicant's metrics are computed on (gates apply as in the self-assessment). */
export async function panelState(db: Executor, found: LoadedApplication, today: string): Promise<PanelState> {
  const { application, programme } = found;
  const rubric = rubricForKind(programme, application.kindId)!;
  const rows = await loadPanelMembers(db, application.id);
  const sheets = rows
    .filter((m) => m.assignment.recusedAt === null && m.assignment.answers !== null)
    .map((m) => ({ expertId: m.assignment.expertId, answers: m.assignment.answers }));
  const aggregate =
    sheets.length > 0
      ? aggregatePanel(rubric, sheets, { metrics: await unitMetrics(db, application.unitId, { asOf: today }) })
      : null;
  const verdicts = new Map<string, { complete: boolean; missing: SheetGap[] }>(
    aggregate?.experts.map((e) => [e.expertId, e]),
  );
  const members: PanelMember[] = [];
  // Sequential: this also runs inside transactions, where one connection cannot run queries in parallel.
  for (const m of rows) {
    const sitting = m.assignment.recusedAt === null;
    const verdict = sitting ? verdicts.get(m.assignment.expertId) : undefined;
    members.push({
      ...m,
      sheetStatus: !sitting
        ? 'recused'
        : m.assignment.answers === null
          ? 'pending'
          : verdict?.complete
            ? 'complete'
            : 'partial',
      missing: verdict?.missing ?? null,
      conflicts: sitting
        ? await blockingConflicts(db, { id: m.assignment.expertId, affiliation: m.affiliation }, application.unitId)
        : [],
    });
  }
  const stage = acceptanceStage(programme);
  const recorded = await db
    .selectDistinct({ method: acceptanceActivities.method })
    .from(acceptanceActivities)
    .where(eq(acceptanceActivities.applicationId, application.id));
  return {
    rubric,
    members,
    aggregate,
    rules: { requiredMethods: stage?.requiredMethods ?? [], minPanelSize: stage?.minPanelSize ?? null },
    recordedMethods: recorded.map((r) => r.method as AcceptanceMethod),
  };
}

export type PassProblemCode =
  | 'no_experts'
  | 'panel_too_small'
  | 'methods_not_recorded'
  | 'sheets_incomplete'
  | 'conflict_of_interest'
  | 'no_opinion'
  | 'below_pass_mark'
  | 'conditions_not_met';

export interface PassProblem {
  code: PassProblemCode;
  message: string;
}

/**
 * Why the panel's result does not (yet) allow passing: at least one sitting expert, every sitting expert's sheet
 * complete (each item scored and commented), no sitting expert with an open or confirmed conflict, a comprehensive
 * opinion, and the result — the experts' mean total at or above the pass mark (a scored rubric without a pass mark
 * leaves it to the opinion), or every condition met in the majority view of the panel (checklist).
 */
export function passProblems(state: PanelState, opinion: string | null | undefined): PassProblem[] {
  const problems: PassProblem[] = [];
  const sitting = state.members.filter((m) => m.sheetStatus !== 'recused');
  if (sitting.length === 0) {
    problems.push({ code: 'no_experts', message: '验收组尚无专家（或均已回避），请先指派验收专家' });
  }
  const { minPanelSize, requiredMethods } = state.rules;
  const complete = sitting.filter((m) => m.sheetStatus === 'complete').length;
  if (minPanelSize !== null && sitting.length > 0 && complete < minPanelSize) {
    problems.push({
      code: 'panel_too_small',
      message: `本方案要求验收组至少 ${minPanelSize} 名专家完成评分，目前 ${complete} 名`,
    });
  }
  const unrecorded = requiredMethods.filter((m) => !state.recordedMethods.includes(m));
  if (unrecorded.length > 0) {
    problems.push({
      code: 'methods_not_recorded',
      message: `本方案要求记录的验收方式尚未记录：${unrecorded.map((m) => `“${AcceptanceMethod.labels[m]}”`).join('、')}`,
    });
  }
  const waiting = sitting.filter((m) => m.sheetStatus !== 'complete');
  if (waiting.length > 0) {
    problems.push({
      code: 'sheets_incomplete',
      message: `还有 ${waiting.length} 名专家尚未完成评分（${waiting.map((m) => m.name).join('、')}）`,
    });
  }
  for (const m of sitting.filter((s) => s.conflicts.length > 0)) {
    problems.push({
      code: 'conflict_of_interest',
      message: `专家${m.name}与申报单位存在利益冲突：${m.conflicts.map(describeConflict).join('；')}，请处理冲突或由其回避`,
    });
  }
  if (!opinion?.trim()) problems.push({ code: 'no_opinion', message: '请先填写综合验收意见' });
  const result = state.aggregate;
  if (result?.form === 'scored' && result.passed === false) {
    problems.push({
      code: 'below_pass_mark',
      message: `专家评分平均 ${result.meanTotal} 分，低于合格标准 ${result.passMark} 分`,
    });
  }
  if (result?.form === 'checklist' && !result.passedByMajority) {
    const unmet = result.conditions.filter((c) => !c.majority).map((c) => `“${c.title}”`);
    problems.push({
      code: 'conditions_not_met',
      message: `按验收组多数意见，尚有条件不符合：${unmet.join('、')}`,
    });
  }
  return problems;
}
