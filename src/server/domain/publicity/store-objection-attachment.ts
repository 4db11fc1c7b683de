/**
 * Anyone — logged in or not — uploads a file to attach to an objection, but only to a notice that takes objections
 * now (visible, open on the business date, its programme accepting them), with the same size and type checks as
 * every upload. The route limits it per IP. Audited without an actor for the public (the IP is kept), under the
 * owning bureau's jurisdiction; the file is then named in the objection (file-objection.ts) and read only by the
 * bureau (get-objection-attachment.ts).
 */
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { noticeHolder } from '../attachments/attachment-holders';
import { storeContent } from '../attachments/store-attachment';
import { findNoticeOpenForObjections } from './publicity-queries';

/** `read` yields the uploaded bytes; it is called only once the notice is known to take objections. */
export async function storeObjectionAttachment<T extends { content: Buffer }>(
  db: Db,
  ctx: RequestContext,
  noticeId: string,
  read: () => Promise<T>,
  today: string,
) {
  const found = await findNoticeOpenForObjections(db, ctx.actor, noticeId, today);
  const upload = await read();
  const stored = await storeContent(db, ctx, upload.content, {
    holder: noticeHolder(noticeId),
    unitId: ctx.actor?.unitId ?? null,
    jurisdictionPath: found.ownerPath,
    after: { noticeId, anonymous: !ctx.actor },
  });
  return { upload, stored };
}
