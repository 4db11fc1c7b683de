import { describe, expect, it } from 'vitest';
import { formatFormValue } from './form-values';

describe('formatFormValue', () => {
  it('shows an industry code with its GB/T 4754 section and name', () => {
    expect(formatFormValue({ type: 'industry' }, '17')).toBe('C17 纺织业');
    // An unknown code is shown as stored rather than hidden.
    expect(formatFormValue({ type: 'industry' }, '99')).toBe('99');
  });

  it('adds the unit to numbers and leaves empty values empty', () => {
    expect(formatFormValue({ type: 'decimal', unit: '万元' }, 1200)).toBe('1200 万元');
    expect(formatFormValue({ type: 'percent' }, 35)).toBe('35%');
    expect(formatFormValue({ type: 'text' }, null)).toBe('');
  });
});
