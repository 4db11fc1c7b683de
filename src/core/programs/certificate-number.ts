/**
 * Certificate numbers of certified bases (认定证书编号), from the programme's `certificateNumberPattern`:
 * "{owner}" (the owning jurisdiction's code), "{year}" (the programme's year), "{kind}" (the kind's
 * `certificateCode`, by default a digit for its category: 1 示范点, 2 示范站, 3 示范区) and "{n}" (the sequence
 * within the same owner, year and kind, three digits, more past 999). The default, "{owner}-{year}-{kind}-{n}",
 * reads "310107-2022-1-001": digits only, easy to type from a plaque and safe in a link. Pure.
 */
import type { BaseKind } from './enums';
import type { BaseKindOffer } from './sections';

export const DEFAULT_CERTIFICATE_NUMBER_PATTERN = '{owner}-{year}-{kind}-{n}';

/** The code of each category when a kind gives none. */
export const DEFAULT_KIND_CODES: Record<BaseKind, string> = { point: '1', station: '2', zone: '3' };

export const CERTIFICATE_PLACEHOLDERS = ['{owner}', '{year}', '{kind}', '{n}'] as const;

/** Why a pattern cannot number certificates, in Chinese; null when it can. */
export function certificatePatternProblem(pattern: string): string | null {
  const placeholders = pattern.match(/\{[^}]*\}/g) ?? [];
  const unknown = placeholders.filter((p) => !(CERTIFICATE_PLACEHOLDERS as readonly string[]).includes(p));
  if (unknown.length > 0)
    return `证书编号模板只能使用占位符 {owner}、{year}、{kind}、{n}，不能使用 ${unknown.join('、')}`;
  if (placeholders.filter((p) => p === '{n}').length !== 1) return '证书编号模板应含且只含一个序号占位符 {n}';
  const literal = pattern.replace(/\{[^}]*\}/g, '');
  if (/[A-Za-z]/.test(literal)) return '证书编号不应含英文字母，请用汉字或数字';
  if (/[\s/\\?#%]/.test(literal)) return '证书编号不应含空格或 / \\ ? # % 等字符（编号用于核验链接）';
  return null;
}

/** Why a kind's certificate code cannot be used, in Chinese; null when it can. */
export function kindCodeProblem(code: string): string | null {
  if (/[A-Za-z]/.test(code)) return '证书编号中的类型代码不应含英文字母，请用汉字简称或数字';
  if (/[\s/\\?#%{}]/.test(code)) return '证书编号中的类型代码不应含空格或 / \\ ? # % { } 等字符';
  return null;
}

export interface CertificateNumbering {
  /** Everything before the sequence: what numbers of the same owner, year and kind share. */
  prefix: string;
  format(sequence: number): string;
  /** The sequence of a number of this owner, year and kind; null for any other number. */
  sequenceOf(certificateNo: string): number | null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function certificateNumbering(
  pattern: string | undefined,
  values: { owner: string; year: number; kind: string },
): CertificateNumbering {
  const filled = (pattern ?? DEFAULT_CERTIFICATE_NUMBER_PATTERN)
    .replaceAll('{owner}', values.owner)
    .replaceAll('{year}', String(values.year))
    .replaceAll('{kind}', values.kind);
  const [prefix = '', suffix = ''] = filled.split('{n}');
  const shape = new RegExp(`^${escapeRegExp(prefix)}(\\d{3,})${escapeRegExp(suffix)}$`);
  return {
    prefix,
    format: (sequence) => {
      if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence must be a positive integer');
      return `${prefix}${String(sequence).padStart(3, '0')}${suffix}`;
    },
    sequenceOf: (certificateNo) => {
      const found = shape.exec(certificateNo);
      return found ? Number(found[1]) : null;
    },
  };
}

/** The kind's code in certificate numbers ("{kind}"): its own, or its category's digit. */
export function kindCertificateCode(kind: Pick<BaseKindOffer, 'category' | 'certificateCode'>): string {
  return kind.certificateCode ?? DEFAULT_KIND_CODES[kind.category];
}
