import { describe, expect, it } from 'vitest';
import { certificateNumbering, certificatePatternProblem, kindCodeProblem } from './certificate-number';

describe('certificate numbers', () => {
  it('default to digits only: owner, year, kind code, three-digit sequence', () => {
    const n = certificateNumbering(undefined, { owner: '310107', year: 2022, kind: '1' });
    expect(n.format(1)).toBe('310107-2022-1-001');
    expect(n.format(1234)).toBe('310107-2022-1-1234');
    expect(n.sequenceOf('310107-2022-1-007')).toBe(7);
    expect(n.sequenceOf('310107-2022-2-007')).toBeNull();
    expect(n.sequenceOf('310107-2022-1-x')).toBeNull();
    expect(/[A-Za-z]/.test(n.format(5))).toBe(false);
  });

  it('follow a bureau’s own pattern, the sequence in the middle', () => {
    const n = certificateNumbering('沪普市监商秘〔{year}〕{kind}{n}号', { owner: '310107', year: 2022, kind: '点' });
    expect(n.format(1)).toBe('沪普市监商秘〔2022〕点001号');
    expect(n.prefix).toBe('沪普市监商秘〔2022〕点');
    expect(n.sequenceOf('沪普市监商秘〔2022〕点012号')).toBe(12);
    expect(n.sequenceOf('沪普市监商秘〔2022〕点012')).toBeNull();
  });

  it('refuse patterns with English, unknown placeholders or no single sequence', () => {
    expect(certificatePatternProblem('{owner}-{year}-{kind}-{n}')).toBeNull();
    expect(certificatePatternProblem('{owner}-{year}-point-{n}')).toBe('证书编号不应含英文字母，请用汉字或数字');
    expect(certificatePatternProblem('{owner}-{yr}-{n}')).toContain('{yr}');
    expect(certificatePatternProblem('{owner}-{year}')).toBe('证书编号模板应含且只含一个序号占位符 {n}');
    expect(certificatePatternProblem('{n}-{n}')).toBe('证书编号模板应含且只含一个序号占位符 {n}');
    expect(certificatePatternProblem('{owner}/{n}')).toContain('不应含空格');
    expect(kindCodeProblem('点')).toBeNull();
    expect(kindCodeProblem('P')).toContain('英文');
  });
});
