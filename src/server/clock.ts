/**
 * The business date: the calendar day in China on which the programmes' rules are applied (application windows,
 * publicity periods, the 2-year ban after a revocation). Configurable (BUSINESS_DATE) so that demonstrations and
 * training can run a past programme as if it were current; timestamps stay real.
 */
import type { Config } from './config';

const CHINA_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' });

export function businessDate(config: Pick<Config, 'BUSINESS_DATE'>): string {
  return config.BUSINESS_DATE ?? chinaToday();
}

/** The last day computed and the minute it holds for: the day can only change at a whole minute (time zone offsets
 * are whole quarter hours), and formatting with Intl on every request cost ~1 % of a busy server's CPU. */
let lastMinute = Number.NaN;
let lastDay = '';

/** Today's calendar day in China (the server's own time zone may differ). */
export function chinaToday(): string {
  const now = Date.now();
  const minute = Math.floor(now / 60_000);
  if (minute !== lastMinute) {
    lastDay = CHINA_DAY.format(new Date(now));
    lastMinute = minute;
  }
  return lastDay;
}
