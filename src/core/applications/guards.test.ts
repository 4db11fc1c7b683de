import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rubricForKind } from '../programs/queries';
import type { ChecklistRubric, Rubric, ScoredRubric } from '../rubric/schema';
import {
  chineseDate,
  mayReapplyFrom,
  noActiveApplication,
  QUOTA_HOLDING_STATUSES,
  quotaFor,
  rankForQuota,
  reapplyBanYears,
  recommendationQuota,
  revocationBan,
  selfAssessmentComplete,
  windowOpen,
} from './guards';
import { putuo, shanghai, shaoxing, shijingshan } from './seed-programmes.fixture';
import { ApplicationStatus, isActiveStatus, statusesOnlyThrough } from './workflow';

const rubric = (p: typeof putuo, kind: string): Rubric => {
  const found = rubricForKind(p, kind);
  if (!found) throw new Error(`no rubric for ${kind}`);
  return found;
};

describe('chineseDate', () => {
  it('writes a date the Chinese way', () => {
    expect(chineseDate('2023-05-31')).toBe('2023年5月31日');
    expect(chineseDate('2021-10-01')).toBe('2021年10月1日');
  });
});

describe('windowOpen', () => {
  it('004: closes on 31 May, the day itself included', () => {
    expect(windowOpen(shijingshan, '2023-01-03')).toBeNull(); // no opening date: open until it closes
    expect(windowOpen(shijingshan, '2023-05-30')).toBeNull();
    expect(windowOpen(shijingshan, '2023-05-31')).toBeNull();
    expect(windowOpen(shijingshan, '2023-06-01')).toEqual({
      code: 'window_closed',
      message: '申报已于2023年5月31日截止',
    });
  });

  it('000: opens on 1 March, closes on 31 March', () => {
    expect(windowOpen(putuo, '2022-02-28')).toEqual({
      code: 'window_not_open',
      message: '申报尚未开始，2022年3月1日起可以申报',
    });
    expect(windowOpen(putuo, '2022-03-01')).toBeNull();
    expect(windowOpen(putuo, '2022-03-31')).toBeNull();
    expect(windowOpen(putuo, '2022-04-01')).toMatchObject({ code: 'window_closed' });
  });

  it('002: the 30 September deadline', () => {
    expect(windowOpen(shaoxing, '2021-09-30')).toBeNull();
    expect(windowOpen(shaoxing, '2021-10-01')).toEqual({
      code: 'window_closed',
      message: '申报已于2021年9月30日截止',
    });
  });

  it('001 takes no applications', () => {
    expect(windowOpen(shanghai, '2022-06-01')).toEqual({ code: 'no_application_stage', message: '本方案不接受申报' });
  });
});

describe('noActiveApplication', () => {
  it('allows a unit whose earlier applications all ended', () => {
    expect(noActiveApplication([])).toBeNull();
    expect(
      noActiveApplication([
        { id: 'a1', status: 'withdrawn' },
        { id: 'a2', status: 'district_not_recommended' },
        { id: 'a3', status: 'acceptance_failed' },
        { id: 'a4', status: 'revoked' },
      ]),
    ).toBeNull();
  });

  it.each(ApplicationStatus.values.filter(isActiveStatus))('refuses while one is %s', (status) => {
    expect(noActiveApplication([{ status: 'withdrawn' }, { status }])).toEqual({
      code: 'active_application_exists',
      message: `本单位已有同一方案、同一类型的申报（状态：${ApplicationStatus.labels[status]}），不能重复申报`,
    });
  });

  it('counts a certified base as active', () => {
    expect(noActiveApplication([{ status: 'certified' }])?.message).toContain('已认定');
  });
});

