/**
 * Key-case supervision (督办): a city-level bureau above the competent one sets instructions and a deadline; the
 * handlers report back; the supervising bureau closes the supervision. Notified both ways.
 */
import { and, eq } from 'drizzle-orm';
import type { SupervisionInput, SupervisionUpdate } from '../../../shared/schemas/rights-cases';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsSupervisions } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { isCityOfficer, isSupervisorOf } from '../rights/rights-access';
import { appendEvent, officersOf } from '../rights/rights-events';
import { loadCase, requireOpenCase, requireVersion } from './case-access';
import { auditCase } from './case-audit';
import { getCase } from './get-case';

export async function superviseCase(db: Db, ctx: RequestContext, clueId: string, input: SupervisionInput) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = ctx.actor!;
  if (actor.role !== 'officer' || !isCityOfficer(actor) || !isSupervisorOf(actor, loaded.clue.jurisdictionPath))
    throw forbidden('重点案件由上级市级市场监管部门督办');
  requireOpenCase(loaded);
  if (input.dueOn < ctx.today)
    throw new AppError('validation_failed', '督办期限不能早于今天', {
      fields: [{ path: 'dueOn', message: '督办期限不能早于今天' }],
    });
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rightsSupervisions)
      .values({ clueId, supervisorJurisdictionCode: actor.jurisdictionCode!, ...input, createdById: actor.id })
      .returning({ id: rightsSupervisions.id });
    await appendEvent(tx, ctx, clueId, { kind: 'status_changed', comment: `列为重点督办案件，${input.dueOn} 前报告` });
    await notifyUsers(tx, loaded.handlerIds, {
      title: `案件 ${loaded.clue.clueNo} 被列为重点督办`,
      body: `${actor.displayName}督办：${input.instructions}（${input.dueOn} 前报告办理情况）`,
      link: `/rights-cases/${clueId}`,
    });
    await auditCase(tx, ctx, loaded.clue, 'rights_case.supervise', { supervisionId: row!.id, ...input });
  });
  return getCase(db, ctx, clueId);
}

export async function updateSupervision(
  db: Db,
  ctx: RequestContext,
  clueId: string,
  supervisionId: string,
  input: SupervisionUpdate,
) {
  const loaded = await loadCase(db, ctx, clueId);
  const actor = ctx.actor!;
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(rightsSupervisions)
      .where(and(eq(rightsSupervisions.id, supervisionId), eq(rightsSupervisions.clueId, clueId)))
      .for('update');
    if (!current) throw notFound('督办');
    if (input.action === 'report') {
      if (actor.role !== 'officer' || !loaded.handlerIds.includes(actor.id))
        throw forbidden('只有本案承办人可以报告办理情况');
    } else if (actor.role !== 'officer' || actor.jurisdictionCode !== current.supervisorJurisdictionCode) {
      throw forbidden('只有督办部门可以办结督办');
    }
    if (current.status === 'closed') throw new AppError('conflict', '督办已办结');
    requireVersion(current.version, input.version, '督办');
    const changes =
      input.action === 'report'
        ? { status: 'answered' as const, report: input.text, reportedOn: ctx.today }
        : { status: 'closed' as const, closedOn: ctx.today, report: current.report ?? input.text };
    await tx
      .update(rightsSupervisions)
      .set({ ...changes, version: current.version + 1, updatedAt: new Date() })
      .where(eq(rightsSupervisions.id, supervisionId));
    const recipients =
      input.action === 'report' ? await officersOf(tx, [current.supervisorJurisdictionCode]) : loaded.handlerIds;
    await notifyUsers(tx, recipients, {
      title:
        input.action === 'report'
          ? `督办案件 ${loaded.clue.clueNo} 报告办理情况`
          : `督办案件 ${loaded.clue.clueNo} 已办结`,
      body: input.text,
      link: `/rights-cases/${clueId}`,
    });
    await auditCase(tx, ctx, loaded.clue, 'rights_case.supervision_update', { supervisionId, action: input.action });
  });
  return getCase(db, ctx, clueId);
}
