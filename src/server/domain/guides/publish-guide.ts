import type { GuideInput } from '../../../shared/schemas/guides';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { guideDocuments, guideVersions } from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { guideDetail } from './guide-queries';

/** A bureau publishes a guide, rule guidance or template under its own jurisdiction: the document and version 1. */
export async function publishGuide(db: Executor, ctx: RequestContext, input: GuideInput) {
  if (!ctx.actor) throw unauthenticated();
  const actor = ctx.actor;
  if (actor.role !== 'officer' || !actor.jurisdictionCode || !actor.jurisdictionPath)
    throw forbidden('指引范本由监管部门发布');
  await requireCitable(db, filesAt([input.file], 'file'), { holder: uploadHolder(actor) });
  const { kind, industryCode, visibility, file, ...text } = input;
  const id = await db.transaction(async (tx) => {
    const [doc] = await tx
      .insert(guideDocuments)
      .values({ kind, industryCode: industryCode ?? null, visibility, jurisdictionCode: actor.jurisdictionCode! })
      .returning({ id: guideDocuments.id });
    await tx.insert(guideVersions).values({
      ...text,
      documentId: doc!.id,
      version: 1,
      sha256: file.sha256,
      fileName: file.fileName,
      publishedOn: ctx.today,
      publishedById: actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'guide.publish',
      entityType: 'guide',
      entityId: doc!.id,
      jurisdictionPath: actor.jurisdictionPath,
      after: { kind, industryCode, visibility, title: text.title, version: 1, file: file.sha256 },
    });
    return doc!.id;
  });
  return guideDetail(db, actor, id);
}
