/**
 * Stores an uploaded file content-addressed by SHA-256, after checking its size and that its bytes really are one
 * of the accepted types (the declared name and MIME type are not trusted).
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import {
  ACCEPTED_TYPES,
  MAX_ATTACHMENT_BYTES,
  TOO_LARGE_MESSAGE,
  UNSUPPORTED_TYPE_MESSAGE,
} from '../../../shared/attachments';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { attachments } from '../../db/schema';
import { AppError, unauthenticated } from '../../errors';
import { recordHolder, uploadHolder } from './attachment-holders';

export { ACCEPTED_TYPES, MAX_ATTACHMENT_BYTES } from '../../../shared/attachments';

/** A logged-in user's upload (POST /attachments); audited under the user's unit, if any. */
export async function storeAttachment(db: Executor, ctx: RequestContext, content: Buffer) {
  if (!ctx.actor) throw unauthenticated();
  return storeContent(db, ctx, content, { holder: uploadHolder(ctx.actor), unitId: ctx.actor.unitId ?? null });
}

/**
 * The checks and the insert, for a caller that has authorised the upload itself (the public objection upload has no
 * actor; it names the jurisdiction the file was sent to). Audited when the content is new; the uploader (`holder`)
 * is recorded every time, as only the holders of a file may cite it.
 */
export async function storeContent(
  db: Executor,
  ctx: RequestContext,
  content: Buffer,
  audit: { holder: string; unitId?: string | null; jurisdictionPath?: string | null; after?: Record<string, unknown> },
) {
  if (content.length === 0)
    throw new AppError('validation_failed', '文件为空', { fields: [{ path: 'file', message: '文件为空' }] });
  if (content.length > MAX_ATTACHMENT_BYTES) throw new AppError('payload_too_large', TOO_LARGE_MESSAGE);
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !ACCEPTED_TYPES[detected.mime]) {
    const message = UNSUPPORTED_TYPE_MESSAGE;
    throw new AppError('unsupported_media_type', message, { fields: [{ path: 'file', message }] });
  }
  const sha256 = createHash('sha256').update(content).digest('hex');
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(attachments)
      .values({ sha256, size: content.length, mimeType: detected.mime, content })
      .onConflictDoNothing()
      .returning({ sha256: attachments.sha256 });
    await recordHolder(tx, sha256, audit.holder);
    if (inserted.length > 0) {
      await recordAudit(tx, ctx, {
        action: 'attachment.upload',
        entityType: 'attachment',
        entityId: sha256,
        unitId: audit.unitId ?? null,
        jurisdictionPath: audit.jurisdictionPath ?? null,
        after: { size: content.length, mimeType: detected.mime, ...audit.after },
      });
    }
  });
  return { sha256, size: content.length, mimeType: detected.mime };
}

export async function findAttachmentMeta(db: Executor, sha256: string) {
  const [row] = await db
    .select({ sha256: attachments.sha256, size: attachments.size, mimeType: attachments.mimeType })
    .from(attachments)
    .where(eq(attachments.sha256, sha256));
  return row ?? null;
}
