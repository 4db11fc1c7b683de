/**
 * Files of a clue: the clue's attachments and its messages' attachments, for those who read its content (handlers,
 * supervisors, the recorder, the reporting unit). Each download is audited; a metadata-only officer is refused (403)
 * and the attempt audited; out of scope 404. The public uploads its files before reporting (per report, with the
 * usual type and size checks, rate-limited by the route), held under the report's upload key.
 */
import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsClueMessages } from '../../db/schema';
import { attachmentRefs, referencedAttachment } from '../attachments/referenced-attachment';
import { storeContent } from '../attachments/store-attachment';
import { publicHolder } from './report-clue';
import { loadClue, requireContent } from './rights-access';

export async function getClueFile(db: Db, ctx: RequestContext, id: string, sha256: string) {
  const loaded = await loadClue(db, ctx, id);
  await requireContent(db, ctx, loaded, 'file');
  const messages = await db
    .select({ attachments: rightsClueMessages.attachments })
    .from(rightsClueMessages)
    .where(eq(rightsClueMessages.clueId, id));
  const refs = [...attachmentRefs(loaded.clue.attachments), ...messages.flatMap((m) => attachmentRefs(m.attachments))];
  const file = await referencedAttachment(db, refs, sha256);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'rights.read_file',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: loaded.clue.jurisdictionPath,
      unitId: loaded.clue.reporterUnitId,
      after: { clueNo: loaded.clue.clueNo, sha256 },
    }),
  );
  return file;
}

export async function storePublicRightsFile(db: Db, ctx: RequestContext, content: Buffer, uploadKey: string) {
  return storeContent(db, ctx, content, {
    holder: publicHolder(uploadKey),
    after: { rights: true, anonymous: !ctx.actor },
  });
}
