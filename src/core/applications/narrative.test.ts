import { describe, expect, it } from 'vitest';
import type { Rubric } from '../rubric/schema';
import { narrativeFromAnswers } from './narrative';

const scored = {
  form: 'scored',
  id: 'point',
  title: '示范点验收评价标准',
  indicators: [
    {
      id: 'i1',
      title: '组织保障',
      points: 10,
      items: [
        { id: 'i1.1', points: 5, text: '建立商业秘密保护工作领导小组' },
        { id: 'i1.2', points: 5, text: '配备专职保密员' },
      ],
    },
    { id: 'i2', title: '制度建设', points: 5, items: [{ id: 'i2.1', points: 5, text: '制定商业秘密管理制度' }] },
  ],
  bonusGroups: [{ id: 'b', title: '特色工作', cap: 2, items: [{ id: 'b1', points: 2, text: '建立联系机制' }] }],
} as unknown as Rubric;

describe('narrativeFromAnswers', () => {
  it("writes the applicant's notes under their indicator headings, in rubric order, skipping silent sections", () => {
    const text = narrativeFromAnswers(scored, {
      'i1.2': { score: 5, note: '设保密员 2 名' },
      'i1.1': { score: 5, note: ' 总经理任组长 ' },
      'i2.1': { score: 5 },
      b1: { score: 2, note: '与区局建立季度联络' },
    });
    expect(text).toBe(
      [
        '一、组织保障',
        '建立商业秘密保护工作领导小组：总经理任组长',
        '配备专职保密员：设保密员 2 名',
        '',
        '二、特色工作',
        '建立联系机制：与区局建立季度联络',
      ].join('\n'),
    );
  });

  it('is empty when no note was written', () => {
    expect(narrativeFromAnswers(scored, { 'i1.1': { score: 5 } })).toBe('');
  });
});
