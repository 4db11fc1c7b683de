import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rubricForKind } from '../programs/queries';
import type { Programme } from '../programs/schema';
import type { ChecklistRubric, ScoredRubric } from '../rubric/schema';
import { rubricSummary } from '../rubric/summary';
import {
  aggregateChecklistPanel,
  aggregatePanel,
  aggregateScoredPanel,
  isDisagreement,
  round2,
  scoreStats,
} from './panel-scores';
import { putuo, shaoxing, shijingshan } from './seed-programmes.fixture';

const scored = (p: Programme, kind: string) => rubricForKind(p, kind) as ScoredRubric;
const checklist = (p: Programme, kind: string) => rubricForKind(p, kind) as ChecklistRubric;

/** A sheet from item → score pairs. */
const sheet = (expertId: string, scores: Record<string, number>) => ({
  expertId,
  answers: Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score }])),
});

describe('scoreStats', () => {
  it('mean to 0.01, median of odd and even counts, spread', () => {
    expect(scoreStats([15, 14, 14])).toEqual({ count: 3, mean: 14.33, median: 14, min: 14, max: 15, spread: 1 });
    expect(scoreStats([10, 7])).toEqual({ count: 2, mean: 8.5, median: 8.5, min: 7, max: 10, spread: 3 });
    expect(scoreStats([2, 9.5, 3, 8])).toMatchObject({ mean: 5.63, median: 5.5, spread: 7.5 });
    expect(scoreStats([])).toBeNull();
  });

  it('rounds halves up', () => {
    expect(round2(1.005)).toBe(1.01);
    expect(round2(26 / 3)).toBe(8.67);
  });

  it('flags disagreement at 30 % of the points, the boundary included', () => {
    expect(isDisagreement(scoreStats([10, 7]), 10, 0.3)).toBe(true); // 0.3 × 10 is 3.0000000000000004 in floats
    expect(isDisagreement(scoreStats([10, 7.5]), 10, 0.3)).toBe(false);
    expect(isDisagreement(scoreStats([15, 10.5]), 15, 0.3)).toBe(true);
    expect(isDisagreement(scoreStats([15, 11]), 15, 0.3)).toBe(false);
    expect(isDisagreement(scoreStats([3]), 10, 0.3)).toBe(false); // one expert cannot disagree
  });
});

