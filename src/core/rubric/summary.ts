/**
 * What a rubric is worth, computed from its items rather than trusted from the printed headings: the maximum total
 * (base items plus each bonus group up to its cap), each cap, the pass mark. The API shows this beside every rubric.
 */
import type { Rubric } from './schema';

export interface BonusGroupSummary {
  id: string;
  title: string;
  cap: number;
  /** Sum of the group's item points; above the cap in 000 (e.g. 6 × 2 under 10). */
  itemsTotal: number;
  /** min(cap, itemsTotal): what the group can add to the total. */
  effectiveMax: number;
  exceedsCap: boolean;
}

export interface ScoredSummary {
  form: 'scored';
  rubricId: string;
  title: string;
  indicators: { id: string; title: string; max: number }[];
  /** Sum of all non-bonus item points. */
  baseMax: number;
  bonusGroups: BonusGroupSummary[];
  /** Sum of the groups' effective maxima. */
  bonusMax: number;
  maxTotal: number;
  passMark: number | null;
}

export interface ChecklistSummary {
  form: 'checklist';
  rubricId: string;
  title: string;
  conditionCount: number;
  requirementCount: number;
  /** A checklist passes only when every condition holds. */
  passRule: 'all_conditions';
}

export type RubricSummary = ScoredSummary | ChecklistSummary;

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

export function rubricSummary(rubric: Rubric): RubricSummary {
  if (rubric.form === 'checklist') {
    return {
      form: 'checklist',
      rubricId: rubric.id,
      title: rubric.title,
      conditionCount: rubric.conditions.length,
      requirementCount: sum(rubric.conditions.map((c) => c.requirements.length)),
      passRule: 'all_conditions',
    };
  }
  const indicators = rubric.indicators.map((i) => ({
    id: i.id,
    title: i.title,
    max: sum(i.items.map((item) => item.points)),
  }));
  const bonusGroups = rubric.bonusGroups.map((g) => {
    const itemsTotal = sum(g.items.map((i) => i.points));
    return {
      id: g.id,
      title: g.title,
      cap: g.cap,
      itemsTotal,
      effectiveMax: Math.min(g.cap, itemsTotal),
      exceedsCap: itemsTotal > g.cap,
    };
  });
  const baseMax = sum(indicators.map((i) => i.max));
  const bonusMax = sum(bonusGroups.map((g) => g.effectiveMax));
  return {
    form: 'scored',
    rubricId: rubric.id,
    title: rubric.title,
    indicators,
    baseMax,
    bonusGroups,
    bonusMax,
    maxTotal: baseMax + bonusMax,
    passMark: rubric.passMark ?? null,
  };
}
