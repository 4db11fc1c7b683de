/** Decision document numbers (文号) from a programme's pattern, e.g. "普市监公平〔{year}〕{n}号" → "普市监公平〔2022〕12号". */
export function formatDecisionNumber(pattern: string, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('document sequence number must be a positive integer');
  return pattern.replaceAll('{year}', String(year)).replaceAll('{n}', String(n));
}

export interface DecisionNumberMatch {
  /** The number in the pattern's own spelling (brackets and digits normalised). */
  normalized: string;
  year?: number;
  n?: number;
}

/** Brackets officials type for 〔〕: ASCII, full-width, lenticular, tortoise-shell. */
const OPENING = /[[［【〔(（]/g;
const CLOSING = /[\]］】〕)）]/g;

function normalise(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(OPENING, '〔')
    .replace(CLOSING, '〕');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a decision number fits the programme's pattern ("绍市监管竞争〔{year}〕{n}号"): the year is four digits,
 * the sequence a positive integer without leading zeros. Whitespace, full-width digits and the usual bracket variants
 * ([2021], 【2021】) are tolerated; the result is the number spelled as the pattern spells it. Null when it does not fit.
 */
export function matchDecisionNumber(pattern: string, value: string): DecisionNumberMatch | null {
  const parts = normalise(pattern).split(/(\{year\}|\{n\})/);
  const groups: ('year' | 'n')[] = [];
  const source = parts
    .map((part) => {
      if (part === '{year}') {
        groups.push('year');
        return '(\\d{4})';
      }
      if (part === '{n}') {
        groups.push('n');
        return '([1-9]\\d{0,5})';
      }
      return escapeRegExp(part);
    })
    .join('');
  const found = new RegExp(`^${source}$`).exec(normalise(value));
  if (!found) return null;
  const match: DecisionNumberMatch = { normalized: '' };
  groups.forEach((group, i) => {
    match[group] = Number(found[i + 1]);
  });
  match.normalized = pattern
    .replaceAll('{year}', match.year === undefined ? '{year}' : String(match.year))
    .replaceAll('{n}', match.n === undefined ? '{n}' : String(match.n));
  return match;
}
