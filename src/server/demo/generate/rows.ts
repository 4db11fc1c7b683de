/**
 * Deterministic building blocks of the generated province: ids derived from what a row is (so a second run finds
 * the rows of the first and inserts nothing), credit codes with their GB 32100 check character, Chinese names.
 */
import { createHash, hash } from 'node:crypto';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../../../core/credit-code';
import type { Executor } from '../../db/client';

/** A UUID (version-5 shaped) named by `kind` and `n`: the same row gets the same id on every run. */
export function generatedId(kind: string, n: number): string {
  const h = sha256Of(`shangmi-generate:${kind}:${n}`).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Deterministic bytes for `kind` and `n` (digests and salts of generated evidence). */
export function generatedBytes(kind: string, n: number): Buffer {
  return sha256Of(`shangmi-generate:${kind}:${n}`);
}

/** SHA-256 of a string: the one-shot `crypto.hash` (Node 20.12+) is about twice as fast as a Hash object. */
const sha256Of: (text: string) => Buffer =
  typeof hash === 'function'
    ? (text) => hash('sha256', text, 'buffer') as Buffer
    : (text) => createHash('sha256').update(text).digest();

/**
 * The credit code of generated unit `n`: registration authority 9 (工商), type 1 (企业), the unit's region code, a
 * nine-character organisation code unique to `n` (starting with "G", which the demo units' codes never do) and
 * the check character the standard computes.
 */
export function generatedCreditCode(regionCode: string, n: number): string {
  let org = '';
  for (let rest = n, i = 0; i < 8; i++, rest = Math.floor(rest / CREDIT_CODE_CHARSET.length)) {
    org = CREDIT_CODE_CHARSET[rest % CREDIT_CODE_CHARSET.length] + org;
  }
  const first17 = `91${regionCode}G${org}`;
  return first17 + creditCodeCheckChar(first17)!;
}

const TRADE_NAMES = ['华信', '恒通', '博远', '瑞科', '天成', '嘉禾', '启明', '宏达', '新锐', '致远', '卓越', '安泰'];
const TRADES = ['精密机械', '电子科技', '生物医药', '新材料', '软件信息', '汽车零部件', '纺织印染', '智能装备'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = ['伟', '芳', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛'];

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

export const generatedUnitName = (place: string, n: number) =>
  `${place}${pick(TRADE_NAMES, n)}${pick(TRADES, Math.floor(n / TRADE_NAMES.length))}有限公司（${n + 1}号）`;

export const generatedPersonName = (n: number) => `${pick(SURNAMES, n)}${pick(GIVEN, Math.floor(n / 7))}`;

/** A date `n` days after `from` (ISO). */
export function daysAfter(from: string, n: number): string {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Inserts rows in chunks of `size` (PostgreSQL takes at most 65,535 parameters per statement). */
export async function insertInChunks<T>(
  rows: readonly T[],
  size: number,
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export type GenerateExecutor = Executor;