describe('revocationBan (002 art. 15: two years)', () => {
  // Revoked on 15 October 2021: the two years end on 15 October 2023 (the corresponding day, Civil Code art. 202),
  // so the unit may apply again from 16 October 2023.
  const revoked = [{ revokedOn: '2021-10-15' }];

  it('the ban period comes from the programme, 2 years by default', () => {
    expect(reapplyBanYears(shaoxing)).toBe(2);
    expect(reapplyBanYears(putuo)).toBe(2);
  });

  it('refuses one day before the two-year mark', () => {
    expect(revocationBan(revoked, '2023-10-14')).toEqual({
      code: 'reapply_banned',
      message: '本单位于2021年10月15日被撤销示范基地称号，2年内不得再次申报，可于2023年10月16日起再次申报',
    });
  });

  it('refuses on the mark itself (the last day of the period)', () => {
    expect(revocationBan(revoked, '2023-10-15')).toMatchObject({ code: 'reapply_banned' });
  });

  it('allows the day after the mark', () => {
    expect(revocationBan(revoked, '2023-10-16')).toBeNull();
    expect(revocationBan(revoked, '2030-01-01')).toBeNull();
  });

  it('the latest revocation counts', () => {
    const two = [{ revokedOn: '2022-03-01' }, { revokedOn: '2019-05-05' }];
    expect(revocationBan(two, '2024-02-29')?.message).toContain('可于2024年3月2日起再次申报');
    expect(revocationBan(two, '2024-03-02')).toBeNull();
  });

  it('a revocation on 29 February ends on 28 February', () => {
    expect(mayReapplyFrom('2020-02-29')).toBe('2022-03-01');
    expect(revocationBan([{ revokedOn: '2020-02-29' }], '2022-02-28')).not.toBeNull();
    expect(revocationBan([{ revokedOn: '2020-02-29' }], '2022-03-01')).toBeNull();
  });

  it('no revocations, or no ban period, refuse nothing', () => {
    expect(revocationBan([], '2023-01-01')).toBeNull();
    expect(revocationBan(revoked, '2021-10-16', 0)).toBeNull();
    expect(revocationBan(revoked, '2022-10-16', 1)).toBeNull();
    expect(revocationBan(revoked, '2022-10-15', 1)?.message).toContain('1年内不得再次申报');
  });
});

describe('QUOTA_HOLDING_STATUSES', () => {
  it('a slot stays used once recommended, whatever follows, but not after a withdrawal', () => {
    expect(QUOTA_HOLDING_STATUSES).toEqual(statusesOnlyThrough('district_recommended'));
    expect(QUOTA_HOLDING_STATUSES).toEqual(
      expect.arrayContaining(['district_recommended', 'under_acceptance', 'acceptance_failed', 'certified']),
    );
    for (const status of ['draft', 'submitted', 'returned', 'district_not_recommended', 'withdrawn'] as const)
      expect(QUOTA_HOLDING_STATUSES).not.toContain(status);
  });
});

describe('recommendationQuota (004: best 3 points and 1 zone)', () => {
  it('reads the quota from the district review stage', () => {
    expect(quotaFor(shijingshan, 'point')).toBe(3);
    expect(quotaFor(shijingshan, 'zone')).toBe(1);
    expect(quotaFor(shaoxing, 'point')).toBeNull(); // review without quota
    expect(quotaFor(putuo, 'point')).toBeNull(); // no district review
  });

  it('allows up to the quota and refuses beyond it', () => {
    expect(recommendationQuota(shijingshan, 'point', 0)).toBeNull();
    expect(recommendationQuota(shijingshan, 'point', 2)).toBeNull();
    expect(recommendationQuota(shijingshan, 'point', 3)).toEqual({
      code: 'quota_full',
      message: '本辖区已推荐示范点 3 个，已达推荐名额（3 个），不能再推荐',
    });
    expect(recommendationQuota(shijingshan, 'zone', 0)).toBeNull();
    expect(recommendationQuota(shijingshan, 'zone', 1)?.message).toBe(
      '本辖区已推荐示范区 1 个，已达推荐名额（1 个），不能再推荐',
    );
  });

  it('without a quota, any number may be recommended', () => {
    expect(recommendationQuota(shaoxing, 'zone', 50)).toBeNull();
  });
});

