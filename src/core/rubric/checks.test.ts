import { describe, expect, it } from 'vitest';
import { evaluateCheck, evaluateCondition, formatQuantity, requirementPhrase } from './checks';
import type { Check } from './schema';

describe('metric checks and their gap messages', () => {
  it('says what is missing in plain Chinese', () => {
    const outcome = evaluateCondition(
      { metric: 'ledger.guidance_visits_12m', op: 'gte', value: 2 },
      { 'ledger.guidance_visits_12m': 1 },
    );
    expect(outcome).toMatchObject({ status: 'not_met', value: 1, threshold: 2 });
    expect(outcome.message).toBe('近12个月业务指导 1 次，要求不少于 2 次');
  });

  it('uses percent wording for ratios', () => {
    const outcome = evaluateCondition(
      { metric: 'ledger.firms_trained_pct_12m', op: 'gte', value: 50 },
      { 'ledger.firms_trained_pct_12m': 33.3333 },
    );
    expect(outcome.message).toBe('近12个月受训企业占所属（园区、会员）企业比例 33.33%，要求不低于 50%');
  });

  it('distinguishes "more than" from "at least" (004: 比例应超过 25%)', () => {
    const c = { metric: 'registry.firms_protecting_pct', op: 'gt', value: 25 } as const;
    expect(evaluateCondition(c, { 'registry.firms_protecting_pct': 25 }).status).toBe('not_met');
    expect(evaluateCondition(c, { 'registry.firms_protecting_pct': 25.5 }).status).toBe('met');
    expect(evaluateCondition(c, { 'registry.firms_protecting_pct': 25 }).message).toContain('要求高于 25%');
  });

  it('treats missing, NaN and infinite values as no data', () => {
    const c = { metric: 'ledger.trainings_12m', op: 'gte', value: 1 } as const;
    for (const v of [undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      const outcome = evaluateCondition(c, { 'ledger.trainings_12m': v });
      expect(outcome.status).toBe('unknown');
      expect(outcome.value).toBeUndefined();
      expect(outcome.message).toBe('近12个月商业秘密保护培训：暂无数据，无法自动核验（要求不少于 1 次）');
    }
  });

  it('holds an any-of check when one alternative holds (000 zone: 区级 ≥ 4 或 市级 ≥ 2)', () => {
    const check: Check = {
      anyOf: [
        { metric: 'registry.affiliated_points_stations_district', op: 'gte', value: 4 },
        { metric: 'registry.affiliated_points_stations_municipal', op: 'gte', value: 2 },
      ],
      effect: 'gate',
    };
    expect(
      evaluateCheck(check, {
        'registry.affiliated_points_stations_district': 1,
        'registry.affiliated_points_stations_municipal': 2,
      }).status,
    ).toBe('met');
    const failed = evaluateCheck(check, {
      'registry.affiliated_points_stations_district': 3,
      'registry.affiliated_points_stations_municipal': 0,
    });
    expect(failed.status).toBe('not_met');
    expect(failed.message).toBe(
      '以下条件须满足其一：所属企业中已认定的区县级示范站（点） 3 家，要求不少于 4 家；或所属企业中已认定的市级示范站（点） 0 家，要求不少于 2 家',
    );
    expect(evaluateCheck(check, { 'registry.affiliated_points_stations_district': 3 }).status).toBe('unknown');
  });

  it('formats quantities', () => {
    expect(formatQuantity(2, '次')).toBe('2 次');
    expect(formatQuantity(50, '%')).toBe('50%');
    expect(requirementPhrase('gt', 6, '次')).toBe('要求多于 6 次');
  });
});
