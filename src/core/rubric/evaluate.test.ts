import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidAnswersError, parseAnswers } from './answers';
import { evaluateRubric } from './evaluate';
import { METRIC_IDS, type MetricValues } from './metrics';
import {
  type CheckEffect,
  type ChecklistRubric,
  type Comparison,
  type RubricInput,
  RubricSchema,
  type ScoredRubric,
} from './schema';
import { rubricSummary } from './summary';
import { checkRubric } from './validate';

const scored = (input: RubricInput) => RubricSchema.parse(input) as ScoredRubric;
const checklist = (input: RubricInput) => RubricSchema.parse(input) as ChecklistRubric;

/** A small sheet in the shape of 000 annex 3: two indicators, a bonus list worth more than its cap. */
const sheet = scored({
  id: 'point',
  form: 'scored',
  title: '示范点验收评价标准',
  passMark: 20,
  indicators: [
    {
      id: 'i1',
      title: '组织机构',
      points: 15,
      items: [
        { id: 'i1.1', text: '成立由本单位负责人牵头的商业秘密保护工作领导小组', points: 8 },
        { id: 'i1.2', text: '设立具体的办事机构并规定工作职责', points: 7 },
      ],
    },
    {
      id: 'i5',
      title: '活动开展',
      points: 15,
      items: [
        {
          id: 'i5.1',
          text: '配合市场监管部门为企业配备固定的商业秘密指导员,开展商业秘密保护业务指导每年不少于2次',
          points: 8,
          checks: [{ metric: 'ledger.guidance_visits_12m', op: 'gte', value: 2 }],
        },
        {
          id: 'i5.2',
          text: '开展商业秘密保护培训教育、调查研究、政策法规宣传等活动每年不少于1次并有台账记录',
          points: 7,
          checks: [{ metric: 'ledger.activities_12m', op: 'gte', value: 1, effect: 'advise' }],
        },
      ],
    },
  ],
  bonusGroups: [
    {
      id: 'b',
      title: '特色工作',
      cap: 10,
      items: Array.from({ length: 6 }, (_, i) => ({ id: `b${i + 1}`, text: `加分情况${i + 1}`, points: 2 })),
    },
  ],
});

const ledgerEvidence = [{ type: 'ledger', entryId: '5f0c7a52-7a5d-4a40-9d1b-5a3f3f0e2b11' }] as const;

