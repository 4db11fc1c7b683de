/**
 * Bureaus' own industry lists, beside GB/T 4754: a person of the register may be filed under them, and panel
 * suggestions match an applicant's GB/T division through `divisions`. Keyed by the bureau's jurisdiction code; a
 * registry uses the lists of its own jurisdiction and of those above it. Shaoxing's nine are 002 "五个一" (五).
 */
export interface BureauIndustry {
  /** Stable code, unique within the bureau. */
  code: string;
  name: string;
  /** The bureau's grouping, e.g. 四大新兴产业. */
  group: string;
  /** GB/T 4754-2017 divisions the industry spans (for matching an applicant's industry). */
  divisions: readonly string[];
}

export const BUREAU_INDUSTRIES: Readonly<Record<string, readonly BureauIndustry[]>> = {
  // 绍兴市：高端装备、现代医药、新材料、电子信息四大新兴产业，纺织、化工、金属加工三大传统产业，黄酒、珍珠两大历史经典产业
  '330600': [
    { code: 'sx-equipment', name: '高端装备', group: '新兴产业', divisions: ['34', '35', '37', '38', '40'] },
    { code: 'sx-medicine', name: '现代医药', group: '新兴产业', divisions: ['27'] },
    { code: 'sx-materials', name: '新材料', group: '新兴产业', divisions: ['28', '29', '30', '32'] },
    { code: 'sx-electronics', name: '电子信息', group: '新兴产业', divisions: ['39', '64', '65'] },
    { code: 'sx-textile', name: '纺织', group: '传统产业', divisions: ['17', '18'] },
    { code: 'sx-chemical', name: '化工', group: '传统产业', divisions: ['26'] },
    { code: 'sx-metal', name: '金属加工', group: '传统产业', divisions: ['31', '33'] },
    { code: 'sx-rice-wine', name: '黄酒', group: '历史经典产业', divisions: ['15'] },
    { code: 'sx-pearl', name: '珍珠', group: '历史经典产业', divisions: ['04', '24'] },
  ],
};

/** The lists a registry at `path` (dotted codes, e.g. "000000.330000.330600.330603.") may use: its own and above. */
export function bureauIndustriesFor(path: string): BureauIndustry[] {
  const codes = path.split('.').filter(Boolean);
  return codes.flatMap((code) => BUREAU_INDUSTRIES[code] ?? []);
}

const ALL = new Map(Object.values(BUREAU_INDUSTRIES).flatMap((list) => list.map((i) => [i.code, i] as const)));

export function bureauIndustry(code: string): BureauIndustry | undefined {
  return ALL.get(code);
}

export const bureauIndustryLabel = (code: string) => ALL.get(code)?.name ?? null;