describe('scored panel (004 point, pass mark 80)', () => {
  const rubric = scored(shijingshan, 'point');
  const zhang = sheet('zhang', { 'i1.1': 10, 'i2.1': 10, 'i3.1': 10, 'i4.1': 15, 'i5.1': 15, 'i6.1': 25, 'b.1': 5 });
  const li = sheet('li', { 'i1.1': 8, 'i2.1': 7, 'i3.1': 9, 'i4.1': 11, 'i5.1': 14, 'i6.1': 20 });
  const wang = sheet('wang', { 'i1.1': 6, 'i2.1': 10, 'i3.1': 8, 'i4.1': 15, 'i5.1': 14, 'i6.1': 27, 'b.1': 2 });
  const result = aggregateScoredPanel(rubric, [zhang, li, wang]);

  it('aggregates each item', () => {
    const byId = Object.fromEntries(result.items.map((i) => [i.id, i]));
    expect(byId['i1.1']).toMatchObject({
      points: 10,
      parentId: 'i1',
      scores: [
        { expertId: 'zhang', score: 10 },
        { expertId: 'li', score: 8 },
        { expertId: 'wang', score: 6 },
      ],
      stats: { count: 3, mean: 8, median: 8, min: 6, max: 10, spread: 4 },
      disagreement: true,
    });
    expect(byId['i2.1']).toMatchObject({ stats: { mean: 9, median: 10, spread: 3 }, disagreement: true });
    expect(byId['i3.1']).toMatchObject({ stats: { mean: 9, median: 9, spread: 2 }, disagreement: false });
    expect(byId['i4.1']).toMatchObject({ stats: { mean: 13.67, median: 15, spread: 4 }, disagreement: false });
    expect(byId['i5.1']).toMatchObject({ stats: { mean: 14.33, median: 14 }, disagreement: false });
    expect(byId['b.1']).toMatchObject({ bonus: true, stats: { mean: 2.33, median: 2, spread: 5 }, disagreement: true });
    expect(result.disagreements).toEqual(['i1.1', 'i2.1', 'b.1']);
  });

  it('totals per expert and the panel mean against the pass mark', () => {
    expect(result.experts).toEqual([
      { expertId: 'zhang', baseTotal: 85, bonusTotal: 5, grandTotal: 90, complete: true },
      { expertId: 'li', baseTotal: 69, bonusTotal: 0, grandTotal: 69, complete: true },
      { expertId: 'wang', baseTotal: 80, bonusTotal: 2, grandTotal: 82, complete: true },
    ]);
    expect(result).toMatchObject({ expertCount: 3, meanTotal: 80.33, maxTotal: 100, passMark: 80, passed: true });
    expect(result.bonusGroups).toEqual([{ id: 'b', title: '若示范效果突出可酌情加分', cap: 10, mean: 2.33 }]);
  });

  it('the threshold is a parameter', () => {
    const strict = aggregateScoredPanel(rubric, [zhang, li, wang], { disagreementThreshold: 0.5 });
    expect(strict.disagreements).toEqual(['b.1']);
  });

  it('leaves an unscored base item out of its figures and marks the sheet incomplete', () => {
    const partial = sheet('zhao', { 'i1.1': 9 });
    const r = aggregateScoredPanel(rubric, [zhang, partial]);
    const i31 = r.items.find((i) => i.id === 'i3.1');
    expect(i31).toMatchObject({ unscoredBy: ['zhao'], stats: { count: 1, mean: 10 }, disagreement: false });
    expect(r.items.find((i) => i.id === 'b.1')).toMatchObject({ unscoredBy: [], stats: { count: 2, mean: 2.5 } });
    expect(r.experts.map((e) => e.complete)).toEqual([true, false]);
    expect(r.complete).toBe(false);
  });

  it('applies the same gates as the self-assessment', () => {
    // No liaison on file: 人员配备 counts 0 for every expert, whatever they wrote.
    const r = aggregateScoredPanel(rubric, [zhang, wang], { metrics: { 'profile.liaisons': 0 } });
    expect(r.items.find((i) => i.id === 'i2.1')?.stats).toMatchObject({ mean: 0, spread: 0 });
    expect(r.experts.map((e) => e.grandTotal)).toEqual([80, 72]);
  });

  it('without experts there is nothing to decide', () => {
    const r = aggregateScoredPanel(rubric, []);
    expect(r).toMatchObject({ expertCount: 0, meanTotal: null, passed: null, disagreements: [], complete: true });
    expect(r.items.every((i) => i.stats === null)).toBe(true);
  });

  it('refuses two sheets from one expert', () => {
    expect(() => aggregateScoredPanel(rubric, [zhang, { ...li, expertId: 'zhang' }])).toThrow(/one sheet/);
  });

  it('rejects a sheet that does not fit the rubric', () => {
    expect(() => aggregateScoredPanel(rubric, [sheet('zhang', { 'i1.1': 12 })])).toThrow(/得分不能超过/);
  });
});

