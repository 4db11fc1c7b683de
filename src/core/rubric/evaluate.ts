/**
 * The rubric engine: answers + metric values → per-node outcome (score or met/not met), the evidence used, and the
 * gaps in plain Chinese; totals with bonus caps enforced; pass/fail against the pass mark or "all conditions met".
 * Pure and deterministic.
 *
 * Rules, for both forms:
 * - A check with effect `gate` is a necessary condition: when the data shows it unmet, the node fails (a scored item
 *   gets 0, a requirement is not met) whatever the answer says. Missing data never fails a node by itself.
 * - An `auto` node is decided by its gates when the data is there; otherwise the answer decides.
 * - A scored item never gets more than its points; a bonus group never more than its cap; so the grand total never
 *   exceeds `rubricSummary(rubric).maxTotal`.
 */
import { type AnswerSet, type EvidenceRef, InvalidAnswersError, type NodeAnswer, parseAnswers } from './answers';
import { autoStatus, type CheckOutcome, evaluateChecks, formatNumber, gateFails } from './checks';
import type { MetricValues } from './metrics';
import type { Problem } from './problems';
import type {
  BonusGroup,
  ChecklistRubric,
  Condition,
  Indicator,
  Requirement,
  Rubric,
  ScoredItem,
  ScoredRubric,
} from './schema';
import { rubricSummary } from './summary';

export type GapCode =
  /** A metric check is not met. */
  | 'metric_not_met'
  /** The platform has no data for a metric check. */
  | 'metric_unknown'
  /** Not yet answered (self-score or "符合/不符合"). */
  | 'unanswered'
  /** Answered "不符合". */
  | 'not_met'
  /** A scored item answered below its points. */
  | 'partial'
  /** A gate failed, so a positive self-score counts 0. */
  | 'gated'
  /** Answered positively without any evidence, and no metric vouches for it. */
  | 'no_evidence'
  /** Total below the pass mark. */
  | 'below_pass_mark';

export interface Gap {
  /** The rubric node the gap belongs to (the rubric id for the pass-mark gap). */
  nodeId: string;
  code: GapCode;
  message: string;
}

export type DecidedBy = 'metric' | 'answer' | null;

export interface RequirementResult {
  id: string;
  text: string;
  status: 'met' | 'not_met' | 'unanswered';
  decidedBy: DecidedBy;
  checks: CheckOutcome[];
  evidence: EvidenceRef[];
  note?: string;
  gaps: Gap[];
}

export interface ItemResult {
  id: string;
  text: string;
  points: number;
  bonus: boolean;
  /** The score entered by the applicant or expert, if any. */
  answeredScore: number | undefined;
  /** The score counted: 0 if a gate failed, never above `points`. */
  awarded: number;
  gated: boolean;
  decidedBy: DecidedBy;
  checks: CheckOutcome[];
  requirements: RequirementResult[];
  evidence: EvidenceRef[];
  note?: string;
  gaps: Gap[];
}

export interface IndicatorResult {
  id: string;
  title: string;
  max: number;
  awarded: number;
  items: ItemResult[];
}

export interface BonusGroupResult {
  id: string;
  title: string;
  cap: number;
  /** Sum of the items' points (may exceed the cap, as in 000). */
  itemsMax: number;
  /** Sum of the awarded item scores before the cap. */
  raw: number;
  /** min(raw, cap). */
  awarded: number;
  capped: boolean;
  items: ItemResult[];
}

export interface ScoredEvaluation {
  form: 'scored';
  rubricId: string;
  indicators: IndicatorResult[];
  bonusGroups: BonusGroupResult[];
  baseTotal: number;
  baseMax: number;
  bonusTotal: number;
  bonusMax: number;
  grandTotal: number;
  maxTotal: number;
  passMark: number | null;
  /** null when the rubric has no pass mark. */
  passed: boolean | null;
  gaps: Gap[];
}

export interface ConditionResult {
  id: string;
  title: string;
  met: boolean;
  checks: CheckOutcome[];
  requirements: RequirementResult[];
  evidence: EvidenceRef[];
  gaps: Gap[];
}

export interface ChecklistEvaluation {
  form: 'checklist';
  rubricId: string;
  conditions: ConditionResult[];
  metCount: number;
  total: number;
  /** Every condition met. */
  passed: boolean;
  gaps: Gap[];
}

export type Evaluation = ScoredEvaluation | ChecklistEvaluation;

const excerpt = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

function checkGaps(nodeId: string, outcomes: readonly CheckOutcome[]): Gap[] {
  const gaps: Gap[] = [];
  for (const o of outcomes) {
    if (o.status === 'met' || !o.message) continue;
    gaps.push({ nodeId, code: o.status === 'not_met' ? 'metric_not_met' : 'metric_unknown', message: o.message });
  }
  return gaps;
}

