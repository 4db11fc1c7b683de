/**
 * Anyone — logged in or not — objects to an application on an open notice (startsOn ≤ business date ≤ endsOn),
 * giving a name and a way to be reached, and the reasons. Attachments must already be stored (uploading needs an
 * account); an anonymous objector states the evidence in the reasons. Audited in the same transaction, without an
 * actor for the public (the IP is kept); the audit entry holds no contact data.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { chineseDate } from '../../../core/applications/guards';
import type { ObjectionCreateInput } from '../../../shared/schemas/publicity';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { applications, attachments, jurisdictions, objections, publicityEntries, units, users } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { findNotice, noticeState, noticeVisible, objectionsAccepted } from './publicity-queries';

export async function fileObjection(
  db: Db,
  ctx: RequestContext,
  noticeId: string,
  input: ObjectionCreateInput,
  today: string,
): Promise<{ id: string }> {
  const found = await findNotice(db, noticeId);
  if (!found || !noticeVisible(ctx.actor, found.notice, found.ownerPath, today)) throw notFound('公示');
  const { notice } = found;
  const state = noticeState(notice, today);
  if (state !== 'open') {
    const message =
      state === 'upcoming'
        ? `公示尚未开始，${chineseDate(notice.startsOn)}起可以提出异议`
        : `公示期已于${chineseDate(notice.endsOn)}届满，不再受理异议`;
    throw new AppError('invalid_transition', message, { details: { reason: `notice_${state}` } });
  }
  if (!objectionsAccepted(found.programme)) {
    throw new AppError('invalid_transition', '本公示不受理异议', { details: { reason: 'objections_not_accepted' } });
  }
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
  if (refs.length > 0) {
    const hashes = [...new Set(refs.map((a) => a.sha256))];
    const stored = await db
      .select({ sha256: attachments.sha256 })
      .from(attachments)
      .where(inArray(attachments.sha256, hashes));
    if (stored.length !== hashes.length) {
      const message = '有附件尚未上传或已不存在，请重新上传';
      throw new AppError('validation_failed', message, { fields: [{ path: 'attachments', message }] });
    }
  }
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(objections)
      .values({
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
    return { id: row!.id };
  });
}
