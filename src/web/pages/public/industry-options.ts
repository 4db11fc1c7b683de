/** GB/T 4754 divisions grouped by section, as the public pages' industry filters offer them (a native select). */
import { INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS } from '../../../shared/data/industries';
import type { SelectGroup } from './ui';

export const INDUSTRY_OPTIONS: SelectGroup[] = INDUSTRY_SECTIONS.map((section) => ({
  label: `${section.code} ${section.name}`,
  options: INDUSTRY_DIVISIONS.filter((d) => d.section === section.code).map((d) => ({
    value: d.code,
    label: `${d.code} ${d.name}`,
  })),
}));