const anyCheckMet = (outcomes: readonly CheckOutcome[]) => outcomes.some((o) => o.status === 'met');

interface Context {
  answers: AnswerSet;
  metrics: MetricValues;
}

function answerOf(ctx: Context, id: string): NodeAnswer | undefined {
  return ctx.answers[id];
}

function evaluateRequirement(req: Requirement, ctx: Context, scored: boolean): RequirementResult {
  const checks = evaluateChecks(req.checks, ctx.metrics);
  const answer = answerOf(ctx, req.id);
  const evidence = answer?.evidence ?? [];
  let status: RequirementResult['status'];
  let decidedBy: DecidedBy;
  const auto = req.auto ? autoStatus(checks) : 'unknown';
  if (auto === 'met' || auto === 'not_met') {
    status = auto;
    decidedBy = 'metric';
  } else if (gateFails(checks)) {
    status = 'not_met';
    decidedBy = 'metric';
  } else if (answer?.met === undefined) {
    status = 'unanswered';
    decidedBy = null;
  } else {
    status = answer.met ? 'met' : 'not_met';
    decidedBy = 'answer';
  }

  const gaps = checkGaps(req.id, checks);
  const short = excerpt(req.text);
  if (decidedBy === 'answer' && status === 'not_met') {
    gaps.push({ nodeId: req.id, code: 'not_met', message: `自评不符合：${short}` });
  } else if (status === 'unanswered' && !scored) {
    gaps.push({ nodeId: req.id, code: 'unanswered', message: `尚未确认是否符合：${short}` });
  } else if (decidedBy === 'answer' && status === 'met' && evidence.length === 0 && !anyCheckMet(checks) && !scored) {
    gaps.push({ nodeId: req.id, code: 'no_evidence', message: `尚未提供佐证材料：${short}` });
  }
  const result: RequirementResult = { id: req.id, text: req.text, status, decidedBy, checks, evidence, gaps };
  if (answer?.note) result.note = answer.note;
  return result;
}

