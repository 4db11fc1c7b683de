import { and, eq, sql } from 'drizzle-orm';
import type { GuideVersionInput } from '../../../shared/schemas/guides';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { guideDocuments, guideVersions } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { canReviseGuide } from '../../policies/services';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { findVisibleGuide, guideDetail } from './guide-queries';

/**
 * Publishes a new version of a guide; the old versions stay (the table is append-only). The editor names the version
 * it started from, so two revisions made at once cannot both become the same next version: one is a 409.
 */
export async function reviseGuide(db: Executor, ctx: RequestContext, id: string, input: GuideVersionInput) {
  if (!ctx.actor) throw unauthenticated();
  const actor = ctx.actor;
  const guide = await findVisibleGuide(db, actor, id);
  if (!canReviseGuide(actor, guide.jurisdictionPath)) throw forbidden('只有发布该指引的监管部门及其上级可以发布新版本');
  if (input.baseVersion !== guide.version) throw new AppError('conflict', '该指引已有更新的版本，请刷新后重试');
  await requireCitable(db, filesAt([input.file], 'file'), {
    holder: uploadHolder(actor),
    onRecord: [{ sha256: (await currentSha(db, id, guide.version)) ?? '', path: 'file' }],
  });
  const { baseVersion, file, ...text } = input;
  const next = baseVersion + 1;
  return db.transaction(async (tx) => {
    const bumped = await tx
      .update(guideDocuments)
      .set({ currentVersion: sql`${guideDocuments.currentVersion} + 1` })
      .where(and(eq(guideDocuments.id, id), eq(guideDocuments.currentVersion, baseVersion)))
      .returning({ id: guideDocuments.id });
    if (bumped.length === 0) throw new AppError('conflict', '该指引已有更新的版本，请刷新后重试');
    await tx.insert(guideVersions).values({
      ...text,
      documentId: id,
      version: next,
      sha256: file.sha256,
      fileName: file.fileName,
      publishedOn: ctx.today,
      publishedById: actor.id,
    });
    await recordAudit(tx, ctx, {
      action: 'guide.version',
      entityType: 'guide',
      entityId: id,
      jurisdictionPath: guide.jurisdictionPath,
      before: { version: baseVersion },
      after: { version: next, title: text.title, changeNote: text.changeNote, file: file.sha256 },
    });
    return guideDetail(tx, actor, id);
  });
}

async function currentSha(db: Executor, id: string, version: number) {
  const [row] = await db
    .select({ sha256: guideVersions.sha256 })
    .from(guideVersions)
    .where(and(eq(guideVersions.documentId, id), eq(guideVersions.version, version)));
  return row?.sha256;
}
