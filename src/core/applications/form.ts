/**
 * Checks an application's form values against the programme's form for the kind: each field's type, bounds and
 * options, and — when the application is submitted — that every required field is filled. Drafts may be
 * incomplete but never malformed. Problems carry the path `formData.<key>` and a Chinese message.
 */
import { checkCreditCode, creditCodeMessage } from '../credit-code';
import type { ApplicationForm, FormField } from '../programs/schema';

export interface FormProblem {
  path: string;
  message: string;
}

export type FormValues = Record<string, string | number | null>;

const isBlank = (value: unknown) => value === undefined || value === null || value === '';

function valueProblem(field: FormField, value: unknown): string | null {
  const label = field.label;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'percent': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${label}应为数字`;
      if (field.type === 'integer' && !Number.isInteger(value)) return `${label}应为整数`;
      if (field.type === 'percent' && (value < 0 || value > 100)) return `${label}应在0–100之间`;
      if (field.min !== undefined && value < field.min) return `${label}不能小于${field.min}`;
      if (field.max !== undefined && value > field.max) return `${label}不能大于${field.max}`;
      return null;
    }
    default: {
      if (typeof value !== 'string') return `${label}应为文本`;
      const max = field.maxLength ?? (field.type === 'textarea' ? 20_000 : 500);
      if (value.length > max) return `${label}不能超过${max}个字`;
      if (field.type === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${label}格式应为 YYYY-MM-DD`;
      if (field.type === 'postcode' && !/^\d{6}$/.test(value)) return `${label}应为6位数字`;
      if (field.type === 'phone' && !/^[0-9+\-() ]{7,20}$/.test(value)) return `${label}格式不正确`;
      if (field.type === 'credit_code') return creditCodeMessage(checkCreditCode(value));
      if (field.type === 'industry' && !/^\d{2}$/.test(value)) return `${label}应为两位行业大类代码`;
      if (field.type === 'select' && field.options && !field.options.includes(value))
        return `${label}应为以下之一：${field.options.join('、')}`;
      return null;
    }
  }
}

/** Every problem of `values` against `form`; with `complete`, required fields must be filled too. */
export function formProblems(form: ApplicationForm, values: FormValues, complete: boolean): FormProblem[] {
  const problems: FormProblem[] = [];
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(values)) {
    if (!known.has(key)) problems.push({ path: `formData.${key}`, message: '申报表中没有这一栏' });
  }
  for (const field of form.fields) {
    const value = values[field.key];
    const path = `formData.${field.key}`;
    if (isBlank(value)) {
      if (complete && field.required) problems.push({ path, message: `请填写${field.label}` });
      continue;
    }
    const problem = valueProblem(field, value);
    if (problem) problems.push({ path, message: problem });
  }
  return problems;
}
