/**
 * How often a bureau keeps in touch with each of its contact firms (联系企业), in days, by the bureau's
 * jurisdiction code; a firm's own interval, when set, wins. The seeds set no figure, so the platform's default is a
 * quarter; a bureau's own rule goes here.
 */
export const DEFAULT_CONTACT_INTERVAL_DAYS = 90;

export const CONTACT_INTERVAL_DAYS: Readonly<Record<string, number>> = {
  // 武汉市：141家联系企业，联络员上门指导（003）——按月联系
  '420100': 30,
};

/** The interval of the nearest bureau on the path (dotted codes) that sets one, else the default. */
export function contactIntervalFor(path: string): number {
  const codes = path.split('.').filter(Boolean).reverse();
  for (const code of codes) {
    const days = CONTACT_INTERVAL_DAYS[code];
    if (days !== undefined) return days;
  }
  return DEFAULT_CONTACT_INTERVAL_DAYS;
}
