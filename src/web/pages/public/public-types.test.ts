import { describe, expect, test } from 'vitest';
import { BaseKind, BaseLevel } from '../../../core/programs/enums';
import { JurisdictionLevel } from '../../../shared/enums';
import { BASE_KIND_LABELS, BASE_LEVEL_LABELS, chineseDay, isoDay, JURISDICTION_LEVEL_LABELS } from './public-types';

describe('the public pages without zod and dayjs (issue 15)', () => {
  test('the registry filters offer the enumerations’ values and labels, in their order', () => {
    expect(Object.entries(BASE_LEVEL_LABELS)).toEqual(Object.entries(BaseLevel.labels));
    expect(Object.entries(BASE_KIND_LABELS)).toEqual(Object.entries(BaseKind.labels));
    expect(Object.entries(JURISDICTION_LEVEL_LABELS)).toEqual(Object.entries(JurisdictionLevel.labels));
  });

  test('days in Chinese as before (dayjs’ YYYY年M月D日)', () => {
    expect(chineseDay('2025-06-03')).toBe('2025年6月3日');
    expect(chineseDay('2025-12-09')).toBe('2025年12月9日');
    expect(chineseDay(null)).toBe('—');
    expect(chineseDay('someday')).toBe('someday');
    expect(isoDay('2025-06-03')).toBe('2025-06-03');
    expect(isoDay(null)).toBe('—');
  });
});
