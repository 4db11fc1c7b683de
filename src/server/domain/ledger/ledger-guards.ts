import { eq } from 'drizzle-orm';
import type { LedgerKind } from '../../../shared/enums';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { guideAssignments, ledgerAttachments } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { can } from '../../policies';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';

/**
 * A guidance visit is the bureau's record of its guide's work and counts towards rubric gates ("业务指导每年不少于2次"),
 * so only officers over the unit (or admins) record or edit one, naming one of the unit's assigned guides; when an
 * assigned guide records it, the guide defaults to that officer. Other kinds carry no guide.
 * `previous` is the entry before an edit: a unit may not turn a guidance visit into something else either, and a
 * visit keeps its guide even if that guide has been reassigned since.
 */
export async function resolveGuide(
  db: Executor,
  actor: Actor,
  unit: { id: string; jurisdictionPath: string },
  kind: LedgerKind,
  guideId: string | null | undefined,
  previous?: { kind: LedgerKind; guideId: string | null },
): Promise<string | null> {
  const touchesGuidance = kind === 'guidance_visit' || previous?.kind === 'guidance_visit';
  if (touchesGuidance && !can(actor, 'ledger.record_guidance', { type: 'unit', ...unit })) {
    throw forbidden('业务指导记录由监管部门的指导员登记，申报单位不能登记或修改');
  }
  if (kind !== 'guidance_visit') return null;
  if (previous?.kind === 'guidance_visit' && previous.guideId && (guideId ?? previous.guideId) === previous.guideId) {
    return previous.guideId;
  }
  const assigned = await db
    .select({ guideId: guideAssignments.guideId })
    .from(guideAssignments)
    .where(eq(guideAssignments.unitId, unit.id));
  const ids = new Set(assigned.map((a) => a.guideId));
  const chosen = guideId ?? (ids.has(actor.id) ? actor.id : null);
  if (!chosen || !ids.has(chosen)) {
    const message =
      ids.size === 0 ? '该单位尚未指派指导员，无法登记业务指导' : '业务指导须由该单位的指导员开展，请选择指导员';
    throw new AppError('validation_failed', message, { fields: [{ path: 'guideId', message }] });
  }
  return chosen;
}

/** Attachments of a ledger entry: uploaded by the one recording it, or already on the entry being edited. */
export async function checkAttachmentsCitable(
  db: Executor,
  actor: Actor,
  refs: { sha256: string }[] | undefined,
  entryId?: string,
): Promise<void> {
  if (!refs || refs.length === 0) return;
  const onRecord = entryId
    ? await db
        .select({ sha256: ledgerAttachments.sha256 })
        .from(ledgerAttachments)
        .where(eq(ledgerAttachments.entryId, entryId))
    : [];
  await requireCitable(db, filesAt(refs, 'attachments'), {
    holder: uploadHolder(actor),
    onRecord: filesAt(onRecord, 'attachments'),
  });
}