describe('scored rubrics', () => {
  it('summarises maximum, caps and pass mark from the items', () => {
    expect(rubricSummary(sheet)).toMatchObject({
      baseMax: 30,
      bonusMax: 10,
      maxTotal: 40,
      passMark: 20,
      bonusGroups: [{ id: 'b', cap: 10, itemsTotal: 12, effectiveMax: 10, exceedsCap: true }],
    });
  });

  it('caps a bonus list that exceeds its cap', () => {
    const answers = Object.fromEntries(['b1', 'b2', 'b3', 'b4', 'b5', 'b6'].map((id) => [id, { score: 2 }]));
    const result = evaluateRubric(sheet, answers);
    expect(result.bonusGroups[0]).toMatchObject({ raw: 12, awarded: 10, capped: true });
    expect(result.bonusTotal).toBe(10);
    expect(result.grandTotal).toBe(10);
  });

  it('zeroes an item whose gate fails, and says why', () => {
    const result = evaluateRubric(
      sheet,
      { 'i5.1': { score: 8, evidence: [...ledgerEvidence] } },
      { 'ledger.guidance_visits_12m': 1 },
    );
    const item = result.indicators[1]?.items[0];
    expect(item).toMatchObject({ answeredScore: 8, awarded: 0, gated: true, decidedBy: 'metric' });
    expect(item?.gaps.map((g) => g.message)).toEqual([
      '近12个月业务指导 1 次，要求不少于 2 次',
      '未达到上述必要条件，本项按 0 分计（自评 8 分）：配合市场监管部门为企业配备固定的商业秘密指导员,开展商业秘密保护业务指导每年不少…',
    ]);
  });

  it('keeps the score when the gate is met or the data is missing', () => {
    const met = evaluateRubric(sheet, { 'i5.1': { score: 8 } }, { 'ledger.guidance_visits_12m': 3 });
    expect(met.indicators[1]?.items[0]).toMatchObject({ awarded: 8, gated: false });
    expect(met.indicators[1]?.items[0]?.gaps).toEqual([]); // a met metric vouches for the self-score

    const unknown = evaluateRubric(sheet, { 'i5.1': { score: 6 } }, {});
    const item = unknown.indicators[1]?.items[0];
    expect(item).toMatchObject({ awarded: 6, gated: false });
    expect(item?.gaps.map((g) => g.code)).toEqual(['metric_unknown', 'partial', 'no_evidence']);
  });

  it('lists an advisory failure as a gap without changing the score', () => {
    const result = evaluateRubric(
      sheet,
      { 'i5.2': { score: 7, evidence: [...ledgerEvidence] } },
      {
        'ledger.activities_12m': 0,
      },
    );
    const item = result.indicators[1]?.items[1];
    expect(item?.awarded).toBe(7);
    expect(item?.gaps).toEqual([
      {
        nodeId: 'i5.2',
        code: 'metric_not_met',
        message: '近12个月商业秘密保护活动（培训、宣传、走访调研等） 0 次，要求不少于 1 次',
      },
    ]);
  });

  it('reports totals, pass/fail against the pass mark and the gap list', () => {
    const result = evaluateRubric(
      sheet,
      { 'i1.1': { score: 8, evidence: [...ledgerEvidence] }, 'i1.2': { score: 5 }, b1: { score: 2 } },
      { 'ledger.guidance_visits_12m': 0, 'ledger.activities_12m': 4 },
    );
    expect(result).toMatchObject({ baseTotal: 13, bonusTotal: 2, grandTotal: 15, maxTotal: 40, passed: false });
    expect(result.gaps[0]).toEqual({
      nodeId: 'point',
      code: 'below_pass_mark',
      message: '估算总分 15 分，低于合格标准 20 分',
    });
    expect(result.gaps.map((g) => `${g.nodeId}:${g.code}`)).toEqual([
      'point:below_pass_mark',
      'i1.2:partial',
      'i1.2:no_evidence',
      'i5.1:metric_not_met',
      'i5.2:unanswered',
      'b1:no_evidence',
    ]);
  });

  it('refuses answers above an item, negative, on unknown ids or of the wrong kind, listing them all', () => {
    const parsed = parseAnswers(sheet, {
      'i1.1': { score: 9 },
      'i1.2': { score: -1 },
      'i9.9': { score: 1 },
      i1: { score: 1 },
      b1: { met: true },
      b2: { score: 0.3 },
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { path: '["i1.2"].score', message: '得分不能为负' },
        { path: 'b2.score', message: '得分最小单位为0.5分' },
      ]),
    );
    // Shape errors stop the rubric-specific pass; fix them and the rest is reported.
    const second = parseAnswers(sheet, {
      'i1.1': { score: 9 },
      'i9.9': { score: 1 },
      i1: { score: 1 },
      b1: { met: true },
    });
    expect(second.ok ? [] : second.problems).toEqual([
      { path: '["i1.1"].score', message: '得分不能超过该项分值 8 分' },
      { path: '["i9.9"]', message: '评价标准中没有这一项' },
      { path: 'i1', message: '评价指标、加分组本身不能作答，请对其下的评价项作答' },
      { path: 'b1.met', message: '评分项应填写得分（score）' },
    ]);
    expect(() => evaluateRubric(sheet, { 'i1.1': { score: 9 } })).toThrow(InvalidAnswersError);
  });

  it('awards an auto item from its gates when the data is there', () => {
    const rubric = scored({
      id: 'r',
      form: 'scored',
      title: 't',
      indicators: [
        {
          id: 'i',
          title: '措施运行',
          items: [
            {
              id: 'i.1',
              text: '宣贯法律法规，园区内企业受训率达 50% 以上',
              points: 5,
              auto: true,
              checks: [{ metric: 'ledger.firms_trained_pct_12m', op: 'gte', value: 50 }],
            },
          ],
        },
      ],
    });
    expect(evaluateRubric(rubric, {}, { 'ledger.firms_trained_pct_12m': 60 }).grandTotal).toBe(5);
    expect(evaluateRubric(rubric, { 'i.1': { score: 5 } }, { 'ledger.firms_trained_pct_12m': 40 }).grandTotal).toBe(0);
    expect(evaluateRubric(rubric, { 'i.1': { score: 3 } }, {}).grandTotal).toBe(3);
  });
});

