/**
 * The acceptance panel's sheets put together. Each expert's sheet is evaluated by the rubric engine
 * (`evaluateRubric`), so an item never counts above its points, a failed gate counts 0 and a bonus group never
 * above its cap — exactly as in the self-assessment; this file only aggregates across experts.
 *
 * - Scored rubric: per item the experts' counted scores, mean (to 0.01), median, min, max, spread (max − min) and
 *   a disagreement flag when the spread reaches `disagreementThreshold` × the item's points (30 % by default);
 *   per expert the totals as its own evaluation counts them (gates and bonus caps applied); for the panel total the
 *   same figures over the experts' totals — mean, median, spread — flagged when the spread reaches
 *   `totalDisagreementThreshold` × the rubric's maximum total (15 % by default); the mean total against the pass
 *   mark. A base item an expert has not scored is left out of that item's figures (and the sheet is incomplete); a
 *   bonus item not scored counts 0 (no bonus).
 * - The panel's mean total is the mean of the experts' totals, not the sum of the item means: each expert's total
 *   is capped, so the mean never exceeds the rubric's maximum, whereas the bonus items' means may add up to more
 *   than their group's cap (6 × 4 under a cap of 20 in 000). With every base item scored by every expert it equals
 *   the base items' means plus the bonus groups' means (each group's mean taken over the capped group totals), up
 *   to the 0.01 rounding of each mean.
 * - A sheet is complete when the expert has scored every base item (or the platform's data decided it) and written
 *   a comment (the answer's `note`) on each, and on every bonus item it scored: each expert scores every item with
 *   a comment. What is missing is listed per expert in Chinese (`missing`).
 * - Checklist: per requirement who found it met, the majority result (more than half of the panel) and whether
 *   all found it met; a condition holds when its own checks pass and every requirement holds, by majority or by all.
 *   Per condition also which experts' own sheets find the whole condition met (shown as "m / n"; it does not decide
 *   — the pass rule stays per requirement). A checklist sheet is complete when every requirement is answered or
 *   decided by data; comments are not required there (nothing is scored).
 *
 * The caller passes only the sheets that count: experts who declared a conflict (回避) are left out before this.
 * Sheets are expected to be valid (checked with `parseAnswers` when saved); an invalid sheet throws
 * `InvalidAnswersError`.
 */
import { gateFails } from '../rubric/checks';
import { evaluateRubric, type ItemResult, type ScoredEvaluation } from '../rubric/evaluate';
import type { MetricValues } from '../rubric/metrics';
import type { ChecklistRubric, Rubric, ScoredRubric } from '../rubric/schema';
import { rubricSummary } from '../rubric/summary';

export interface ExpertSheet {
  expertId: string;
  /** The expert's answers to the rubric (same shape as a self-assessment). */
  answers: unknown;
}

export interface PanelOptions {
  /** Share of an item's points the spread must reach to flag disagreement; default 0.3. */
  disagreementThreshold?: number;
  /** Share of the rubric's maximum total the spread of the experts' totals must reach to flag it; default 0.15. */
  totalDisagreementThreshold?: number;
  /** The platform's metric values for the applicant, so gates apply as in the self-assessment. */
  metrics?: MetricValues;
}

/** Per item: the experts' scores of an item spread over at least 30 % of what the item is worth. */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 0.3;

/**
 * Per total: the experts' totals spread over at least 15 % of the rubric's maximum total (bonus caps included).
 * Measured like the item rule — against what is at stake, here the whole rubric — but at half the share, because
 * item disagreements partly cancel in a total (an expert strict on one item is often generous on another), so a
 * total spread is a stronger signal at a smaller share: 15 of 100 points is three quarters of the band between
 * 004's pass mark of 80 and full marks, i.e. the experts differ on the verdict, not on a detail. With 30 % the flag
 * would hardly ever be raised on a real panel.
 */
export const DEFAULT_TOTAL_DISAGREEMENT_THRESHOLD = 0.15;

