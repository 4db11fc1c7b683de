/**
 * Problems found in a programme or an answer set: a readable path and a Chinese message. Zod's issues are turned
 * into problems here, with our own Chinese wording (zod's bundled zh-CN locale mixes English type names in).
 */
import type { z } from 'zod';

export interface Problem {
  /** Where, e.g. `rubrics[0].indicators[2].items[1].points`; empty for the document itself. */
  path: string;
  message: string;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['kinds', 0, 'rubric']` → `kinds[0].rubric`; keys that are not plain names are quoted: `["i1.1"].score`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && !PLAIN_KEY.test(segment)) out += `[${JSON.stringify(segment)}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值（true/false）',
  array: '列表',
  object: '对象',
  null: '空值',
  undefined: '未填写',
  literal: '固定值',
  nan: '非数字',
};

function typeOf(input: unknown): string {
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const show = (value: unknown) => (typeof value === 'string' ? `“${value}”` : JSON.stringify(value));

/** Chinese message for one raw zod issue; used as the per-parse error map. Messages set in a schema win. */
export function chineseIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const received = typeOf(issue.input);
      if (received === 'undefined') return '必填项未填写';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `应为${expected}，实际为${TYPE_NAMES[received] ?? received}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'array') return min <= 1 ? '至少应有一项' : `至少应有 ${min} 项`;
      if (issue.origin === 'string') return min <= 1 ? '不能为空' : `至少 ${min} 个字`;
      return issue.inclusive ? `不能小于 ${min}` : `应大于 ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'array') return `最多 ${max} 项`;
      if (issue.origin === 'string') return `不能超过 ${max} 个字`;
      return issue.inclusive ? `不能大于 ${max}` : `应小于 ${max}`;
    }
    case 'invalid_value':
      if (issue.input === undefined) return '必填项未填写';
      return issue.values.length === 1
        ? `应为 ${show(issue.values[0])}`
        : `取值无效，应为以下之一：${issue.values.map((v) => show(v)).join('、')}`;
    case 'invalid_format':
      return issue.format === 'date' ? '日期格式应为 YYYY-MM-DD' : `格式不正确（${issue.format}）`;
    case 'not_multiple_of':
      return `应为 ${Number(issue.divisor)} 的整数倍`;
    case 'unrecognized_keys':
      return `未知字段：${issue.keys.join('、')}`;
    case 'invalid_union':
      return '内容不符合任何一种允许的写法';
    case 'invalid_key':
      return '键名无效';
    case 'invalid_element':
      return '元素无效';
    default:
      return '内容无效';
  }
}

/**
 * A schema-level type error that still says "missing" when the value is absent: `z.string({ error: typeError('应为文本') })`.
 */
export function typeError(message: string): (issue: z.core.$ZodRawIssue) => string {
  return (issue) => (issue.input === undefined ? '必填项未填写' : message);
}

/** Parse options that make zod speak Chinese. */
export const CHINESE: { error: (issue: z.core.$ZodRawIssue) => string } = { error: chineseIssueMessage };

/**
 * Flattens zod issues into problems. A union failure is replaced by the issues of the branch that came closest
 * (fewest issues), so a typo inside one alternative is reported where it is, not as "matches nothing".
 */
export function issuesToProblems(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Problem[] {
  const out: Problem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = issue.errors.reduce((a, b) => (b.length < a.length ? b : a));
      if (best.length > 0) {
        out.push(...issuesToProblems(best, path));
        continue;
      }
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: formatPath([...path, key]), message: '未知字段（拼写是否有误？）' });
      continue;
    }
    out.push({ path: formatPath(path), message: issue.message });
  }
  return out;
}
