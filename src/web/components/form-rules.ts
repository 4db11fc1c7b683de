/**
 * antd Form rules derived from the shared zod schemas, so the browser checks a field exactly as the server will and
 * shows the same Chinese message as the user types.
 */
import type { FormRule } from 'antd';
import type { z } from 'zod';
import { checkCreditCode, creditCodeMessage } from '../../core/credit-code';

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** Validates a filled-in value against a zod schema (empty values are left to a `required` rule). */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return;
      const result = schema.safeParse(typeof value === 'string' ? value.trim() : value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}

export const required = (message: string): FormRule => ({ required: true, whitespace: true, message });

/** The unified social credit code check (GB 32100), with the expected check character in the message. */
export const creditCodeRule: FormRule = {
  validator: async (_rule, value: unknown) => {
    if (typeof value !== 'string' || value === '') return;
    const message = creditCodeMessage(checkCreditCode(value));
    if (message) throw new Error(message);
  },
};

/** Credit codes are printed in upper case without spaces; accept what people paste. */
export const normalizeCreditCode = (value: unknown) =>
  typeof value === 'string' ? value.toUpperCase().replace(/\s+/g, '') : value;

/** Trimmed text, or null when empty (optional fields the server wants absent rather than ""). */
export const textOrNull = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};
