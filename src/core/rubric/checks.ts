/**
 * Evaluating metric checks against computed values, and saying in plain Chinese what is missing:
 * "近12个月业务指导 1 次，要求不少于 2 次".
 */
import { METRICS, type MetricId, type MetricValues } from './metrics';
import type { Check, CheckEffect, Comparison, MetricCondition } from './schema';

export type CheckStatus = 'met' | 'not_met' | 'unknown';

export interface MetricOutcome {
  metric: MetricId;
  label: string;
  unit: string;
  op: Comparison;
  threshold: number;
  /** The value used, or undefined when the platform had no data. */
  value: number | undefined;
  status: CheckStatus;
  /** Plain-Chinese statement of the shortfall or missing data; absent when met. */
  message?: string;
}

export type CheckOutcome =
  | ({ kind: 'metric'; effect: CheckEffect } & MetricOutcome)
  | {
      kind: 'any_of';
      effect: CheckEffect;
      status: CheckStatus;
      alternatives: MetricOutcome[];
      message?: string;
    };

export function compare(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case 'gte':
      return value >= threshold;
    case 'gt':
      return value > threshold;
    case 'lte':
      return value <= threshold;
    case 'lt':
      return value < threshold;
    case 'eq':
      return value === threshold;
  }
}

const PERCENT_WORDS: Record<Comparison, string> = { gte: '不低于', gt: '高于', lte: '不高于', lt: '低于', eq: '等于' };
const COUNT_WORDS: Record<Comparison, string> = { gte: '不少于', gt: '多于', lte: '不多于', lt: '少于', eq: '等于' };

/** 2 → "2", 33.333 → "33.33", trailing zeros dropped. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** "1 次", "30%", "2 家". */
export function formatQuantity(value: number, unit: string): string {
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/** "要求不少于 2 次", "要求不低于 50%". */
export function requirementPhrase(op: Comparison, threshold: number, unit: string): string {
  const words = unit === '%' ? PERCENT_WORDS : COUNT_WORDS;
  return `要求${words[op]} ${formatQuantity(threshold, unit)}`;
}

function isUsable(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function evaluateCondition(condition: MetricCondition, values: MetricValues): MetricOutcome {
  const def = METRICS[condition.metric];
  const value = values[condition.metric];
  const base = {
    metric: condition.metric,
    label: def.label,
    unit: def.unit,
    op: condition.op,
    threshold: condition.value,
  };
  const wanted = requirementPhrase(condition.op, condition.value, def.unit);
  if (!isUsable(value)) {
    return {
      ...base,
      value: undefined,
      status: 'unknown',
      message: `${def.label}：暂无数据，无法自动核验（${wanted}）`,
    };
  }
  if (compare(value, condition.op, condition.value)) return { ...base, value, status: 'met' };
  return { ...base, value, status: 'not_met', message: `${def.label} ${formatQuantity(value, def.unit)}，${wanted}` };
}

export function evaluateCheck(check: Check, values: MetricValues): CheckOutcome {
  if ('anyOf' in check) {
    const alternatives = check.anyOf.map((c) => evaluateCondition(c, values));
    const status: CheckStatus = alternatives.some((a) => a.status === 'met')
      ? 'met'
      : alternatives.some((a) => a.status === 'unknown')
        ? 'unknown'
        : 'not_met';
    const outcome: CheckOutcome = { kind: 'any_of', effect: check.effect, status, alternatives };
    if (status !== 'met') {
      outcome.message = `以下条件须满足其一：${alternatives.map((a) => a.message).join('；或')}`;
    }
    return outcome;
  }
  return { kind: 'metric', effect: check.effect, ...evaluateCondition(check, values) };
}

export function evaluateChecks(checks: readonly Check[] | undefined, values: MetricValues): CheckOutcome[] {
  return (checks ?? []).map((c) => evaluateCheck(c, values));
}

/** True when a gating check is known to fail. */
export function gateFails(outcomes: readonly CheckOutcome[]): boolean {
  return outcomes.some((o) => o.effect === 'gate' && o.status === 'not_met');
}

/**
 * For `auto` nodes, decided by their gating checks alone: 'met' when every gate is met, 'not_met' when one fails,
 * otherwise (no gates, or data missing) 'unknown', and the applicant's answer decides.
 */
export function autoStatus(outcomes: readonly CheckOutcome[]): CheckStatus {
  const gates = outcomes.filter((o) => o.effect === 'gate');
  if (gates.length === 0) return 'unknown';
  if (gates.some((o) => o.status === 'not_met')) return 'not_met';
  if (gates.every((o) => o.status === 'met')) return 'met';
  return 'unknown';
}
