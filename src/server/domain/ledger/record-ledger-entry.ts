import type { LedgerEntryInput } from '../../../shared/schemas/ledger';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { ledgerAttachments, ledgerEntries } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { can } from '../../policies';
import { findUnitWithPath } from '../units/unit-queries';
import { checkAttachmentsCitable, resolveGuide } from './ledger-guards';
import { loadEntry } from './ledger-queries';

/** Records a dated ledger entry for a unit: by the unit itself, or by officers over it (guides included). */
export async function recordLedgerEntry(db: Executor, ctx: RequestContext, input: LedgerEntryInput) {
  if (!ctx.actor) throw unauthenticated();
  const unit = await findUnitWithPath(db, input.unitId);
  if (
    !unit ||
    !can(ctx.actor, 'ledger.write', { type: 'unit', id: input.unitId, jurisdictionPath: unit.jurisdictionPath })
  ) {
    throw notFound('单位');
  }
  const guideId = await resolveGuide(
    db,
    ctx.actor,
    { id: input.unitId, jurisdictionPath: unit.jurisdictionPath },
    input.kind,
    input.guideId,
  );
  await checkAttachmentsCitable(db, ctx.actor, input.attachments);
  const { attachments = [], details = {}, ...fields } = input;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ledgerEntries)
      .values({ ...fields, guideId, details, recordedById: ctx.actor!.id })
      .returning({ id: ledgerEntries.id });
    if (attachments.length > 0)
      await tx.insert(ledgerAttachments).values(attachments.map((a) => ({ ...a, entryId: row!.id })));
    await recordAudit(tx, ctx, {
      action: 'ledger.create',
      entityType: 'ledger_entry',
      entityId: row!.id,
      unitId: input.unitId,
      jurisdictionPath: unit.jurisdictionPath,
      after: { ...fields, guideId, attachments: attachments.length },
    });
    return row!.id;
  });
  return (await loadEntry(db, id))!;
}