export interface ScoreStats {
  count: number;
  mean: number;
  median: number;
  min: number;
  max: number;
  spread: number;
}

export interface ExpertScore {
  expertId: string;
  score: number;
}

export interface PanelItem {
  id: string;
  /** The item as the sheet shows it: its group's title and its place in the group, e.g. “组织机构”第 1 项. */
  label: string;
  text: string;
  points: number;
  bonus: boolean;
  /** The indicator or bonus group the item belongs to. */
  parentId: string;
  scores: ExpertScore[];
  /** Experts who have not scored this base item. */
  unscoredBy: string[];
  /** Experts whose sheet owes a comment on this item (every base item; a bonus item they scored). */
  uncommentedBy: string[];
  /** null when no expert has scored it. */
  stats: ScoreStats | null;
  disagreement: boolean;
  /**
   * The platform's data fails a gate of the item, so every expert's score counts 0: why, with the figures, and what
   * the experts entered. null when no gate fails.
   */
  gate: { reason: string; entered: ExpertScore[] } | null;
}

export interface PanelBonusGroup {
  id: string;
  title: string;
  cap: number;
  /** Mean of the experts' capped group totals: never above the cap. */
  mean: number | null;
}

/** unscored: a base item without a score; no_comment: an item without its comment; unanswered: a requirement. */
export const SHEET_GAP_CODES = ['unscored', 'no_comment', 'unanswered'] as const;
export type SheetGapCode = (typeof SHEET_GAP_CODES)[number];

/** What an expert's sheet still lacks, in Chinese. */
export interface SheetGap {
  nodeId: string;
  code: SheetGapCode;
  message: string;
}

export interface ExpertTotal {
  expertId: string;
  baseTotal: number;
  bonusTotal: number;
  /** As the expert's own evaluation counts it: gates applied, each bonus group capped; never above `maxTotal`. */
  grandTotal: number;
  /** Per bonus group the expert's items summed (`raw`) and as counted, capped (`awarded`): the sheet's subtotals. */
  bonusGroups: { id: string; raw: number; awarded: number }[];
  /** Every base item scored, and every base item and scored bonus item commented. */
  complete: boolean;
  /** Why the sheet is not complete; empty when it is. */
  missing: SheetGap[];
}

export interface ScoredPanelResult {
  form: 'scored';
  rubricId: string;
  expertCount: number;
  items: PanelItem[];
  bonusGroups: PanelBonusGroup[];
  experts: ExpertTotal[];
  /** Mean of the experts' grand totals (= `total.mean`); null without experts. */
  meanTotal: number | null;
  /** Mean, median, min, max and spread of the experts' grand totals; null without experts. */
  total: ScoreStats | null;
  /** The experts' totals spread over `totalDisagreementThreshold` × `maxTotal` or more (two experts at least). */
  totalDisagreement: boolean;
  maxTotal: number;
  passMark: number | null;
  /** meanTotal against the pass mark; null without a pass mark or without experts. */
  passed: boolean | null;
  /** Ids of the items flagged for disagreement. */
  disagreements: string[];
  /** Every expert scored every base item. */
  complete: boolean;
}

export interface PanelRequirement {
  id: string;
  /** As the sheet shows it: “工作保障到位”第 1 项. */
  label: string;
  text: string;
  conditionId: string;
  metBy: string[];
  notMetBy: string[];
  unansweredBy: string[];
  /** Met by more than half of the panel (an unanswered requirement counts against). */
  majority: boolean;
  allMet: boolean;
  /** Some experts found it met, others not. */
  disagreement: boolean;
}

export interface PanelCondition {
  id: string;
  title: string;
  /** Why the platform's data fails the condition whatever the experts found (with the figures); null otherwise. */
  gateReason: string | null;
  /** Experts whose own sheet finds the whole condition met (its checks and every requirement): "m / expertCount". */
  metBy: string[];
  majority: boolean;
  allMet: boolean;
}

