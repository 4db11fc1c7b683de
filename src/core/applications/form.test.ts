import { describe, expect, it } from 'vitest';
import { formForKind } from '../programs/queries';
import { formProblems } from './form';
import { putuo } from './seed-programmes.fixture';

describe('application form checks', () => {
  const form = formForKind(putuo, 'point')!;
  const required = form.fields.filter((f) => f.required);

  it('lets a draft be incomplete but lists every missing required field on submission', () => {
    expect(formProblems(form, {}, false)).toEqual([]);
    const problems = formProblems(form, {}, true);
    expect(problems.map((p) => p.path)).toEqual(required.map((f) => `formData.${f.key}`));
    expect(problems[0]!.message).toMatch(/^请填写/);
  });

  it('refuses malformed values and unknown fields, drafts included', () => {
    const numeric = form.fields.find((f) => f.type === 'integer' || f.type === 'decimal');
    const values: Record<string, string | number> = { noSuchField: 'x' };
    if (numeric) values[numeric.key] = 'abc';
    const problems = formProblems(form, values, false);
    expect(problems).toContainEqual({ path: 'formData.noSuchField', message: '申报表中没有这一栏' });
    if (numeric) expect(problems.find((p) => p.path === `formData.${numeric.key}`)?.message).toMatch(/应为/);
  });
});
