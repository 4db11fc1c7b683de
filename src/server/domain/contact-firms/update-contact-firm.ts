/** A bureau over the firm changes its liaison officer, contact person, interval or ends the designation (version). */
import { and, eq, sql } from 'drizzle-orm';
import type { ContactFirmPatch } from '../../../shared/schemas/people';
import { diffSummary, recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { contactFirms } from '../../db/schema';
import { AppError, unauthenticated } from '../../errors';
import { checkLiaison, findFirm, firmView, requireFirm } from './contact-firm-queries';

export async function updateContactFirm(db: Db, ctx: RequestContext, id: string, patch: ContactFirmPatch) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await requireFirm(db, actor, id);
  if (patch.liaisonOfficerId && patch.liaisonOfficerId !== found.firm.liaisonOfficerId) {
    await checkLiaison(db, actor, patch.liaisonOfficerId, found.unitPath);
  }
  const { version, ...fields } = patch;
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(contactFirms)
      .set({ ...changes, version: sql`${contactFirms.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contactFirms.id, id), eq(contactFirms.version, version)))
      .returning({ id: contactFirms.id });
    if (updated.length === 0) throw new AppError('conflict', '该联系企业信息已被他人修改，请刷新后重试');
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, (found.firm as Record<string, unknown>)[k] ?? null]),
    );
    const diff = diffSummary(before, changes);
    await recordAudit(tx, ctx, {
      action: 'contact_firm.update',
      entityType: 'contact_firm',
      entityId: id,
      unitId: found.firm.unitId,
      jurisdictionPath: found.unitPath,
      before: diff.before,
      after: diff.after,
    });
    return firmView((await findFirm(tx, id))!, ctx.today);
  });
}