export interface ExpertVerdict {
  expertId: string;
  metCount: number;
  total: number;
  passed: boolean;
  /** Every requirement answered or decided by data. */
  complete: boolean;
  /** The requirements still unanswered; empty when complete. */
  missing: SheetGap[];
}

export interface ChecklistPanelResult {
  form: 'checklist';
  rubricId: string;
  expertCount: number;
  requirements: PanelRequirement[];
  conditions: PanelCondition[];
  experts: ExpertVerdict[];
  passedByMajority: boolean;
  passedUnanimously: boolean;
}

export type PanelResult = ScoredPanelResult | ChecklistPanelResult;

/** Rounded to 0.01 (half away from zero for the non-negative scores used here). */
export const round2 = (value: number): number => Math.round((value + Number.EPSILON) * 100) / 100;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function scoreStats(values: readonly number[]): ScoreStats | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  return {
    count: sorted.length,
    mean: round2(sum(sorted) / sorted.length),
    median: round2(median),
    min,
    max,
    spread: round2(max - min),
  };
}

/**
 * Spread at or above `threshold` × points (an item's points, or the rubric's maximum for the total); the tolerance
 * absorbs 0.3 × 10 = 3.0000000000000004.
 */
export function isDisagreement(stats: ScoreStats | null, points: number, threshold: number): boolean {
  return stats !== null && stats.count >= 2 && stats.spread >= threshold * points - 1e-9;
}

function assertDistinct(sheets: readonly ExpertSheet[]) {
  const ids = new Set(sheets.map((s) => s.expertId));
  if (ids.size !== sheets.length) throw new Error('each expert may hand in one sheet only');
}

const excerpt = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Each item and requirement as the sheet shows it — under its indicator, bonus group or condition, in order — since
 * the rubric's ids (i1.1, b6, c2.r1) appear nowhere on the sheet: “组织机构”第 1 项, “加分项”第 6 项.
 */
export function sheetLabels(rubric: Rubric): Map<string, string> {
  const labels = new Map<string, string>();
  const groups =
    rubric.form === 'scored'
      ? [...rubric.indicators, ...rubric.bonusGroups].map((g) => ({ title: g.title, nodes: g.items }))
      : rubric.conditions.map((c) => ({ title: c.title, nodes: c.requirements }));
  for (const group of groups) {
    group.nodes.forEach((node, i) => {
      labels.set(node.id, `“${group.title}”第 ${i + 1} 项`);
    });
  }
  return labels;
}

/** Why the platform's data zeroes an item: its failing gates' statements ("近12个月业务指导 1 次，要求不少于 2 次"). */
function gateReason(item: ItemResult): string | null {
  if (!item.gated) return null;
  const failing = item.checks.filter((c) => c.effect === 'gate' && c.status === 'not_met');
  return `系统核验未通过：${failing.map((c) => c.message).join('；')}，本项按 0 分计`;
}

/** Whether a sheet owes a comment on the item: every base item; a bonus item once the expert has scored it. */
const needsComment = (item: ItemResult) => !item.bonus || item.answeredScore !== undefined;
/** A base item is scored when the expert scored it or the platform's data decided it; a bonus item always counts. */
const isScored = (item: ItemResult) => item.bonus || item.decidedBy !== null;
const isUncommented = (item: ItemResult) => needsComment(item) && !item.note?.trim();

/** What an expert's scored sheet lacks, item by item in rubric order: a score, a comment. */
export function scoredSheetGaps(evaluation: ScoredEvaluation, labels: ReadonlyMap<string, string>): SheetGap[] {
  return allItems(evaluation).flatMap((item) => {
    const gaps: SheetGap[] = [];
    const label = labels.get(item.id) ?? item.id;
    if (!isScored(item)) {
      gaps.push({ nodeId: item.id, code: 'unscored', message: `${label}尚未评分：${excerpt(item.text)}` });
    }
    if (isUncommented(item)) {
      gaps.push({
        nodeId: item.id,
        code: 'no_comment',
        message: `${label}尚未填写评分意见：${excerpt(item.text)}`,
      });
    }
    return gaps;
  });
}

