import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateRubric } from '../rubric/evaluate';
import { formatDecisionNumber } from './document-number';
import { parseProgrammeYaml, stringifyProgrammeYaml } from './load';
import { type ProgrammeInput, parseProgramme } from './schema';

const PROGRAMS_DIR = fileURLToPath(new URL('../../../programs/', import.meta.url));

/** A minimal valid programme to break one piece at a time. */
function buildProgramme(overrides: Partial<ProgrammeInput> = {}): ProgrammeInput {
  return {
    formatVersion: 1,
    code: 'demo-2024',
    ownerJurisdiction: '310107',
    issuer: '上海市普陀区市场监督管理局',
    year: 2024,
    title: '示范点培育建设工作方案',
    kinds: [
      {
        id: 'point',
        category: 'point',
        name: '示范点',
        level: 'district',
        applicantUnitKinds: ['enterprise'],
        form: 'f',
        rubric: 'r',
      },
    ],
    forms: [
      { id: 'f', title: '申报表', fields: [{ key: 'unitName', label: '单位名称', type: 'text', source: 'unit.name' }] },
    ],
    rubrics: [
      {
        id: 'r',
        form: 'scored',
        title: '验收评价标准',
        indicators: [
          { id: 'i1', title: '组织机构', points: 15, items: [{ id: 'i1.1', text: '成立领导小组', points: 15 }] },
        ],
      },
    ],
    stages: [
      {
        id: 'apply',
        kind: 'application',
        name: '创建申报',
        schedule: { closes: '2024-03-31' },
        submitTo: { level: 'district', name: '区市场监管局' },
      },
    ],
    targets: [{ jurisdictions: ['310107'], kind: 'point', level: 'district', atLeast: 6, due: '2024-12-31' }],
    ...overrides,
  };
}