const conditions = checklist({
  id: 'point',
  form: 'checklist',
  title: '示范点申报条件',
  conditions: [
    {
      id: 'c1',
      title: '组织架构完整',
      requirements: [
        { id: 'c1.r1', text: '建设对象应成立由本单位主要负责人牵头的商业秘密（知识产权）保护工作领导小组' },
        {
          id: 'c1.r3',
          text: '配备专（兼）职保密员不少于1名',
          auto: true,
          checks: [{ metric: 'profile.secrecy_staff', op: 'gte', value: 1 }],
        },
      ],
    },
    {
      id: 'c3',
      title: '制度建设完善',
      requirements: [
        {
          id: 'c3.r4',
          text: '每年组织全员商业秘密保护轮训不少于1次',
          auto: true,
          checks: [{ metric: 'ledger.staff_training_reach_12m', op: 'gte', value: 100 }],
        },
      ],
    },
  ],
});

describe('checklist rubrics', () => {
  it('passes only when every condition holds', () => {
    const all = evaluateRubric(
      conditions,
      { 'c1.r1': { met: true, evidence: [...ledgerEvidence] } },
      { 'profile.secrecy_staff': 1, 'ledger.staff_training_reach_12m': 100 },
    );
    expect(all).toMatchObject({ passed: true, metCount: 2, total: 2, gaps: [] });

    const partial = evaluateRubric(
      conditions,
      { 'c1.r1': { met: true, evidence: [...ledgerEvidence] } },
      { 'profile.secrecy_staff': 0, 'ledger.staff_training_reach_12m': 100 },
    );
    expect(partial).toMatchObject({ passed: false, metCount: 1 });
    expect(partial.gaps).toEqual([
      {
        nodeId: 'c1.r3',
        code: 'metric_not_met',
        message: '商业秘密保护专（兼）职人员（保密员） 0 人，要求不少于 1 人',
      },
    ]);
  });

  it('lets the applicant answer an auto requirement when there is no data, and asks for evidence', () => {
    const result = evaluateRubric(conditions, {
      'c1.r1': { met: true },
      'c1.r3': { met: true },
      'c3.r4': { met: false },
    });
    expect(result.conditions.map((c) => c.met)).toEqual([true, false]);
    expect(result.gaps.map((g) => `${g.nodeId}:${g.code}`)).toEqual([
      'c1.r1:no_evidence',
      'c1.r3:metric_unknown',
      'c1.r3:no_evidence',
      'c3.r4:metric_unknown',
      'c3.r4:not_met',
    ]);
    expect(result.gaps.at(-1)?.message).toBe('自评不符合：每年组织全员商业秘密保护轮训不少于1次');
  });

  it('asks about unanswered requirements and refuses scores', () => {
    const result = evaluateRubric(conditions, {});
    expect(result.gaps.find((g) => g.nodeId === 'c1.r1')?.message).toBe(
      '尚未确认是否符合：建设对象应成立由本单位主要负责人牵头的商业秘密（知识产权）保护工作领导小组',
    );
    expect(parseAnswers(conditions, { 'c1.r1': { score: 1 } })).toEqual({
      ok: false,
      problems: [{ path: '["c1.r1"].score', message: '此项为条件要求，只能填写是否符合（met），不能打分' }],
    });
  });
});

