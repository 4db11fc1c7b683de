/**
 * An application form's value as people read it, on the page, the print view and the documents alike: an
 * industry as "C17 纺织业" (GB/T 4754), a number with its unit; '' when empty.
 */
import type { FormField } from '../core/programs/schema';
import { industryLabel } from './data/industries';

export function formatFormValue(field: Pick<FormField, 'type' | 'unit'>, value: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const text = String(value);
  if (field.type === 'industry') return industryLabel(text) ?? text;
  if (field.type === 'percent') return `${text}%`;
  return field.unit ? `${text} ${field.unit}` : text;
}
