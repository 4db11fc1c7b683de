/** A bureau over a contact firm logs a contact with it (date, way, content); a date after the business date is refused. */
import { ContactWay } from '../../../shared/enums-people';
import type { ContactLogInput } from '../../../shared/schemas/people';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { contactLogs } from '../../db/schema';
import { AppError, unauthenticated } from '../../errors';
import { notifyUsers, unitAccountIds } from '../notifications/notify';
import { findFirm, firmView, logsOf, requireFirm } from './contact-firm-queries';

export async function logContact(db: Db, ctx: RequestContext, firmId: string, input: ContactLogInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await requireFirm(db, actor, firmId);
  if (input.contactedOn > ctx.today) {
    throw new AppError('validation_failed', '联系日期不能晚于今天', {
      fields: [{ path: 'contactedOn', message: '联系日期不能晚于今天' }],
    });
  }
  if (!found.firm.active) throw new AppError('conflict', '该单位已不再是联系企业，不能记录联系');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactLogs)
      .values({ contactFirmId: firmId, ...input, recordedById: actor.id })
      .returning({ id: contactLogs.id });
    await recordAudit(tx, ctx, {
      action: 'contact_firm.log',
      entityType: 'contact_firm',
      entityId: firmId,
      unitId: found.firm.unitId,
      jurisdictionPath: found.unitPath,
      after: { logId: row!.id, ...input },
    });
    if (input.sharedWithFirm) {
      await notifyUsers(tx, await unitAccountIds(tx, [found.firm.unitId]), {
        title: '联络员记录了一次联系',
        body: `${input.contactedOn}（${ContactWay.labels[input.way]}）：${input.content.slice(0, 200)}`,
        link: '/my-unit',
      });
    }
  });
  return getContactFirmDetail(db, ctx, firmId);
}

/** The firm with its contact log, newest first. */
export async function getContactFirmDetail(db: Db, ctx: RequestContext, firmId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  await requireFirm(db, actor, firmId);
  const row = (await findFirm(db, firmId))!;
  return { ...firmView(row, ctx.today), contacts: await logsOf(db, firmId) };
}
