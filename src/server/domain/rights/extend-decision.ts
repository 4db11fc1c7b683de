/**
 * The decision clock may be extended once (rule decide_acceptance: by 15 working days) with approval: a handler asks
 * with a reason, an officer of the competent bureau or above other than the asker approves; the new deadline is
 * counted on the working-day calendar from the old one.
 */
import { and, desc, eq } from 'drizzle-orm';
import { periodEnd } from '../../../core/rights/clocks';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsClueEvents } from '../../db/schema';
import { AppError } from '../../errors';
import { loadWorkdayCalendar } from '../calendar/calendar-overrides';
import { notifyUsers } from '../notifications/notify';
import { updateClue } from './clue-update';
import { loadClue, requireApprover, requireHandler } from './rights-access';
import { ancestorCodes, appendEvent, officersOf } from './rights-events';
import { loadRightsRules } from './rights-rules';

const notOpen = () => new AppError('invalid_transition', '该线索已作出研判决定，无需延长研判期限');

export async function requestExtension(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { reason: string; version: number },
) {
  const loaded = await loadClue(db, ctx, id);
  requireHandler(ctx, loaded);
  const { clue } = loaded;
  if (clue.status !== 'received' && clue.status !== 'transferred_bureau') throw notOpen();
  const rule = (await loadRightsRules(db)).clocks.decide_acceptance;
  if (clue.extensionRequestedAt || clue.extensionDays / Math.max(rule.extensionPeriod, 1) >= rule.maxExtensions)
    throw new AppError('invalid_transition', `研判期限只能延长${rule.maxExtensions}次`);
  return db.transaction(async (tx) => {
    const updated = await updateClue(tx, id, input.version, {
      extensionRequestedAt: new Date(),
      extensionReason: input.reason,
    });
    await appendEvent(tx, ctx, id, { kind: 'extension_requested', comment: input.reason });
    await recordAudit(tx, ctx, {
      action: 'rights.extend_request',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: clue.jurisdictionPath,
      after: { reason: input.reason },
    });
    const approvers = (await officersOf(tx, [clue.jurisdictionCode, ...ancestorCodes(clue.jurisdictionPath)])).filter(
      (u) => u !== ctx.actor!.id,
    );
    await notifyUsers(tx, approvers, {
      title: `维权线索 ${clue.clueNo} 申请延长研判期限`,
      body: input.reason,
      link: `/rights/clues/${id}`,
    });
    return { id, version: updated.version, decisionDeadline: updated.decisionDeadline };
  });
}

export async function approveExtension(db: Db, ctx: RequestContext, id: string, input: { version: number }) {
  const loaded = await loadClue(db, ctx, id);
  const { clue } = loaded;
  // The asker is the handler who requested; approval must come from someone else.
  requireApprover(ctx, loaded, await lastRequester(db, id));
  if (!clue.extensionRequestedAt || clue.extensionApprovedById)
    throw new AppError('invalid_transition', '没有待审批的延期申请');
  if (clue.status !== 'received' && clue.status !== 'transferred_bureau') throw notOpen();
  const rule = (await loadRightsRules(db)).clocks.decide_acceptance;
  const isWorkday = await loadWorkdayCalendar(db);
  const deadline = periodEnd(
    { ...rule, period: rule.extensionPeriod, extensionPeriod: 0 },
    clue.decisionDeadline,
    isWorkday,
  );
  return db.transaction(async (tx) => {
    const updated = await updateClue(tx, id, input.version, {
      extensionApprovedById: ctx.actor!.id,
      extensionDays: clue.extensionDays + rule.extensionPeriod,
      decisionDeadline: deadline,
    });
    await appendEvent(tx, ctx, id, {
      kind: 'extension_approved',
      comment: `研判期限延长至 ${deadline}`,
      reporterVisible: true,
    });
    await recordAudit(tx, ctx, {
      action: 'rights.extend_approve',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: clue.jurisdictionPath,
      before: { decisionDeadline: clue.decisionDeadline },
      after: { decisionDeadline: deadline },
    });
    return { id, version: updated.version, decisionDeadline: deadline };
  });
}

async function lastRequester(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select({ actorId: rightsClueEvents.actorId })
    .from(rightsClueEvents)
    .where(and(eq(rightsClueEvents.clueId, id), eq(rightsClueEvents.kind, 'extension_requested')))
    .orderBy(desc(rightsClueEvents.id))
    .limit(1);
  return row?.actorId ?? null;
}
