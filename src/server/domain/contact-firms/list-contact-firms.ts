/**
 * Contact firms of the bureau's subtree (administrators: all), optionally of one district and only those due:
 * each with its liaison officer, last contact and next due date (last contact, or designation, plus the interval).
 */
import type { ContactFirmQuery } from '../../../shared/schemas/people';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { unauthenticated } from '../../errors';
import { findJurisdiction } from '../units/unit-references';
import { queryFirms, requireOfficer } from './contact-firm-queries';

export async function listContactFirms(db: Executor, ctx: RequestContext, filter: ContactFirmQuery) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  requireOfficer(actor);
  const district = filter.jurisdictionCode ? await findJurisdiction(db, filter.jurisdictionCode) : null;
  if (filter.jurisdictionCode && !district) return { items: [], total: 0 };
  const items = await queryFirms(
    db,
    actor,
    { path: district?.path, due: filter.due === undefined ? undefined : filter.due === 'true' },
    ctx.today,
  );
  return { items, total: items.length };
}
