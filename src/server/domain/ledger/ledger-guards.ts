import { and, eq, inArray } from 'drizzle-orm';
import type { LedgerKind } from '../../../shared/enums';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { attachments, guideAssignments } from '../../db/schema';
import { AppError } from '../../errors';

/**
 * A guidance visit is made by one of the unit's assigned guides. When an assigned guide records it, the guide
 * defaults to that officer.
 */
export async function resolveGuide(
  db: Executor,
  actor: Actor,
  unitId: string,
  kind: LedgerKind,
  guideId: string | null | undefined,
): Promise<string | null> {
  if (kind !== 'guidance_visit') return guideId ?? null;
  const assigned = await db
    .select({ guideId: guideAssignments.guideId })
    .from(guideAssignments)
    .where(eq(guideAssignments.unitId, unitId));
  const ids = new Set(assigned.map((a) => a.guideId));
  const chosen = guideId ?? (ids.has(actor.id) ? actor.id : null);
  if (!chosen || !ids.has(chosen)) {
    const message =
      ids.size === 0 ? '该单位尚未指派指导员，无法登记业务指导' : '业务指导须由该单位的指导员开展，请选择指导员';
    throw new AppError('validation_failed', message, { fields: [{ path: 'guideId', message }] });
  }
  return chosen;
}

/** Every referenced attachment must have been uploaded. */
export async function checkAttachmentsExist(db: Executor, refs: { sha256: string }[] | undefined): Promise<void> {
  if (!refs || refs.length === 0) return;
  const wanted = [...new Set(refs.map((r) => r.sha256))];
  const found = await db
    .select({ sha256: attachments.sha256 })
    .from(attachments)
    .where(and(inArray(attachments.sha256, wanted)));
  if (found.length !== wanted.length) {
    throw new AppError('validation_failed', '附件不存在，请重新上传', {
      fields: [{ path: 'attachments', message: '附件不存在，请重新上传' }],
    });
  }
}
