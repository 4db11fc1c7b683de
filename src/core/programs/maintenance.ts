/**
 * The annual review's maintenance conditions (动态管理) of a programme, judged for one base: conditions with metric
 * checks are decided by the rubric engine from the platform's data; the others (and computed ones whose data is
 * missing) are left to the reviewing officer. Pure.
 */
import { type CheckOutcome, evaluateChecks, formatQuantity } from '../rubric/checks';
import type { MetricValues } from '../rubric/metrics';
import type { MaintenanceCondition, Programme } from './schema';

export interface JudgedCondition {
  id: string;
  text: string;
  status: 'met' | 'not_met' | 'unknown';
  /** true: decided from the platform's data; false: the officer judges it. */
  computed: boolean;
  detail?: string;
}

/** The conditions that apply to a base of this kind. */
export function maintenanceConditions(programme: Programme, kindId: string): MaintenanceCondition[] {
  return (programme.management?.maintenance ?? []).filter((c) => !c.kinds || c.kinds.includes(kindId));
}

/** Each applicable condition with what the data says; `unknown` where the officer must judge. */
export function judgeMaintenance(programme: Programme, kindId: string, values: MetricValues): JudgedCondition[] {
  return maintenanceConditions(programme, kindId).map((condition) => {
    if (!condition.checks) return { id: condition.id, text: condition.text, status: 'unknown', computed: false };
    const outcomes = evaluateChecks(condition.checks, values);
    const status = outcomes.some((o) => o.status === 'not_met')
      ? 'not_met'
      : outcomes.every((o) => o.status === 'met')
        ? 'met'
        : 'unknown';
    const detail = outcomes.map(describe).filter(Boolean).join('；');
    return {
      id: condition.id,
      text: condition.text,
      status,
      computed: status !== 'unknown',
      ...(detail ? { detail } : {}),
    };
  });
}

/** The figure behind a check: the shortfall as the rubric engine words it, or the value that meets it. */
function describe(outcome: CheckOutcome): string | undefined {
  if (outcome.message) return outcome.message;
  if (outcome.kind === 'metric' && outcome.value !== undefined) {
    return `${outcome.label} ${formatQuantity(outcome.value, outcome.unit)}`;
  }
  const met = outcome.kind === 'any_of' ? outcome.alternatives.find((a) => a.status === 'met') : undefined;
  return met?.value !== undefined ? `${met.label} ${formatQuantity(met.value, met.unit)}` : undefined;
}
