import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckChar, creditCodeMessage } from './credit-code';

describe('credit code (GB 32100)', () => {
  // Published codes of real registered entities.
  it.each([
    '91110108551385082Q', // Xiaomi (Beijing Haidian)
    '914403001922038216', // Huawei (Shenzhen)
  ])('accepts %s', (code) => {
    expect(checkCreditCode(code)).toMatchObject({ valid: true });
  });

  it('computes the check character from the first 17', () => {
    expect(creditCodeCheckChar('91440300192203821')).toBe('6');
  });

  it('rejects a wrong check character and says which one is expected', () => {
    const result = checkCreditCode('914403001922038217');
    expect(result).toMatchObject({ valid: false, problem: 'check_char', expectedCheckChar: '6' });
    expect(creditCodeMessage(result)).toContain('应为 6');
  });

  it('rejects wrong length and forbidden letters', () => {
    expect(checkCreditCode('91440300192203821').problem).toBe('length');
    expect(checkCreditCode('91440300I922038216').problem).toBe('charset');
    expect(checkCreditCode('91440300192203821o').problem).toBe('charset');
  });
});
