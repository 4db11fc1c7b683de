import { describe, expect, it } from 'vitest';
import { formatDecisionNumber, matchDecisionNumber } from './document-number';

const SHAOXING = '绍市监管竞争〔{year}〕{n}号';

describe('decision numbers', () => {
  it('formats and matches the programme pattern', () => {
    expect(formatDecisionNumber(SHAOXING, 2021, 12)).toBe('绍市监管竞争〔2021〕12号');
    expect(matchDecisionNumber(SHAOXING, '绍市监管竞争〔2021〕12号')).toEqual({
      normalized: '绍市监管竞争〔2021〕12号',
      year: 2021,
      n: 12,
    });
  });

  it('tolerates the usual bracket variants, spaces and full-width digits, and normalises them', () => {
    expect(matchDecisionNumber(SHAOXING, '绍市监管竞争[2021]12号')?.normalized).toBe('绍市监管竞争〔2021〕12号');
    expect(matchDecisionNumber(SHAOXING, ' 绍市监管竞争【２０２１】１２号 ')?.normalized).toBe(
      '绍市监管竞争〔2021〕12号',
    );
  });

  it('refuses other issuers, missing parts and leading zeros', () => {
    expect(matchDecisionNumber(SHAOXING, '普市监公平〔2021〕12号')).toBeNull();
    expect(matchDecisionNumber(SHAOXING, '绍市监管竞争〔21〕12号')).toBeNull();
    expect(matchDecisionNumber(SHAOXING, '绍市监管竞争〔2021〕012号')).toBeNull();
    expect(matchDecisionNumber(SHAOXING, '绍市监管竞争〔2021〕号')).toBeNull();
    expect(matchDecisionNumber(SHAOXING, '绍市监管竞争〔2021〕12')).toBeNull();
  });

  it('patterns without a year or a sequence still match literally', () => {
    expect(matchDecisionNumber('局长办公会议纪要第{n}期', '局长办公会议纪要第3期')).toEqual({
      normalized: '局长办公会议纪要第3期',
      n: 3,
    });
  });
});
