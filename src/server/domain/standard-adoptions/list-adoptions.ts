/** Standard-adoption declarations as the reader may see them, and one declaration's evidence files. */
import type { AdoptionQuery } from '../../../shared/schemas/people';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { forbidden, unauthenticated } from '../../errors';
import { attachmentRefs, referencedAttachment } from '../attachments/referenced-attachment';
import { queryAdoptions, requireReadable } from './adoption-queries';

export async function listAdoptions(db: Executor, ctx: RequestContext, filter: AdoptionQuery) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role === 'expert') throw forbidden('无权查看贯标申报');
  const items = await queryAdoptions(db, actor, filter.status);
  return { items, total: items.length };
}

export async function getAdoptionAttachment(db: Executor, ctx: RequestContext, id: string, sha256: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const row = await requireReadable(db, actor, id);
  return referencedAttachment(db, attachmentRefs(row.adoption.attachments), sha256);
}