function allItems(evaluation: ScoredEvaluation): (ItemResult & { parentId: string })[] {
  return [
    ...evaluation.indicators.flatMap((i) => i.items.map((item) => ({ ...item, parentId: i.id }))),
    ...evaluation.bonusGroups.flatMap((g) => g.items.map((item) => ({ ...item, parentId: g.id }))),
  ];
}

export function aggregateScoredPanel(
  rubric: ScoredRubric,
  sheets: readonly ExpertSheet[],
  options: PanelOptions = {},
): ScoredPanelResult {
  assertDistinct(sheets);
  const threshold = options.disagreementThreshold ?? DEFAULT_DISAGREEMENT_THRESHOLD;
  const totalThreshold = options.totalDisagreementThreshold ?? DEFAULT_TOTAL_DISAGREEMENT_THRESHOLD;
  const evaluations = sheets.map((s) => ({
    expertId: s.expertId,
    result: evaluateRubric(rubric, s.answers, options.metrics),
  }));
  const perExpert = evaluations.map((e) => ({ expertId: e.expertId, items: allItems(e.result) }));

  const template = allItems(evaluateRubric(rubric, {}, options.metrics));
  const labels = sheetLabels(rubric);
  const items: PanelItem[] = template.map((t, index) => {
    const results = perExpert.map((e) => ({ expertId: e.expertId, item: e.items[index]! }));
    const scores = results
      .filter((r) => isScored(r.item))
      .map((r) => ({ expertId: r.expertId, score: r.item.awarded }));
    const stats = scoreStats(scores.map((s) => s.score));
    const reason = gateReason(t);
    return {
      id: t.id,
      label: labels.get(t.id) ?? t.id,
      text: t.text,
      points: t.points,
      bonus: t.bonus,
      parentId: t.parentId,
      scores,
      unscoredBy: results.filter((r) => !isScored(r.item)).map((r) => r.expertId),
      uncommentedBy: results.filter((r) => isUncommented(r.item)).map((r) => r.expertId),
      stats,
      disagreement: isDisagreement(stats, t.points, threshold),
      gate: reason
        ? {
            reason,
            entered: results
              .filter((r) => r.item.answeredScore !== undefined)
              .map((r) => ({ expertId: r.expertId, score: r.item.answeredScore! })),
          }
        : null,
    };
  });

  const bonusGroups = rubric.bonusGroups.map((g, index) => {
    const awarded = evaluations.map((e) => e.result.bonusGroups[index]!.awarded);
    return {
      id: g.id,
      title: g.title,
      cap: g.cap,
      mean: awarded.length > 0 ? round2(sum(awarded) / awarded.length) : null,
    };
  });
  const experts = evaluations.map((e) => {
    const missing = scoredSheetGaps(e.result, labels);
    return {
      expertId: e.expertId,
      baseTotal: e.result.baseTotal,
      bonusTotal: e.result.bonusTotal,
      grandTotal: e.result.grandTotal,
      bonusGroups: e.result.bonusGroups.map((g) => ({ id: g.id, raw: g.raw, awarded: g.awarded })),
      complete: missing.length === 0,
      missing,
    };
  });
  // The total's figures are taken over the experts' own (capped, gated) totals — see the file's head.
  const total = scoreStats(experts.map((e) => e.grandTotal));
  const meanTotal = total?.mean ?? null;
  const passMark = rubric.passMark ?? null;
  const summary = rubricSummary(rubric);
  if (summary.form !== 'scored') throw new Error('unreachable');
  return {
    form: 'scored',
    rubricId: rubric.id,
    expertCount: sheets.length,
    items,
    bonusGroups,
    experts,
    meanTotal,
    total,
    totalDisagreement: isDisagreement(total, summary.maxTotal, totalThreshold),
    maxTotal: summary.maxTotal,
    passMark,
    passed: passMark === null || meanTotal === null ? null : meanTotal >= passMark,
    disagreements: items.filter((i) => i.disagreement).map((i) => i.id),
    complete: experts.every((e) => e.complete),
  };
}

