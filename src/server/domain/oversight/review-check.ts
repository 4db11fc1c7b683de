/**
 * What the review dialog opens with: the base's maintenance conditions for the year as the platform's data shows
 * them (computed ones with their figures, the rest for the officer to judge) and the programme's default
 * rectification period. For the keeper of the base only — it reads the unit's ledger figures.
 */
import dayjs from 'dayjs';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { checkMaintenance, reviewAsOf } from './maintenance-check';
import { keptActiveBase } from './record-review';

export async function reviewCheck(
  db: Executor,
  ctx: RequestContext,
  certificateNo: string,
  year: number,
  today: string,
) {
  const row = await keptActiveBase(db, ctx, certificateNo);
  const asOf = reviewAsOf(year, today);
  const { programme, conditions } = await checkMaintenance(db, row, asOf);
  const days = programme.definition.management?.rectificationDays;
  return {
    certificateNo,
    year,
    asOf,
    conditions,
    suggestedRectifyBy: days ? dayjs(today).add(days, 'day').format('YYYY-MM-DD') : null,
    revocationGrounds: programme.definition.management?.revocation?.grounds ?? [],
  };
}
