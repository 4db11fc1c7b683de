/**
 * The receipt code an objector is given (异议回执码): 10 characters of an alphabet without look-alikes (no 0/O,
 * 1/I/L), so it can be read over the phone and typed from paper; 31^10 codes make guessing another's hopeless
 * (and the public look-up is rate-limited). Shown in two groups of five ("ABCDE-FGHJK"); typed in any case, with
 * or without the dash or spaces.
 */

export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const RECEIPT_LENGTH = 10;

/** A new code; `randomIndex(n)` gives a uniform integer in [0, n) from a cryptographic source. */
export function newReceiptCode(randomIndex: (n: number) => number): string {
  let code = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) code += RECEIPT_ALPHABET[randomIndex(RECEIPT_ALPHABET.length)];
  return code;
}

/** The code as stored, from what a person typed; null if it cannot be a receipt code. */
export function normalizeReceiptCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== RECEIPT_LENGTH) return null;
  for (const ch of code) if (!RECEIPT_ALPHABET.includes(ch)) return null;
  return code;
}

/** "ABCDEFGHJK" → "ABCDE-FGHJK". */
export function formatReceiptCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