describe('rubric consistency', () => {
  it('finds duplicate ids, wrong indicator sums, unreachable pass marks, bad thresholds, auto without a gate', () => {
    const rubric = scored({
      id: 'r',
      form: 'scored',
      title: 't',
      passMark: 50,
      indicators: [
        {
          id: 'i1',
          title: 'a',
          points: 15,
          items: [
            { id: 'x', text: 'a', points: 8 },
            {
              id: 'x',
              text: 'b',
              points: 8,
              checks: [{ metric: 'ledger.firms_trained_pct_12m', op: 'gte', value: 120 }],
            },
            {
              id: 'y',
              text: 'c',
              points: 1,
              auto: true,
              checks: [{ metric: 'ledger.trainings_12m', op: 'gte', value: 1, effect: 'advise' }],
            },
          ],
        },
      ],
    });
    expect(checkRubric(rubric).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      'indicators.0.points: 指标分值 15 分与其评价项分值之和 17 分不一致',
      'indicators.0.items.1.id: 标识“x”重复（已用于 indicators[0].items[0]）',
      'indicators.0.items.1.checks.0.value: 百分比阈值不能超过100',
      'indicators.0.items.2.auto: auto 需要至少一个 effect 为 gate 的指标核验',
      'passMark: 合格分 50 分超过满分 17 分',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties: whatever the answers and the data, no item exceeds its points, no bonus group its cap, no total the
// maximum; and the maximum is reachable.

const halfPoints = (max: number) => fc.integer({ min: 1, max: max * 2 }).map((n) => n / 2);

const comparison = fc.constantFrom<Comparison>('gte', 'gt', 'lte', 'lt', 'eq');
const effect = fc.constantFrom<CheckEffect>('gate', 'advise');
const metricCondition = fc.record({
  metric: fc.constantFrom(...METRIC_IDS),
  op: comparison,
  value: fc.integer({ min: 0, max: 100 }),
});
const check = fc.oneof(
  fc.tuple(metricCondition, effect).map(([c, e]) => ({ ...c, effect: e })),
  fc.record({ anyOf: fc.array(metricCondition, { minLength: 2, maxLength: 3 }), effect }),
);

/** Arbitrary well-formed scored rubrics with unique ids. */
const scoredRubric = fc
  .record({
    indicators: fc.array(
      fc.array(fc.record({ points: halfPoints(30), checks: fc.array(check, { maxLength: 2 }), auto: fc.boolean() }), {
        minLength: 1,
        maxLength: 5,
      }),
      { minLength: 1, maxLength: 6 },
    ),
    bonusGroups: fc.array(
      fc.record({
        cap: halfPoints(20),
        items: fc.array(fc.record({ points: halfPoints(10), checks: fc.array(check, { maxLength: 1 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ indicators, bonusGroups }) =>
    scored({
      id: 'r',
      form: 'scored',
      title: '随机评分表',
      indicators: indicators.map((items, i) => ({
        id: `i${i}`,
        title: `指标${i}`,
        items: items.map((item, j) => ({
          id: `i${i}.${j}`,
          text: `评价项${i}.${j}`,
          points: item.points,
          checks: item.checks,
          auto: item.auto && item.checks.some((c) => c.effect === 'gate'),
        })),
      })),
      bonusGroups: bonusGroups.map((group, g) => ({
        id: `b${g}`,
        title: `加分组${g}`,
        cap: group.cap,
        items: group.items.map((item, j) => ({ id: `b${g}.${j}`, text: `加分项${g}.${j}`, ...item })),
      })),
    }),
  );

/** Any valid answer set for a rubric: each item unanswered or scored between 0 and its points. */
function answersFor(rubric: ScoredRubric) {
  const items = [...rubric.indicators.flatMap((i) => i.items), ...rubric.bonusGroups.flatMap((g) => g.items)];
  return fc
    .tuple(
      ...items.map((item) =>
        fc.option(
          fc.integer({ min: 0, max: item.points * 2 }).map((n) => n / 2),
          { nil: undefined },
        ),
      ),
    )
    .map((scores) => {
      const answers: Record<string, { score: number }> = {};
      scores.forEach((score, k) => {
        if (score !== undefined) answers[(items[k] as { id: string }).id] = { score };
      });
      return answers;
    });
}

const metricValues: fc.Arbitrary<MetricValues> = fc.dictionary(
  fc.constantFrom(...METRIC_IDS),
  fc.option(fc.double({ min: 0, max: 200, noNaN: true }), { nil: undefined }),
);

function assertWithinBounds(rubric: ScoredRubric, answers: unknown, metrics: MetricValues): void {
  const summary = rubricSummary(rubric);
  if (summary.form !== 'scored') throw new Error('expected a scored rubric');
  const result = evaluateRubric(rubric, answers, metrics);
  for (const item of [...result.indicators.flatMap((i) => i.items), ...result.bonusGroups.flatMap((g) => g.items)]) {
    expect(item.awarded).toBeGreaterThanOrEqual(0);
    expect(item.awarded).toBeLessThanOrEqual(item.points);
  }
  for (const group of result.bonusGroups) expect(group.awarded).toBeLessThanOrEqual(group.cap);
  expect(result.baseTotal).toBeLessThanOrEqual(summary.baseMax);
  expect(result.bonusTotal).toBeLessThanOrEqual(summary.bonusMax);
  expect(result.grandTotal).toBeLessThanOrEqual(summary.maxTotal);
  expect(result.grandTotal).toBe(result.baseTotal + result.bonusTotal);
  expect(result.maxTotal).toBe(summary.maxTotal);
}

describe('rubric engine properties', () => {
  it('never exceeds an item, a cap or the maximum', () => {
    fc.assert(
      fc.property(
        scoredRubric.chain((r) => fc.tuple(fc.constant(r), answersFor(r), metricValues)),
        ([rubric, answers, metrics]) => assertWithinBounds(rubric, answers, metrics),
      ),
      { numRuns: 300 },
    );
  });

  it('reaches exactly the maximum with full marks and no failing gate', () => {
    fc.assert(
      fc.property(scoredRubric, (generated) => {
        // Drop the checks: full marks with nothing to gate them must reach the maximum.
        const rubric = scored({
          ...generated,
          indicators: generated.indicators.map((i) => ({
            ...i,
            items: i.items.map((it) => ({ ...it, checks: [], auto: false })),
          })),
          bonusGroups: generated.bonusGroups.map((g) => ({
            ...g,
            items: g.items.map((it) => ({ ...it, checks: [], auto: false })),
          })),
        });
        const items = [...rubric.indicators.flatMap((i) => i.items), ...rubric.bonusGroups.flatMap((g) => g.items)];
        const answers = Object.fromEntries(items.map((i) => [i.id, { score: i.points }]));
        const summary = rubricSummary(rubric);
        expect(evaluateRubric(rubric, answers).grandTotal).toBe(summary.form === 'scored' ? summary.maxTotal : NaN);
      }),
    );
  });

  it('never lowers the total when a score is raised', () => {
    fc.assert(
      fc.property(
        scoredRubric.chain((r) => fc.tuple(fc.constant(r), answersFor(r), metricValues, fc.nat())),
        ([rubric, answers, metrics, pick]) => {
          const items = [...rubric.indicators.flatMap((i) => i.items), ...rubric.bonusGroups.flatMap((g) => g.items)];
          const item = items[pick % items.length] as { id: string; points: number };
          const before = evaluateRubric(rubric, answers, metrics).grandTotal;
          const after = evaluateRubric(rubric, { ...answers, [item.id]: { score: item.points } }, metrics).grandTotal;
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses any score above an item', () => {
    fc.assert(
      fc.property(
        scoredRubric.chain((r) => fc.tuple(fc.constant(r), fc.nat(), fc.integer({ min: 1, max: 100 }))),
        ([rubric, pick, extra]) => {
          const items = rubric.indicators.flatMap((i) => i.items);
          const item = items[pick % items.length] as { id: string; points: number };
          const answers = { [item.id]: { score: item.points + extra / 2 } };
          expect(parseAnswers(rubric, answers).ok).toBe(false);
          expect(() => evaluateRubric(rubric, answers)).toThrow(InvalidAnswersError);
        },
      ),
      { numRuns: 100 },
    );
  });
});
