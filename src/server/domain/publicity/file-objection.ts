/**
 * Anyone — logged in or not — objects to an application on an open notice (startsOn ≤ business date ≤ endsOn),
 * giving a name and a way to be reached, the reasons and attachments — uploaded beforehand through this notice's
 * public upload (store-objection-attachment.ts), logged in or not; no other file may be cited. Audited in the same transaction, without an
 * actor for the public (the IP is kept); the audit entry holds no contact data.
 */
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { newReceiptCode } from '../../../core/applications/receipt-code';
import type { ObjectionCreateInput } from '../../../shared/schemas/publicity';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { applications, jurisdictions, objections, publicityEntries, units, users } from '../../db/schema';
import { AppError } from '../../errors';
import { filesAt, noticeHolder, requireCitable } from '../attachments/attachment-holders';
import { notifyUsers } from '../notifications/notify';
import { findNoticeOpenForObjections } from './publicity-queries';

export async function fileObjection(
  db: Db,
  ctx: RequestContext,
  noticeId: string,
  input: ObjectionCreateInput,
  today: string,
): Promise<{ id: string; receiptCode: string }> {
  const found = await findNoticeOpenForObjections(db, ctx.actor, noticeId, today);
  const { notice } = found;
  const [entry] = await db
    .select({ unitId: applications.unitId, unitName: units.name, path: jurisdictions.path })
    .from(publicityEntries)
    .innerJoin(applications, eq(applications.id, publicityEntries.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(eq(publicityEntries.noticeId, noticeId), eq(publicityEntries.applicationId, input.applicationId)));
  if (!entry) {
    const message = '所异议的单位不在本公示名单中';
    throw new AppError('validation_failed', message, { fields: [{ path: 'applicationId', message }] });
  }
  const refs = input.attachments ?? [];
  // Only files uploaded through this notice's objection upload.
  await requireCitable(db, filesAt(refs, 'attachments'), { holder: noticeHolder(noticeId) });
  return db.transaction(async (tx) => {
    const receiptCode = await unusedReceiptCode(tx);
    const [row] = await tx
      .insert(objections)
      .values({
        receiptCode,
        noticeId,
        applicationId: input.applicationId,
        name: input.name,
        contact: input.contact,
        reasons: input.reasons,
        attachments: refs,
      })
      .returning({ id: objections.id });
    await recordAudit(tx, ctx, {
      action: 'objection.file',
      entityType: 'objection',
      entityId: row!.id,
      unitId: entry.unitId,
      jurisdictionPath: entry.path,
      after: { noticeId, applicationId: input.applicationId, attachments: refs.length, anonymous: !ctx.actor },
    });
    // The owning bureau's officers must check it before anyone can approve.
    const officers = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'officer'), eq(users.jurisdictionCode, found.ownerCode), eq(users.disabled, false)));
    await notifyUsers(
      tx,
      officers.map((o) => o.id),
      {
        title: `公示异议：${entry.unitName}`,
        body: `“${notice.title}”收到一件异议，请核查处理；处理完毕前不能批准。`,
        link: '/publicity-admin',
      },
    );
    return { id: row!.id, receiptCode };
  });
}

/** A receipt code no objection has (a repeat among 31^10 codes is all but impossible, but never a 500). */
async function unusedReceiptCode(tx: Executor): Promise<string> {
  for (;;) {
    const code = newReceiptCode(randomInt);
    const [taken] = await tx
      .select({ id: objections.id })
      .from(objections)
      .where(eq(objections.receiptCode, code))
      .limit(1);
    if (!taken) return code;
  }
}