export function aggregateChecklistPanel(
  rubric: ChecklistRubric,
  sheets: readonly ExpertSheet[],
  options: Pick<PanelOptions, 'metrics'> = {},
): ChecklistPanelResult {
  assertDistinct(sheets);
  const evaluations = sheets.map((s) => ({
    expertId: s.expertId,
    result: evaluateRubric(rubric, s.answers, options.metrics),
  }));
  const template = evaluateRubric(rubric, {}, options.metrics);
  const labels = sheetLabels(rubric);
  const majorityOf = (count: number) => count * 2 > sheets.length;

  const requirements: PanelRequirement[] = template.conditions.flatMap((c, ci) =>
    c.requirements.map((r, ri) => {
      const by = (status: string) =>
        evaluations.filter((e) => e.result.conditions[ci]!.requirements[ri]!.status === status).map((e) => e.expertId);
      const metBy = by('met');
      const notMetBy = by('not_met');
      return {
        id: r.id,
        label: labels.get(r.id) ?? r.id,
        text: r.text,
        conditionId: c.id,
        metBy,
        notMetBy,
        unansweredBy: by('unanswered'),
        majority: majorityOf(metBy.length),
        allMet: sheets.length > 0 && metBy.length === sheets.length,
        disagreement: metBy.length > 0 && notMetBy.length > 0,
      };
    }),
  );
  const conditions = template.conditions.map((c, ci) => {
    const own = !gateFails(c.checks);
    const reqs = requirements.filter((r) => r.conditionId === c.id);
    const failing = c.checks.filter((check) => check.effect === 'gate' && check.status === 'not_met');
    return {
      id: c.id,
      title: c.title,
      gateReason: own ? null : `系统核验未通过：${failing.map((check) => check.message).join('；')}`,
      metBy: evaluations.filter((e) => e.result.conditions[ci]!.met).map((e) => e.expertId),
      majority: own && reqs.every((r) => r.majority),
      allMet: own && reqs.every((r) => r.allMet),
    };
  });
  const experts = evaluations.map((e) => {
    const missing = e.result.conditions.flatMap((c) =>
      c.requirements
        .filter((r) => r.status === 'unanswered')
        .map((r) => ({
          nodeId: r.id,
          code: 'unanswered' as const,
          message: `${labels.get(r.id) ?? r.id}尚未确认是否符合：${excerpt(r.text)}`,
        })),
    );
    return {
      expertId: e.expertId,
      metCount: e.result.metCount,
      total: e.result.total,
      passed: e.result.passed,
      complete: missing.length === 0,
      missing,
    };
  });
  return {
    form: 'checklist',
    rubricId: rubric.id,
    expertCount: sheets.length,
    requirements,
    conditions,
    experts,
    passedByMajority: sheets.length > 0 && conditions.every((c) => c.majority),
    passedUnanimously: sheets.length > 0 && conditions.every((c) => c.allMet),
  };
}

/** Aggregates the panel's sheets for either form of rubric. */
export function aggregatePanel(
  rubric: ScoredRubric,
  sheets: readonly ExpertSheet[],
  options?: PanelOptions,
): ScoredPanelResult;
export function aggregatePanel(
  rubric: ChecklistRubric,
  sheets: readonly ExpertSheet[],
  options?: PanelOptions,
): ChecklistPanelResult;
export function aggregatePanel(rubric: Rubric, sheets: readonly ExpertSheet[], options?: PanelOptions): PanelResult;
export function aggregatePanel(
  rubric: Rubric,
  sheets: readonly ExpertSheet[],
  options: PanelOptions = {},
): PanelResult {
  return rubric.form === 'scored'
    ? aggregateScoredPanel(rubric, sheets, options)
    : aggregateChecklistPanel(rubric, sheets, options);
}