describe('bonus caps (000 station: 6 × 4 listed under a cap of 20)', () => {
  const rubric = scored(putuo, 'station');
  const metrics = { 'ledger.firms_trained_pct_12m': 100 };

  it('every expert gives every bonus: items average 4, the group never more than 20', () => {
    const bonus = Object.fromEntries(['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => [id, 4]));
    const r = aggregateScoredPanel(rubric, [sheet('a', bonus), sheet('b', bonus)], { metrics });
    expect(r.items.filter((i) => i.bonus).map((i) => i.stats?.mean)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(r.bonusGroups).toEqual([{ id: 'b', title: '特色工作', cap: 20, mean: 20 }]);
    expect(r.experts.map((e) => e.bonusTotal)).toEqual([20, 20]);
    expect(r.passMark).toBeNull();
    expect(r.passed).toBeNull();
  });

  it('property: no mean exceeds its item, cap or the maximum; min ≤ median, mean ≤ max', () => {
    const summary = rubricSummary(rubric);
    if (summary.form !== 'scored') throw new Error('scored expected');
    const items = [...rubric.indicators.flatMap((i) => i.items), ...rubric.bonusGroups.flatMap((g) => g.items)];
    const answers = fc
      .tuple(...items.map((i) => fc.option(fc.integer({ min: 0, max: i.points * 2 }), { nil: undefined })))
      .map((halves) =>
        Object.fromEntries(halves.flatMap((h, k) => (h === undefined ? [] : [[items[k]!.id, { score: h / 2 }]]))),
      );
    const sheets = fc
      .array(answers, { minLength: 1, maxLength: 7 })
      .map((list) => list.map((a, k) => ({ expertId: `expert-${k}`, answers: a })));
    fc.assert(
      fc.property(sheets, fc.constantFrom({}, metrics, { 'profile.secrecy_staff': 0 }), (list, m) => {
        const r = aggregateScoredPanel(rubric, list, { metrics: m });
        for (const g of r.bonusGroups) expect(g.mean).toBeLessThanOrEqual(g.cap);
        for (const e of r.experts) expect(e.grandTotal).toBeLessThanOrEqual(summary.maxTotal);
        expect(r.meanTotal).toBeLessThanOrEqual(summary.maxTotal);
        for (const item of r.items) {
          if (!item.stats) continue;
          const { min, max, mean, median, spread } = item.stats;
          expect(max).toBeLessThanOrEqual(item.points);
          expect(min).toBeLessThanOrEqual(median);
          expect(median).toBeLessThanOrEqual(max);
          expect(mean).toBeGreaterThanOrEqual(min);
          expect(mean).toBeLessThanOrEqual(max);
          expect(item.disagreement).toBe(item.stats.count >= 2 && spread >= 0.3 * item.points - 1e-9);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('checklist panel (002 zone)', () => {
  const rubric = checklist(shaoxing, 'zone');
  const ids = rubric.conditions.flatMap((c) => c.requirements).map((r) => r.id);
  const answers = (overrides: Record<string, boolean | undefined> = {}) => ({
    ...Object.fromEntries(ids.map((id) => [id, { met: true }])),
    ...Object.fromEntries(
      Object.entries(overrides).map(([id, met]) => [id, met === undefined ? {} : { met }] as const),
    ),
  });

  it('all met by all: passes by majority and unanimously', () => {
    const r = aggregateChecklistPanel(rubric, [
      { expertId: 'a', answers: answers() },
      { expertId: 'b', answers: answers() },
    ]);
    expect(r).toMatchObject({ expertCount: 2, passedByMajority: true, passedUnanimously: true });
    expect(r.experts.every((e) => e.passed && e.complete)).toBe(true);
  });

  it('two of three: the majority holds, unanimity does not', () => {
    const r = aggregateChecklistPanel(rubric, [
      { expertId: 'a', answers: answers() },
      { expertId: 'b', answers: answers({ 'c3.r1': false }) },
      { expertId: 'c', answers: answers() },
    ]);
    expect(r.requirements.find((q) => q.id === 'c3.r1')).toEqual({
      id: 'c3.r1',
      text: '建设对象具有一定面积、建设规范的商业秘密（知识产权）保护办公场所',
      conditionId: 'c3',
      metBy: ['a', 'c'],
      notMetBy: ['b'],
      unansweredBy: [],
      majority: true,
      allMet: false,
      disagreement: true,
    });
    expect(r.conditions.find((c) => c.id === 'c3')).toMatchObject({ majority: true, allMet: false });
    expect(r).toMatchObject({ passedByMajority: true, passedUnanimously: false });
    expect(r.experts.map((e) => e.passed)).toEqual([true, false, true]);
  });

  it('one of three: the condition fails', () => {
    const r = aggregateChecklistPanel(rubric, [
      { expertId: 'a', answers: answers({ 'c4.r2': false }) },
      { expertId: 'b', answers: answers({ 'c4.r2': false }) },
      { expertId: 'c', answers: answers() },
    ]);
    expect(r.conditions.find((c) => c.id === 'c4')).toMatchObject({ majority: false, allMet: false });
    expect(r.passedByMajority).toBe(false);
  });

  it('an unanswered requirement counts against the majority', () => {
    const r = aggregateChecklistPanel(rubric, [
      { expertId: 'a', answers: answers() },
      { expertId: 'b', answers: answers({ 'c2.r1': undefined }) },
    ]);
    expect(r.requirements.find((q) => q.id === 'c2.r1')).toMatchObject({
      metBy: ['a'],
      unansweredBy: ['b'],
      majority: false,
      disagreement: false,
    });
    expect(r.experts.map((e) => e.complete)).toEqual([true, false]);
    expect(r.passedByMajority).toBe(false);
  });

  it('data decides automatic requirements for every expert', () => {
    const r = aggregatePanel(
      rubric,
      [
        { expertId: 'a', answers: answers() },
        { expertId: 'b', answers: answers() },
      ],
      { metrics: { 'registry.firms_protecting_pct': 20 } },
    );
    expect(r.form === 'checklist' && r.requirements.find((q) => q.id === 'c1.r3')).toMatchObject({
      notMetBy: ['a', 'b'],
      majority: false,
    });
    expect(r.form === 'checklist' && r.passedByMajority).toBe(false);
  });

  it('without experts nothing passes', () => {
    expect(aggregateChecklistPanel(rubric, [])).toMatchObject({ passedByMajority: false, passedUnanimously: false });
  });
});