describe('parseProgramme', () => {
  it('accepts a minimal programme and fills defaults', () => {
    const result = parseProgramme(buildProgramme());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const rubric = result.programme.rubrics[0];
    expect(rubric?.form === 'scored' && rubric.bonusGroups).toEqual([]);
    expect(result.programme.forms[0]?.fields[0]?.required).toBe(true);
    expect(result.programme.targets[0]?.subject).toBe('base');
  });

  it('lists every problem of a broken file, with paths', () => {
    const broken = `
formatVersion: 2
code: Putuo 2022
ownerJurisdiction: 310107
issuer: 上海市普陀区市场监督管理局
year: 2022
title: 工作方案
decisionNumberPattern: 普市监公平〔{year}〕号
kinds:
  - { id: point, category: point, name: 示范点, level: district, applicantUnitKinds: [robot], form: nope, rubric: r1 }
  - { id: point, category: village, name: 示范点, level: district, applicantUnitKinds: [enterprise], form: f, rubric: r2 }
forms:
  - id: f
    title: 申报表
    fields:
      - { key: unitName, label: 单位名称, type: checkbox }
      - { key: head, label: 负责人, type: text }
      - { key: head, label: 负责人, type: select }
rubrics:
  - id: r1
    form: scored
    title: 评分表
    indicators:
      - id: i1
        title: 组织机构
        points: 15
        items:
          - { id: i1.1, text: 成立领导小组, points: 8 }
          - { id: i1.2, text: 设立办事机构, points: 8 }
    bonusGroups:
      - { id: b, title: 特色工作, cap: 10, items: [{ id: i1.1, text: 其他加分情况, points: 2 }] }
    passMark: 20
  - id: r2
    form: checklist
    title: 申报条件
    conditions:
      - id: c1
        title: 组织架构完整
        requirements:
          - id: c1.r1
            text: 配备专（兼）职保密员不少于1名
            checks:
              - { metric: ledger.secret_agents, op: gte, value: 1 }
  - { id: r3, form: points, title: 未知 }
stages:
  - { id: pub, kind: publicity, name: 公示, workingDays: 0 }
  - id: apply
    kind: application
    name: 申报
    schedule: { opens: '2022-04-01', closes: '2022-03-31' }
    submitTo: { level: district, name: 区市场监管局 }
  - { id: review, kind: district_review, name: 审核推荐, by: { level: district, name: 区局 }, quota: [{ kind: station, count: 3 }] }
targets:
  - { jurisdictions: ['330602'], kind: point, atLeast: 6, due: '2022-13-01' }
  - { jurisdictions: ['310107'], subject: standard_adopter, kind: point, atLeast: 20, due: '2022-12-31' }
`;
    const result = parseProgrammeYaml(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = new Map<string, string[]>();
    for (const p of result.problems) byPath.set(p.path, [...(byPath.get(p.path) ?? []), p.message]);
    const expected: Record<string, string> = {
      formatVersion: 'formatVersion 应为 1',
      code: '方案代码只能含小写字母、数字和横线，如 putuo-2022',
      ownerJurisdiction: '辖区代码应为6位数字文本（YAML 中请加引号，如 "310107"）',
      decisionNumberPattern: '文号模板应含序号占位符 {n}，如“普市监公平〔{year}〕{n}号”',
      'kinds[0].applicantUnitKinds[0]': '取值无效',
      'kinds[1].category': '取值无效',
      'kinds[1].id': '基地类型标识“point”重复',
      'forms[0].fields[0].type': '取值无效',
      'forms[0].fields[2].key': '字段键“head”重复',
      'forms[0].fields[2].options': '单选字段应列出选项',
      'rubrics[0].indicators[0].points': '指标分值 15 分与其评价项分值之和 16 分不一致',
      'rubrics[0].bonusGroups[0].items[0].id': '标识“i1.1”重复',
      'rubrics[1].conditions[0].requirements[0].checks[0].metric': '未知的指标“ledger.secret_agents”',
      'rubrics[2].form': '评价标准的 form 应为 scored（评分表）或 checklist（条件清单）',
      'stages[0].workingDays': '公示天数应大于0',
      'stages[1].kind': '阶段顺序不正确：“申报”不能排在“公示”之后',
      'stages[1].schedule.opens': '开始日期不能晚于截止日期',
      'stages[2].kind': '阶段顺序不正确：“审核推荐”不能排在“公示”之后',
      'stages[2].quota[0].kind': '名额所指的基地类型“station”不存在',
      'targets[0].jurisdictions[0]': '辖区 330602 不在本方案所属辖区',
      'targets[0].due': '日期格式应为 YYYY-MM-DD',
      'targets[1].subject': '贯标企业目标不区分基地类型和级别',
    };
    for (const [path, message] of Object.entries(expected)) {
      expect(byPath.get(path)?.join(' | '), path).toContain(message);
    }
    expect(result.problems.length).toBeGreaterThanOrEqual(Object.keys(expected).length);
    for (const p of result.problems) expect(p.message).toMatch(/[\u4e00-\u9fa5]/); // every message in Chinese
  });

  it('reports missing required parts and unknown fields', () => {
    const result = parseProgramme({ formatVersion: 1, code: 'x-2024', colour: 'red', kinds: [{ id: 'point' }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: 'ownerJurisdiction', message: '必填项未填写' },
        { path: 'issuer', message: '必填项未填写' },
        { path: 'year', message: '必填项未填写' },
        { path: 'colour', message: '未知字段（拼写是否有误？）' },
        { path: 'kinds[0].category', message: '必填项未填写' },
        { path: 'kinds[0].applicantUnitKinds', message: '必填项未填写' },
      ]),
    );
  });

  it('requires an application stage when kinds are offered, a rubric for each kind and uses for each rubric', () => {
    const result = parseProgramme(
      buildProgramme({
        stages: [],
        rubrics: [
          ...(buildProgramme().rubrics ?? []),
          {
            id: 'spare',
            form: 'checklist',
            title: '条件',
            conditions: [{ id: 'c', title: 't', requirements: [{ id: 'c.r', text: 'x' }] }],
          },
        ],
        kinds: [{ ...(buildProgramme().kinds?.[0] as object), rubric: 'missing' } as never],
      }),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'kinds[0].rubric', message: '评价标准“missing”不存在' },
      { path: 'rubrics[0].id', message: '评价标准“r”未被任何基地类型使用' },
      { path: 'rubrics[1].id', message: '评价标准“spare”未被任何基地类型使用' },
      { path: 'stages', message: '提供了基地类型，但没有申报阶段（application）' },
    ]);
  });

  it('refuses to score against a checklist', () => {
    const result = parseProgramme(
      buildProgramme({
        rubrics: [
          {
            id: 'r',
            form: 'checklist',
            title: '条件',
            conditions: [{ id: 'c', title: 't', requirements: [{ id: 'c.r', text: 'x' }] }],
          },
        ],
        stages: [
          ...(buildProgramme().stages ?? []),
          {
            id: 'acc',
            kind: 'acceptance',
            name: '验收',
            by: { level: 'district', name: '区局' },
            methods: ['site_visit'],
            scoring: true,
          },
        ],
      }),
    );
    expect(result.ok ? [] : result.problems).toEqual([
      { path: 'stages[1].scoring', message: '此阶段设为评分，但“示范点”的评价标准是条件清单，无法评分' },
    ]);
  });
});

