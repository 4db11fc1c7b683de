/** Decision document numbers (文号) from a programme's pattern, e.g. "普市监公平〔{year}〕{n}号" → "普市监公平〔2022〕12号". */
export function formatDecisionNumber(pattern: string, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('document sequence number must be a positive integer');
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', String(n));
}
