import { and, eq, sql } from 'drizzle-orm';
import type { LedgerEntryPatch } from '../../../shared/schemas/ledger';
import { diffSummary, recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { ledgerAttachments, ledgerEntries } from '../../db/schema';
import { AppError, notFound, unauthenticated } from '../../errors';
import { can } from '../../policies';
import { checkAttachmentsCitable, resolveGuide } from './ledger-guards';
import { findEntryWithPath, loadEntry } from './ledger-queries';

/** Edits a ledger entry with the version it was read at; the audit keeps what changed. */
export async function updateLedgerEntry(db: Executor, ctx: RequestContext, id: string, patch: LedgerEntryPatch) {
  if (!ctx.actor) throw unauthenticated();
  const found = await findEntryWithPath(db, id);
  const subject = found && { type: 'unit' as const, id: found.entry.unitId, jurisdictionPath: found.jurisdictionPath };
  if (!found || !subject || !can(ctx.actor, 'ledger.write', subject)) throw notFound('台账记录');
  const before = found.entry;
  // The checks below judge the entry as read here; the update is guarded on that same version, so an entry changed
  // in between (say, turned into a guidance visit by an officer) is a conflict, not an edit past the checks.
  if (patch.version !== before.version) throw new AppError('conflict', '该台账记录已被他人修改，请刷新后重试');
  const kind = patch.kind ?? before.kind;
  // Every edit passes the guidance rule: editing any field of a guidance visit is the bureau's to do.
  const guideId = await resolveGuide(
    db,
    ctx.actor,
    { id: before.unitId, jurisdictionPath: found.jurisdictionPath },
    kind,
    patch.guideId !== undefined ? patch.guideId : before.guideId,
    before,
  );
  await checkAttachmentsCitable(db, ctx.actor, patch.attachments, id);
  const { version, attachments, ...fields } = patch;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(ledgerEntries)
      .set({ ...fields, guideId, version: sql`${ledgerEntries.version} + 1`, updatedAt: new Date() })
      .where(and(eq(ledgerEntries.id, id), eq(ledgerEntries.version, version)))
      .returning();
    if (updated.length === 0) throw new AppError('conflict', '该台账记录已被他人修改，请刷新后重试');
    if (attachments) {
      await tx.delete(ledgerAttachments).where(eq(ledgerAttachments.entryId, id));
      if (attachments.length > 0)
        await tx.insert(ledgerAttachments).values(attachments.map((a) => ({ ...a, entryId: id })));
    }
    const pick = (e: typeof before) => ({
      kind: e.kind,
      occurredOn: e.occurredOn,
      title: e.title,
      description: e.description,
      participants: e.participants,
      reachPercent: e.reachPercent,
      firmsCovered: e.firmsCovered,
      guideId: e.guideId,
      details: e.details,
    });
    const summary = diffSummary(pick(before), pick(updated[0]!));
    await recordAudit(tx, ctx, {
      action: 'ledger.update',
      entityType: 'ledger_entry',
      entityId: id,
      unitId: before.unitId,
      jurisdictionPath: found.jurisdictionPath,
      before: summary.before,
      after: { ...summary.after, ...(attachments ? { attachments: attachments.length } : {}) },
    });
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return (await loadEntry(tx, id))!;
  });
}