describe('programme YAML', () => {
  it('reports YAML syntax errors with line and column', () => {
    const result = parseProgrammeYaml('formatVersion: 1\ncode: [unclosed\n');
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.problems[0]?.message).toMatch(/^YAML 语法错误（第 \d+ 行第 \d+ 列）/);
    expect(parseProgrammeYaml('- 1\n- 2\n')).toEqual({
      ok: false,
      problems: [{ path: '', message: '文件顶层应为对象，而不是列表' }],
    });
    expect(parseProgrammeYaml('')).toEqual({ ok: false, problems: [{ path: '', message: '文件为空或顶层不是对象' }] });
    const dup = parseProgrammeYaml('formatVersion: 1\nformatVersion: 1\n');
    expect(dup.ok ? '' : dup.problems[0]?.message).toContain('YAML 语法错误');
  });

  it.each(['putuo-2022.yaml', 'shijingshan-2023.yaml', 'shaoxing-2021.yaml', 'wuhan-2022.yaml', 'shanghai-2022.yaml'])(
    '%s survives export and re-import unchanged',
    (file) => {
      const first = parseProgrammeYaml(readFileSync(`${PROGRAMS_DIR}${file}`, 'utf8'));
      if (!first.ok) throw new Error(JSON.stringify(first.problems));
      const again = parseProgrammeYaml(stringifyProgrammeYaml(first.programme));
      expect(again).toEqual(first);
      expect(parseProgramme(JSON.parse(JSON.stringify(first.programme)))).toEqual(first);
    },
  );
});

describe('docs/programme-format.md', () => {
  it('has an example that parses and behaves as described', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/programme-format.md', import.meta.url)), 'utf8');
    const example = doc.split('```yaml\n')[1]?.split('```')[0] ?? '';
    const result = parseProgrammeYaml(example);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const rubric = result.programme.rubrics[0];
    if (rubric?.form !== 'scored') throw new Error('scored rubric expected');
    const evaluation = evaluateRubric(rubric, { 'i5.1': { score: 8 } }, { 'ledger.guidance_visits_12m': 1 });
    expect(evaluation.indicators[0]?.items[0]?.awarded).toBe(0);
    expect(evaluation.gaps[0]?.message).toBe('近12个月业务指导 1 次，要求不少于 2 次');
  });
});

describe('decision numbers', () => {
  it('fills the pattern', () => {
    expect(formatDecisionNumber('普市监公平〔{year}〕{n}号', 2022, 12)).toBe('普市监公平〔2022〕12号');
    expect(() => formatDecisionNumber('普市监公平〔{year}〕{n}号', 2022, 0)).toThrow(RangeError);
  });
});

describe('rules a programme states', () => {
  it('accepts acceptance rules, an enforced schedule and a certificate numbering without English', () => {
    const base = buildProgramme();
    const result = parseProgramme({
      ...base,
      certificateNumberPattern: '沪普市监商秘〔{year}〕{kind}{n}号',
      kinds: base.kinds!.map((k) => ({ ...k, certificateCode: '点' })),
      stages: [
        ...base.stages!,
        {
          id: 'accept',
          kind: 'acceptance',
          name: '验收',
          schedule: { opens: '2024-04-01', closes: '2024-04-10', enforced: true },
          by: { level: 'district', name: '区市场监管局' },
          methods: ['written_prereview', 'site_visit'],
          requiredMethods: ['site_visit'],
          minPanelSize: 3,
        },
      ],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a required method the stage does not use, English in certificate numbers, a bad panel size', () => {
    const base = buildProgramme();
    const result = parseProgramme({
      ...base,
      certificateNumberPattern: '{owner}-{year}-point-{n}',
      kinds: base.kinds!.map((k) => ({ ...k, certificateCode: 'P' })),
      stages: [
        ...base.stages!,
        {
          id: 'accept',
          kind: 'acceptance',
          name: '验收',
          by: { level: 'district', name: '区市场监管局' },
          methods: ['expert_evaluation'],
          requiredMethods: ['site_visit'],
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.problems.map((p) => [p.path, p.message]));
    expect(byPath).toMatchObject({ certificateNumberPattern: '证书编号不应含英文字母，请用汉字或数字' });
    expect(Object.values(byPath)).toEqual(
      expect.arrayContaining([
        '证书编号中的类型代码不应含英文字母，请用汉字简称或数字',
        '须记录的验收方式“实地考察”不在本阶段的验收方式（methods）之中',
      ]),
    );
    const empty = parseProgramme({
      ...base,
      stages: [
        ...base.stages!,
        {
          id: 'accept',
          kind: 'acceptance',
          name: '验收',
          by: { level: 'district', name: '区市场监管局' },
          methods: ['expert_evaluation'],
          minPanelSize: 0,
        },
      ],
    });
    expect(!empty.ok && empty.problems.map((p) => p.message)).toContain('验收组人数应大于0');
  });
});
