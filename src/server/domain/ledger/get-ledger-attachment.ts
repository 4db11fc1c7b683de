import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { attachments, ledgerAttachments } from '../../db/schema';
import { notFound } from '../../errors';
import { can } from '../../policies';
import { findEntryWithPath } from './ledger-queries';

/** An attachment's bytes, reachable only through an entry the actor may read. */
export async function getLedgerAttachment(db: Executor, ctx: RequestContext, entryId: string, attachmentId: string) {
  const found = await findEntryWithPath(db, entryId);
  if (
    !found ||
    !can(ctx.actor, 'ledger.read', { type: 'unit', id: found.entry.unitId, jurisdictionPath: found.jurisdictionPath })
  ) {
    throw notFound('台账记录');
  }
  const [row] = await db
    .select({ fileName: ledgerAttachments.fileName, mimeType: attachments.mimeType, content: attachments.content })
    .from(ledgerAttachments)
    .innerJoin(attachments, eq(attachments.sha256, ledgerAttachments.sha256))
    .where(and(eq(ledgerAttachments.id, attachmentId), eq(ledgerAttachments.entryId, entryId)));
  if (!row) throw notFound('附件');
  return row;
}
