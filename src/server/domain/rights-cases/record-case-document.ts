import type { CaseDocumentInput } from '../../../shared/schemas/rights-cases';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsCaseDocuments } from '../../db/schema';
import { AppError } from '../../errors';
import { requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { requireHandler } from '../rights/rights-access';
import { loadCase, requireOpenCase } from './case-access';
import { auditCase } from './case-audit';
import { ensureCaseFile } from './case-file';
import { getCase } from './get-case';
import { findGuide } from './guide-queries';

/** A handler records a document of a guide step (立案审批表, 询问笔录 …) as an uploaded file on an open case. */
export async function recordCaseDocument(db: Db, ctx: RequestContext, clueId: string, input: CaseDocumentInput) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = requireHandler(ctx, loaded);
  requireOpenCase(loaded);
  await requireCitable(db, [{ ...input.attachment, path: 'attachment.sha256' }], { holder: uploadHolder(actor) });
  await db.transaction(async (tx) => {
    const file = await ensureCaseFile(tx, loaded.clue);
    const guide = (await findGuide(tx, file.guideId))!;
    const step = guide.definition.steps.find((s) => s.kind === input.step);
    if (!step?.documents.some((d) => d.key === input.documentKey))
      throw new AppError('validation_failed', '办案指南中该步骤没有这份文书', {
        fields: [{ path: 'documentKey', message: '办案指南中该步骤没有这份文书' }],
      });
    await tx.insert(rightsCaseDocuments).values({
      clueId,
      step: input.step,
      documentKey: input.documentKey,
      sha256: input.attachment.sha256,
      fileName: input.attachment.fileName,
      recordedById: actor.id,
    });
    await auditCase(tx, ctx, loaded.clue, 'rights_case.document', {
      step: input.step,
      documentKey: input.documentKey,
      fileName: input.attachment.fileName,
    });
  });
  return getCase(db, ctx, clueId);
}
