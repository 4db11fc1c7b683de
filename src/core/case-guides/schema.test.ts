import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseGuide, parseCaseGuideYaml, stringifyCaseGuideYaml } from './schema';

const DIR = new URL('../../../case-guides/', import.meta.url);

describe('case-handling guides', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    it(`${file} is valid and round-trips`, () => {
      const result = parseCaseGuideYaml(readFileSync(new URL(file, DIR), 'utf8'));
      expect(result.ok && result.guide.steps.map((s) => s.name)).toEqual([
        '核查',
        '立案',
        '调查取证',
        '委托鉴定',
        '告知',
        '听证',
        '处罚决定',
        '执行',
        '结案',
      ]);
      if (!result.ok) return;
      expect(parseCaseGuideYaml(stringifyCaseGuideYaml(result.guide))).toEqual(result);
    });
  }

  it('lists every problem: duplicate step, missing close, duplicate document key', () => {
    const doc = {
      formatVersion: 1,
      code: 'bad-guide',
      ownerJurisdiction: '310000',
      issuer: '上海市市场监督管理局',
      title: '坏指南',
      steps: [
        {
          kind: 'open',
          name: '立案',
          description: '立案',
          documents: [{ key: 'a', title: '甲', fields: [{ label: '一' }] }],
        },
        {
          kind: 'open',
          name: '立案',
          description: '再立案',
          documents: [{ key: 'a', title: '乙', fields: [{ label: '二' }] }],
        },
      ],
    };
    const result = parseCaseGuide(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(['步骤“立案”重复', '办案指南必须包括“结案”步骤', '文书标识“a”重复']),
    );
  });

  it('reports YAML syntax errors with their line', () => {
    const result = parseCaseGuideYaml('code: [\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/第 \d+ 行/);
  });
});