describe('rankForQuota', () => {
  const candidates = [
    { id: 'jingxi', score: 92, submittedAt: '2023-05-20T10:00:00+08:00' },
    { id: 'shougang', score: 95, submittedAt: '2023-05-30T16:00:00+08:00' },
    { id: 'zhongguancun', score: 80, submittedAt: '2023-05-02T09:00:00+08:00' },
    { id: 'bajiao', score: 92, submittedAt: '2023-05-18T09:30:00+08:00' },
    { id: 'lugu', score: 88, submittedAt: '2023-05-10T14:00:00+08:00' },
  ];

  it('orders by score, ties by earlier submission, and marks the best 3', () => {
    const ranked = rankForQuota(candidates, quotaFor(shijingshan, 'point'));
    expect(ranked.map((c) => [c.id, c.rank, c.withinQuota])).toEqual([
      ['shougang', 1, true],
      ['bajiao', 2, true],
      ['jingxi', 3, true],
      ['lugu', 4, false],
      ['zhongguancun', 5, false],
    ]);
  });

  it('a tie at the quota line goes to the earlier submission', () => {
    const ranked = rankForQuota(candidates, 2);
    expect(ranked.filter((c) => c.withinQuota).map((c) => c.id)).toEqual(['shougang', 'bajiao']);
    expect(ranked.find((c) => c.id === 'jingxi')).toMatchObject({ rank: 3, withinQuota: false });
  });

  it('compares submission instants, not their spelling', () => {
    const ranked = rankForQuota(
      [
        { id: 'a', score: 90, submittedAt: '2023-05-18T02:00:00Z' }, // 10:00 in Beijing
        { id: 'b', score: 90, submittedAt: '2023-05-18T09:00:00+08:00' },
      ],
      1,
    );
    expect(ranked.map((c) => c.id)).toEqual(['b', 'a']);
  });

  it('keeps the caller’s fields; no quota means all within', () => {
    const ranked = rankForQuota(
      [{ id: 'x', score: 81, submittedAt: '2023-05-01', unitName: '北京某科技有限公司' }],
      null,
    );
    expect(ranked).toEqual([
      { id: 'x', score: 81, submittedAt: '2023-05-01', unitName: '北京某科技有限公司', rank: 1, withinQuota: true },
    ]);
  });

  it('property: a permutation, best first, exactly min(quota, n) within', () => {
    const candidate = fc.record({
      id: fc.uuid(),
      score: fc.integer({ min: 0, max: 20 }).map((h) => h * 5),
      submittedAt: fc
        .integer({ min: 0, max: 30 })
        .map((d) => `2023-05-${String(d + 1).padStart(2, '0')}T09:00:00+08:00`),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 12 }),
        fc.option(fc.nat(5), { nil: null }),
        (list, quota) => {
          const ranked = rankForQuota(list, quota);
          expect(ranked.map((c) => c.id).sort()).toEqual(list.map((c) => c.id).sort());
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1]!, ranked[i]!];
            expect(a.score > b.score || (a.score === b.score && a.submittedAt <= b.submittedAt)).toBe(true);
          }
          expect(ranked.filter((c) => c.withinQuota)).toHaveLength(
            quota === null ? list.length : Math.min(quota, list.length),
          );
        },
      ),
    );
  });
});

describe('selfAssessmentComplete', () => {
  const point = rubric(shijingshan, 'point') as ScoredRubric;
  const zone = rubric(shaoxing, 'zone') as ChecklistRubric;
  const baseItems = point.indicators.flatMap((i) => i.items);
  const scoredAll = Object.fromEntries(baseItems.map((i) => [i.id, { score: i.points }]));
  const requirements = zone.conditions.flatMap((c) => c.requirements);
  const metAll = Object.fromEntries(requirements.map((r) => [r.id, { met: true }]));

  it('a scored sheet is complete when every base item has a score (bonus optional)', () => {
    expect(selfAssessmentComplete(point, scoredAll)).toBeNull();
    expect(selfAssessmentComplete(point, { ...scoredAll, 'i3.1': { score: 0 } })).toBeNull();
  });

  it('names what is missing', () => {
    const { 'i3.1': _gone, ...rest } = scoredAll;
    expect(selfAssessmentComplete(point, rest)).toEqual({
      code: 'self_assessment_incomplete',
      message: '自评尚未完成：还有 1 项未作答（“有固定的办公场所，配备必要的办公设施和相…”）',
      field: 'i3.1',
    });
    expect(selfAssessmentComplete(point, {})?.message).toMatch(/^自评尚未完成：还有 6 项未作答（“.+”、“.+”、“.+”等）$/);
  });

  it('a gate the data shows failed decides the item', () => {
    const { 'i2.1': _gone, ...rest } = scoredAll;
    expect(selfAssessmentComplete(point, rest, { 'profile.liaisons': 0 })).toBeNull();
  });

  it('a checklist is complete when every requirement is answered or decided by data', () => {
    expect(selfAssessmentComplete(zone, metAll)).toBeNull();
    const { 'c1.r3': _gone, ...rest } = metAll;
    expect(selfAssessmentComplete(zone, rest)).toMatchObject({ code: 'self_assessment_incomplete', field: 'c1.r3' });
    // c1.r3 (share of park firms protecting ≥ 30 %) is `auto`: the registry decides it either way.
    expect(selfAssessmentComplete(zone, rest, { 'registry.firms_protecting_pct': 35 })).toBeNull();
    expect(selfAssessmentComplete(zone, rest, { 'registry.firms_protecting_pct': 20 })).toBeNull();
    expect(selfAssessmentComplete(zone, { ...metAll, 'c2.r1': { met: false } })).toBeNull(); // "不符合" is an answer
  });

  it('reports answers that do not fit the rubric', () => {
    expect(selfAssessmentComplete(point, { ...scoredAll, 'i1.1': { score: 11 } })).toEqual({
      code: 'invalid_answers',
      message: '自评答案有误：得分不能超过该项分值 10 分',
      field: '["i1.1"].score',
    });
  });
});
