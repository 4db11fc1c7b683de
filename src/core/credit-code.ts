/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), unit type (1), region code (6, GB/T 2260), organisation code (9),
 * check character (1). The check character is computed over the first 17 with weights 3^(i-1) mod 31.
 * Pure: no I/O, shared by the server and the browser.
 */

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);

/** The check character for the first 17 characters, or null if any of them is outside the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] as string);
    if (value < 0) return null;
    sum += value * (WEIGHTS[i] as number);
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31] as string;
}

export type CreditCodeProblem = 'length' | 'charset' | 'check_char';

export interface CreditCodeResult {
  valid: boolean;
  /** Why it is invalid; absent when valid. */
  problem?: CreditCodeProblem;
  /** The check character the first 17 characters call for, when they are well formed. */
  expectedCheckChar?: string;
  /** Positions 3–8: the administrative region code of the registering authority. */
  regionCode?: string;
}

/** Validates a credit code. Lower-case letters are not accepted: the standard prints upper case. */
export function checkCreditCode(code: string): CreditCodeResult {
  if (code.length !== 18) return { valid: false, problem: 'length' };
  for (const ch of code) {
    if (!CREDIT_CODE_CHARSET.includes(ch)) return { valid: false, problem: 'charset' };
  }
  const expected = creditCodeCheckChar(code.slice(0, 17)) as string;
  const regionCode = code.slice(2, 8);
  if (code[17] !== expected) return { valid: false, problem: 'check_char', expectedCheckChar: expected, regionCode };
  return { valid: true, expectedCheckChar: expected, regionCode };
}

/** Chinese message for a credit-code problem, for forms and API errors. */
export function creditCodeMessage(result: CreditCodeResult): string | null {
  switch (result.problem) {
    case undefined:
      return null;
    case 'length':
      return '统一社会信用代码应为18位';
    case 'charset':
      return '统一社会信用代码含有不允许的字符（仅限数字和大写字母，不含 I、O、Z、S、V）';
    case 'check_char':
      return `统一社会信用代码校验位错误，应为 ${result.expectedCheckChar}`;
  }
}
