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
  DEFAULT_TOTAL_DISAGREEMENT_THRESHOLD,
  isDisagreement,
  round2,
  scoreStats,
} from './panel-scores';
import { putuo, shaoxing, shijingshan } from './seed-programmes.fixture';

const scored = (p: Programme, kind: string) => rubricForKind(p, kind) as ScoredRubric;
const checklist = (p: Programme, kind: string) => rubricForKind(p, kind) as ChecklistRubric;

/** A sheet from item → score pairs, each with a comment unless `comments` is false. */
const sheet = (expertId: string, scores: Record<string, number>, comments = true) => ({
  expertId,
  answers: Object.fromEntries(
    Object.entries(scores).map(([id, score]) => [id, comments ? { score, note: `${id} 的评分意见` } : { score }]),
  ),
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
      {
        expertId: 'zhang',
        baseTotal: 85,
        bonusTotal: 5,
        grandTotal: 90,
        complete: true,
        missing: [],
        bonusGroups: [{ id: 'b', raw: 5, awarded: 5 }],
      },
      {
        expertId: 'li',
        baseTotal: 69,
        bonusTotal: 0,
        grandTotal: 69,
        complete: true,
        missing: [],
        bonusGroups: [{ id: 'b', raw: 0, awarded: 0 }],
      },
      {
        expertId: 'wang',
        baseTotal: 80,
        bonusTotal: 2,
        grandTotal: 82,
        complete: true,
        missing: [],
        bonusGroups: [{ id: 'b', raw: 2, awarded: 2 }],
      },
    ]);
    expect(result).toMatchObject({ expertCount: 3, meanTotal: 80.33, maxTotal: 100, passMark: 80, passed: true });
    expect(result.bonusGroups).toEqual([{ id: 'b', title: '若示范效果突出可酌情加分', cap: 10, mean: 2.33 }]);
  });

  it('the threshold is a parameter', () => {
    const strict = aggregateScoredPanel(rubric, [zhang, li, wang], { disagreementThreshold: 0.5 });
    expect(strict.disagreements).toEqual(['b.1']);
  });

  it('the total: mean, median and spread of the experts’ totals, flagged from 15 % of the maximum (odd panel)', () => {
    // Totals 90, 69, 82: median the middle one, spread 21 ≥ 15 % of 100.
    expect(result.total).toEqual({ count: 3, mean: 80.33, median: 82, min: 69, max: 90, spread: 21 });
    expect(result.meanTotal).toBe(result.total?.mean);
    expect(result.totalDisagreement).toBe(true);
    expect(DEFAULT_TOTAL_DISAGREEMENT_THRESHOLD).toBe(0.15);
    const lax = aggregateScoredPanel(rubric, [zhang, li, wang], { totalDisagreementThreshold: 0.25 });
    expect(lax.totalDisagreement).toBe(false);
  });

  it('the total of an even panel: the median halfway between the middle two; a small spread is not flagged', () => {
    const zhao = sheet('zhao', { 'i1.1': 9, 'i2.1': 9, 'i3.1': 9, 'i4.1': 13, 'i5.1': 13, 'i6.1': 25 }); // 78
    const r = aggregateScoredPanel(rubric, [zhang, wang, li, zhao]);
    expect(r.total).toEqual({ count: 4, mean: 79.75, median: 80, min: 69, max: 90, spread: 21 });
    const two = aggregateScoredPanel(rubric, [zhang, wang]);
    expect(two.total).toEqual({ count: 2, mean: 86, median: 86, min: 82, max: 90, spread: 8 });
    expect(two.totalDisagreement).toBe(false);
  });

  it('flags the total at exactly 15 points of 100, not at 14.5; never with one expert', () => {
    const base = { 'i1.1': 10, 'i2.1': 10, 'i3.1': 10, 'i4.1': 15, 'i5.1': 15, 'i6.1': 30 }; // 90
    const at = (i61: number) => sheet('low', { ...base, 'i6.1': i61 });
    const full = sheet('full', base);
    expect(aggregateScoredPanel(rubric, [full, at(15)])).toMatchObject({
      total: { spread: 15 },
      totalDisagreement: true,
    });
    expect(aggregateScoredPanel(rubric, [full, at(15.5)])).toMatchObject({
      total: { spread: 14.5 },
      totalDisagreement: false,
    });
    expect(aggregateScoredPanel(rubric, [at(0)])).toMatchObject({ total: { spread: 0 }, totalDisagreement: false });
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
    const item = r.items.find((i) => i.id === 'i2.1');
    expect(item?.stats).toMatchObject({ mean: 0, spread: 0 });
    // The result says why, with the figures, and what the experts entered; the item as the sheet numbers it.
    expect(item?.label).toBe('“人员配备合理”第 1 项');
    expect(item?.gate?.reason).toMatch(/^系统核验未通过：.+ 0 .+，要求不少于 1 .+，本项按 0 分计$/);
    expect(item?.gate?.entered.map((e) => e.expertId)).toEqual(['zhang', 'wang']);
    expect(item?.gate?.entered.every((e) => e.score > 0)).toBe(true);
    expect(r.items.find((i) => i.id === 'i1.1')?.gate).toBeNull();
    expect(r.experts.map((e) => e.grandTotal)).toEqual([80, 72]);
  });

  it('without experts there is nothing to decide', () => {
    const r = aggregateScoredPanel(rubric, []);
    expect(r).toMatchObject({ expertCount: 0, meanTotal: null, passed: null, disagreements: [], complete: true });
    expect(r).toMatchObject({ total: null, totalDisagreement: false });
    expect(r.items.every((i) => i.stats === null)).toBe(true);
  });

  it('refuses two sheets from one expert', () => {
    expect(() => aggregateScoredPanel(rubric, [zhang, { ...li, expertId: 'zhang' }])).toThrow(/one sheet/);
  });

  it('rejects a sheet that does not fit the rubric', () => {
    expect(() => aggregateScoredPanel(rubric, [sheet('zhang', { 'i1.1': 12 })])).toThrow(/得分不能超过/);
  });
});

