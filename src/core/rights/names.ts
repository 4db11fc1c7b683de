/**
 * The key two clues are compared on for duplicates: a party's name with width, case, spacing, punctuation and the
 * common company-form suffixes removed, so "上海某某科技有限公司" and "上海某某科技（有限公司）" meet.
 */
const SUFFIXES = ['股份有限公司', '有限责任公司', '有限公司', '分公司', '公司', '集团', '厂'];

export function normaliseName(name: string): string {
  let key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of SUFFIXES) {
      if (key.length > suffix.length + 1 && key.endsWith(suffix)) {
        key = key.slice(0, -suffix.length);
        changed = true;
      }
    }
  }
  return key;
}
