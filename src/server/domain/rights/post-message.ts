/**
 * Messages between the reporter and the handlers (the reporting unit's accounts or a handler; the public writes
 * through follow-public-clue.ts), and internal notes (handlers and supervising bureaus only; never shown to the
 * reporter). Both append-only, audited without their text.
 */

import type { AttachmentRef } from '../../../shared/schemas/ledger';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsClueMessages, rightsClueNotes } from '../../db/schema';
import { forbidden } from '../../errors';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { notifyUsers } from '../notifications/notify';
import { reporterAccounts } from './clue-update';
import { loadClue } from './rights-access';

export async function postMessage(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { body: string; attachments: AttachmentRef[] },
) {
  const loaded = await loadClue(db, ctx, id);
  const { clue } = loaded;
  const actor = ctx.actor!;
  const asHandler = actor.role === 'officer' && loaded.handlerIds.includes(actor.id);
  const asReporter = loaded.access === 'reporter';
  if (!asHandler && !asReporter) throw forbidden('只有承办人和举报/申请人可以留言');
  await requireCitable(db, filesAt(input.attachments, 'attachments'), { holder: uploadHolder(actor) });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rightsClueMessages)
      .values({
        clueId: id,
        author: asHandler ? 'handler' : 'reporter',
        authorId: actor.id,
        authorName: actor.displayName,
        body: input.body,
        attachments: input.attachments,
      })
      .returning({ id: rightsClueMessages.id });
    await recordAudit(tx, ctx, {
      action: 'rights.message',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: clue.jurisdictionPath,
      unitId: clue.reporterUnitId,
      after: { clueNo: clue.clueNo, author: asHandler ? 'handler' : 'reporter', attachments: input.attachments.length },
    });
    await notifyUsers(tx, asHandler ? await reporterAccounts(tx, clue) : loaded.handlerIds, {
      title: `维权线索 ${clue.clueNo} 有新留言`,
      body: asHandler ? '承办人给您留言，请查看。' : '申请人发来留言，请查看。',
      link: asHandler ? `/rights/mine/${id}` : `/rights/clues/${id}`,
    });
    return { id: row!.id };
  });
}

export async function addNote(db: Db, ctx: RequestContext, id: string, input: { body: string }) {
  const loaded = await loadClue(db, ctx, id);
  if (loaded.access !== 'content') throw forbidden('只有承办人和上级监管部门可以添加内部备注');
  const actor = ctx.actor!;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rightsClueNotes)
      .values({ clueId: id, authorId: actor.id, authorName: actor.displayName, body: input.body })
      .returning({ id: rightsClueNotes.id });
    await recordAudit(tx, ctx, {
      action: 'rights.note',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: loaded.clue.jurisdictionPath,
      after: { clueNo: loaded.clue.clueNo },
    });
    return { id: row!.id };
  });
}