describe('a comment on every item (004 point)', () => {
  const rubric = scored(shijingshan, 'point');
  const scores = { 'i1.1': 10, 'i2.1': 10, 'i3.1': 10, 'i4.1': 15, 'i5.1': 15, 'i6.1': 25 };

  it('a sheet scored in full without comments is not complete, and says which item lacks one', () => {
    const r = aggregateScoredPanel(rubric, [sheet('zhang', scores, false)]);
    const [zhang] = r.experts;
    expect(zhang?.complete).toBe(false);
    expect(zhang?.missing.map((m) => m.nodeId)).toEqual(['i1.1', 'i2.1', 'i3.1', 'i4.1', 'i5.1', 'i6.1']);
    expect(zhang?.missing[0]).toEqual({
      nodeId: 'i1.1',
      code: 'no_comment',
      message:
        '“组织机构到位”第 1 项尚未填写评分意见：成立由本单位负责人牵头的商业秘密保护工作领导机构，设立具体的办事机构并规定工作职…',
    });
    expect(r.items.find((i) => i.id === 'i1.1')?.uncommentedBy).toEqual(['zhang']);
    // The bonus left blank needs no comment.
    expect(r.items.find((i) => i.id === 'b.1')?.uncommentedBy).toEqual([]);
    expect(r.complete).toBe(false);
    // The figures do not depend on comments.
    expect(r.experts[0]?.grandTotal).toBe(85);
  });

  it('lists a missing score and a missing comment apart; a blank comment does not count', () => {
    const answers = {
      ...Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, note: '符合' }])),
      'i3.1': { note: '场所已核实' },
      'i4.1': { score: 12, note: '   ' },
    };
    const [e] = aggregateScoredPanel(rubric, [{ expertId: 'li', answers }]).experts;
    expect(e?.missing.map((m) => [m.nodeId, m.code])).toEqual([
      ['i3.1', 'unscored'],
      ['i4.1', 'no_comment'],
    ]);
    expect(e?.missing[0]?.message).toBe(
      '“基础保障有力”第 1 项尚未评分：有固定的办公场所，配备必要的办公设施和相应的工作经费',
    );
  });

  it('a bonus once scored needs its comment too', () => {
    const answers = {
      ...Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score, note: '符合' }])),
      'b.1': { score: 3 },
    };
    const r = aggregateScoredPanel(rubric, [{ expertId: 'wang', answers }]);
    expect(r.experts[0]?.missing.map((m) => [m.nodeId, m.code])).toEqual([['b.1', 'no_comment']]);
    expect(r.items.find((i) => i.id === 'b.1')?.uncommentedBy).toEqual(['wang']);
    const commented = { ...answers, 'b.1': { score: 3, note: '示范效果突出' } };
    expect(aggregateScoredPanel(rubric, [{ expertId: 'wang', answers: commented }]).complete).toBe(true);
  });

  it('an item decided by the data still takes the expert’s comment', () => {
    // No liaison on file: 人员配备 is decided (0) by the data, whatever the expert wrote; the comment is still due.
    const answers = Object.fromEntries(Object.entries(scores).map(([id, score]) => [id, { score }]));
    const r = aggregateScoredPanel(rubric, [{ expertId: 'zhao', answers }], { metrics: { 'profile.liaisons': 0 } });
    expect(r.items.find((i) => i.id === 'i2.1')).toMatchObject({ unscoredBy: [], uncommentedBy: ['zhao'] });
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

  it('the total counts each expert’s capped bonus: its mean is not the sum of the item means', () => {
    const base = Object.fromEntries(
      rubric.indicators.flatMap((i) => i.items).map((item) => [item.id, item.points] as const),
    ); // 80, every base item in full
    const allBonus = Object.fromEntries(['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => [id, 4])); // 24 → 20
    const r = aggregateScoredPanel(
      rubric,
      [sheet('a', { ...base, ...allBonus }), sheet('b', base), sheet('c', { ...base, ...allBonus })],
      { metrics },
    );
    expect(r.experts.map((e) => e.grandTotal)).toEqual([100, 80, 100]);
    expect(r.total).toEqual({ count: 3, mean: 93.33, median: 100, min: 80, max: 100, spread: 20 });
    expect(r.totalDisagreement).toBe(true);
    const bonusItemMeans = r.items.filter((i) => i.bonus).reduce((a, i) => a + (i.stats?.mean ?? 0), 0);
    expect(80 + bonusItemMeans).toBeCloseTo(96, 1); // 6 × 2.67: above what two capped 20s and a 0 average to
    expect(r.bonusGroups[0]?.mean).toBe(13.33);
    expect(r.meanTotal).toBe(round2(80 + (20 + 0 + 20) / 3));
    expect(r.total?.max).toBeLessThanOrEqual(r.maxTotal);
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
    // Half the panels have every base item scored (unscored ones given full points), for the sum check below.
    const baseIds = rubric.indicators.flatMap((i) => i.items);
    const fillBase = (a: Record<string, { score: number }>) => ({
      ...Object.fromEntries(baseIds.map((i) => [i.id, { score: i.points }])),
      ...a,
    });
    const sheets = fc
      .tuple(fc.boolean(), fc.array(answers, { minLength: 1, maxLength: 7 }))
      .map(([full, list]) => list.map((a, k) => ({ expertId: `expert-${k}`, answers: full ? fillBase(a) : a })));
    fc.assert(
      fc.property(sheets, fc.constantFrom({}, metrics, { 'profile.secrecy_staff': 0 }), (list, m) => {
        const r = aggregateScoredPanel(rubric, list, { metrics: m });
        for (const g of r.bonusGroups) expect(g.mean).toBeLessThanOrEqual(g.cap);
        for (const e of r.experts) expect(e.grandTotal).toBeLessThanOrEqual(summary.maxTotal);
        expect(r.meanTotal).toBeLessThanOrEqual(summary.maxTotal);
        // The total's figures: over the experts' capped totals, so never above the maximum.
        const total = r.total!;
        expect(total.mean).toBe(r.meanTotal);
        expect(total.max).toBeLessThanOrEqual(summary.maxTotal);
        expect(total.min).toBeLessThanOrEqual(total.median);
        expect(total.median).toBeLessThanOrEqual(total.max);
        expect(total.spread).toBe(round2(total.max - total.min));
        expect(r.totalDisagreement).toBe(total.count >= 2 && total.spread >= 0.15 * summary.maxTotal - 1e-9);
        // With every base item scored by everyone, the mean total is the base items' means plus the groups' means
        // (each mean rounded to 0.01, hence the tolerance).
        if (r.items.every((i) => i.unscoredBy.length === 0)) {
          const base = r.items.filter((i) => !i.bonus).map((i) => i.stats!.mean);
          const groups = r.bonusGroups.map((g) => g.mean!);
          const tolerance = 0.005 * (base.length + groups.length + 1) + 1e-9;
          expect(Math.abs(r.meanTotal! - [...base, ...groups].reduce((a, b) => a + b, 0))).toBeLessThanOrEqual(
            tolerance,
          );
        }
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
      label: expect.stringMatching(/^“.+”第 1 项$/),
      text: '建设对象具有一定面积、建设规范的商业秘密（知识产权）保护办公场所',
      conditionId: 'c3',
      metBy: ['a', 'c'],
      notMetBy: ['b'],
      unansweredBy: [],
      majority: true,
      allMet: false,
      disagreement: true,
    });
    expect(r.conditions.find((c) => c.id === 'c3')).toMatchObject({ metBy: ['a', 'c'], majority: true, allMet: false });
    expect(r.conditions.find((c) => c.id === 'c2')).toMatchObject({ metBy: ['a', 'b', 'c'], allMet: true });
    expect(r).toMatchObject({ passedByMajority: true, passedUnanimously: false });
    expect(r.experts.map((e) => e.passed)).toEqual([true, false, true]);
  });

  it('per condition how many experts found it met: the pass rule stays per requirement', () => {
    // Each expert rejects a different requirement of c2: every requirement holds by two of three, so the condition
    // holds by majority, though no single expert found all of c2 met.
    const r = aggregateChecklistPanel(rubric, [
      { expertId: 'a', answers: answers({ 'c2.r1': false }) },
      { expertId: 'b', answers: answers({ 'c2.r2': false }) },
      { expertId: 'c', answers: answers({ 'c2.r3': false }) },
    ]);
    expect(r.conditions.find((c) => c.id === 'c2')).toMatchObject({ metBy: [], majority: true, allMet: false });
    expect(r.passedByMajority).toBe(true);
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
    expect(r.experts[1]?.missing).toEqual([
      {
        nodeId: 'c2.r1',
        code: 'unanswered',
        message: expect.stringMatching(/^“组织架构健全”第 1 项尚未确认是否符合：/),
      },
    ]);
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
