/** Complete answers and form values for a programme's rubric and form: shared by the API and browser tests. */
import type { FormField } from '../../src/core/programs/schema';
import type { Rubric } from '../../src/core/rubric/schema';
import { makeCreditCode } from './factories';

/** A value of the right type for every field of a form. */
export function fillForm(fields: readonly FormField[], current: Record<string, unknown> = {}) {
  const values: Record<string, string | number> = {};
  for (const f of fields) {
    if (current[f.key] !== undefined && current[f.key] !== null && current[f.key] !== '') continue;
    values[f.key] =
      f.type === 'integer'
        ? Math.max(f.min ?? 0, 10)
        : f.type === 'decimal'
          ? Math.max(f.min ?? 0, 100)
          : f.type === 'percent'
            ? 50
            : f.type === 'date'
              ? '2022-01-10'
              : f.type === 'select'
                ? f.options![0]!
                : f.type === 'phone'
                  ? '021-62001234'
                  : f.type === 'postcode'
                    ? '200333'
                    : f.type === 'credit_code'
                      ? makeCreditCode()
                      : f.type === 'industry'
                        ? '39'
                        : `${f.label}（测试）`;
  }
  return { ...current, ...values };
}

/** Answers every item (at `share` of its points, rounded down to 0.5) or requirement (met). */
export function answerAll(rubric: Rubric, share = 1): Record<string, { score?: number; met?: boolean }> {
  const answers: Record<string, { score?: number; met?: boolean }> = {};
  if (rubric.form === 'scored') {
    for (const item of [...rubric.indicators.flatMap((i) => i.items), ...rubric.bonusGroups.flatMap((g) => g.items)])
      answers[item.id] = { score: Math.floor(item.points * share * 2) / 2 };
  } else {
    for (const r of rubric.conditions.flatMap((c) => c.requirements)) answers[r.id] = { met: true };
  }
  return answers;
}

/**
 * An expert's complete scoring sheet: `answerAll` with a comment (`note`) on every item or requirement, since a panel
 * sheet counts as complete only when each item is scored and commented (src/core/applications/panel-scores.ts).
 */
export function expertSheet(
  rubric: Rubric,
  share = 1,
  comment = '材料齐全，与现场核查情况一致。',
): Record<string, { score?: number; met?: boolean; note: string }> {
  return Object.fromEntries(Object.entries(answerAll(rubric, share)).map(([id, a]) => [id, { ...a, note: comment }]));
}
