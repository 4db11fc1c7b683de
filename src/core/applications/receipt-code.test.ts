import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatReceiptCode, newReceiptCode, normalizeReceiptCode, RECEIPT_ALPHABET } from './receipt-code';

describe('receipt codes', () => {
  it('are 10 characters of an alphabet without look-alikes', () => {
    expect(RECEIPT_ALPHABET).not.toMatch(/[01OIL]/);
    const codes = new Set(Array.from({ length: 1000 }, () => newReceiptCode(randomInt)));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
  });

  it('are shown in two groups and read back however they were typed', () => {
    expect(formatReceiptCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(normalizeReceiptCode(' abcde-fghjk ')).toBe('ABCDEFGHJK');
    expect(normalizeReceiptCode('ABCDE FGHJK')).toBe('ABCDEFGHJK');
    expect(normalizeReceiptCode('ABCDE-FGHJ')).toBeNull();
    expect(normalizeReceiptCode('ABCDE-FGHJ0')).toBeNull();
    expect(normalizeReceiptCode('903722e4-0000-4000-8000-000000000000')).toBeNull();
  });
});