function evaluateItem(item: ScoredItem, bonus: boolean, ctx: Context): ItemResult {
  const checks = evaluateChecks(item.checks, ctx.metrics);
  const requirements = (item.requirements ?? []).map((r) => evaluateRequirement(r, ctx, true));
  const answer = answerOf(ctx, item.id);
  const evidence = answer?.evidence ?? [];
  const gated = gateFails(checks) || requirements.some((r) => gateFails(r.checks));

  let candidate: number | undefined = answer?.score;
  let decidedBy: DecidedBy = candidate === undefined ? null : 'answer';
  if (item.auto) {
    const auto = autoStatus(checks);
    if (auto !== 'unknown') {
      candidate = auto === 'met' ? item.points : 0;
      decidedBy = 'metric';
    }
  }
  const awarded = gated ? 0 : Math.min(Math.max(candidate ?? 0, 0), item.points);
  if (gated) decidedBy = 'metric';

  const gaps = [...checkGaps(item.id, checks), ...requirements.flatMap((r) => r.gaps)];
  const short = excerpt(item.text);
  if (gated) {
    if ((candidate ?? 0) > 0) {
      gaps.push({
        nodeId: item.id,
        code: 'gated',
        message: `未达到上述必要条件，本项按 0 分计（自评 ${formatNumber(candidate ?? 0)} 分）：${short}`,
      });
    }
  } else if (!bonus && candidate === undefined) {
    gaps.push({
      nodeId: item.id,
      code: 'unanswered',
      message: `尚未自评打分（满分 ${formatNumber(item.points)} 分）：${short}`,
    });
  } else if (!bonus && awarded < item.points) {
    gaps.push({
      nodeId: item.id,
      code: 'partial',
      message: `自评 ${formatNumber(awarded)} 分，满分 ${formatNumber(item.points)} 分：${short}`,
    });
  }
  if (awarded > 0 && decidedBy === 'answer' && evidence.length === 0 && !anyCheckMet(checks)) {
    gaps.push({ nodeId: item.id, code: 'no_evidence', message: `尚未提供佐证材料：${short}` });
  }
  const result: ItemResult = {
    id: item.id,
    text: item.text,
    points: item.points,
    bonus,
    answeredScore: answer?.score,
    awarded,
    gated,
    decidedBy,
    checks,
    requirements,
    evidence,
    gaps,
  };
  if (answer?.note) result.note = answer.note;
  return result;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

function evaluateIndicator(ind: Indicator, ctx: Context): IndicatorResult {
  const items = ind.items.map((i) => evaluateItem(i, false, ctx));
  return {
    id: ind.id,
    title: ind.title,
    max: sum(ind.items.map((i) => i.points)),
    awarded: sum(items.map((i) => i.awarded)),
    items,
  };
}

function evaluateBonusGroup(group: BonusGroup, ctx: Context): BonusGroupResult {
  const items = group.items.map((i) => evaluateItem(i, true, ctx));
  const raw = sum(items.map((i) => i.awarded));
  return {
    id: group.id,
    title: group.title,
    cap: group.cap,
    itemsMax: sum(group.items.map((i) => i.points)),
    raw,
    awarded: Math.min(raw, group.cap),
    capped: raw > group.cap,
    items,
  };
}

function evaluateScored(rubric: ScoredRubric, ctx: Context): ScoredEvaluation {
  const summary = rubricSummary(rubric);
  if (summary.form !== 'scored') throw new Error('unreachable');
  const indicators = rubric.indicators.map((i) => evaluateIndicator(i, ctx));
  const bonusGroups = rubric.bonusGroups.map((g) => evaluateBonusGroup(g, ctx));
  const baseTotal = sum(indicators.map((i) => i.awarded));
  const bonusTotal = sum(bonusGroups.map((g) => g.awarded));
  const grandTotal = baseTotal + bonusTotal;
  const passMark = rubric.passMark ?? null;
  const passed = passMark === null ? null : grandTotal >= passMark;
  const gaps = [...indicators.flatMap((i) => i.items), ...bonusGroups.flatMap((g) => g.items)].flatMap((i) => i.gaps);
  if (passed === false) {
    gaps.unshift({
      nodeId: rubric.id,
      code: 'below_pass_mark',
      message: `估算总分 ${formatNumber(grandTotal)} 分，低于合格标准 ${formatNumber(passMark ?? 0)} 分`,
    });
  }
  return {
    form: 'scored',
    rubricId: rubric.id,
    indicators,
    bonusGroups,
    baseTotal,
    baseMax: summary.baseMax,
    bonusTotal,
    bonusMax: summary.bonusMax,
    grandTotal,
    maxTotal: summary.maxTotal,
    passMark,
    passed,
    gaps,
  };
}

function evaluateConditionNode(cond: Condition, ctx: Context): ConditionResult {
  const checks = evaluateChecks(cond.checks, ctx.metrics);
  const requirements = cond.requirements.map((r) => evaluateRequirement(r, ctx, false));
  const met = !gateFails(checks) && requirements.every((r) => r.status === 'met');
  return {
    id: cond.id,
    title: cond.title,
    met,
    checks,
    requirements,
    evidence: answerOf(ctx, cond.id)?.evidence ?? [],
    gaps: [...checkGaps(cond.id, checks), ...requirements.flatMap((r) => r.gaps)],
  };
}

function evaluateChecklist(rubric: ChecklistRubric, ctx: Context): ChecklistEvaluation {
  const conditions = rubric.conditions.map((c) => evaluateConditionNode(c, ctx));
  const metCount = conditions.filter((c) => c.met).length;
  return {
    form: 'checklist',
    rubricId: rubric.id,
    conditions,
    metCount,
    total: conditions.length,
    passed: metCount === conditions.length,
    gaps: conditions.flatMap((c) => c.gaps),
  };
}

/**
 * Evaluates answers against a rubric with the platform's metric values. Throws `InvalidAnswersError` (listing every
 * problem) when the answers do not fit the rubric — validate first with `parseAnswers` to show them to a user.
 */
export function evaluateRubric(rubric: ScoredRubric, answers: unknown, metrics?: MetricValues): ScoredEvaluation;
export function evaluateRubric(rubric: ChecklistRubric, answers: unknown, metrics?: MetricValues): ChecklistEvaluation;
export function evaluateRubric(rubric: Rubric, answers: unknown, metrics?: MetricValues): Evaluation;
export function evaluateRubric(rubric: Rubric, answers: unknown, metrics: MetricValues = {}): Evaluation {
  const result = tryEvaluateRubric(rubric, answers, metrics);
  if (!result.ok) throw new InvalidAnswersError(result.problems);
  return result.evaluation;
}

export type TryEvaluateResult<E extends Evaluation = Evaluation> =
  | { ok: true; evaluation: E }
  | { ok: false; problems: Problem[] };

/**
 * `evaluateRubric` for a page that evaluates as the user types: answers that do not fit (yet) are returned as
 * problems to show beside the sheet, never thrown — a render must not fail on what a user entered.
 */
export function tryEvaluateRubric(rubric: Rubric, answers: unknown, metrics: MetricValues = {}): TryEvaluateResult {
  const parsed = parseAnswers(rubric, answers);
  if (!parsed.ok) return { ok: false, problems: parsed.problems };
  const ctx: Context = { answers: parsed.answers, metrics };
  return {
    ok: true,
    evaluation: rubric.form === 'scored' ? evaluateScored(rubric, ctx) : evaluateChecklist(rubric, ctx),
  };
}
