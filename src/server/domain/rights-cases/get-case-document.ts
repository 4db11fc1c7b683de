import { and, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsCaseDocuments } from '../../db/schema';
import { notFound } from '../../errors';
import { referencedAttachment } from '../attachments/referenced-attachment';
import { auditedCaseRead } from './case-access';

/** A document file of the case, to whom may read the case's content (audited); 404 for a file it does not hold. */
export async function getCaseDocument(db: Db, ctx: RequestContext, clueId: string, documentId: string) {
  await auditedCaseRead(db, ctx, clueId, '办案文书');
  const [row] = await db
    .select({ sha256: rightsCaseDocuments.sha256, fileName: rightsCaseDocuments.fileName })
    .from(rightsCaseDocuments)
    .where(and(eq(rightsCaseDocuments.id, documentId), eq(rightsCaseDocuments.clueId, clueId)));
  if (!row) throw notFound('办案文书');
  return referencedAttachment(db, [row], row.sha256);
}
