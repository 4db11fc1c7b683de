/**
 * The programme title a certified base carries on its certificate and plaque. A programme names its kinds by level
 * ("区级商业秘密保护示范点", "市级商业秘密保护示范点"); the paper a bureau issues names the bureau's area instead
 * ("普陀区商业秘密保护示范点", "绍兴市商业秘密保护示范点"), so the level word is replaced by the certifying
 * jurisdiction's name. A title that does not start with a level word is kept as the programme spells it.
 */
const LEVEL_PREFIX = /^(国家级|省级|市级|区级|县级|区县级|县区级)/;

export function designation(kindTitle: string, ownerJurisdictionName: string): string {
  if (!LEVEL_PREFIX.test(kindTitle) || ownerJurisdictionName === '全国') return kindTitle;
  return kindTitle.replace(LEVEL_PREFIX, ownerJurisdictionName);
}
