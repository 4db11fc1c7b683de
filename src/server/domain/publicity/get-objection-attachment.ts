/**
 * A file attached to an objection, for those who handle it: officers of the programme's owning bureau or above, and
 * administrators (list-objections.ts). Not the public, not the applicant (whose objector stays protected).
 */
import { eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { objections } from '../../db/schema';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { attachmentRefs, referencedAttachment } from '../attachments/referenced-attachment';
import { objectionsQuery } from './list-objections';
import { managesNotice } from './publicity-queries';

export async function getObjectionAttachment(db: Executor, ctx: RequestContext, id: string, sha256: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有工作方案的主管部门可以查看异议材料');
  const [found] = await objectionsQuery(db).where(eq(objections.id, id));
  if (!found || !managesNotice(actor, found.ownerPath)) throw notFound('异议');
  return referencedAttachment(db, attachmentRefs(found.objection.attachments), sha256);
}
