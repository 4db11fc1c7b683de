/**
 * The criminal route after the written report (the triage to `criminal`), per State Council Decree 310:
 * approve (by an officer other than the reporting handler, within 3 days of the report) → send (within 24 hours of
 * the approval) → the police's receipt → the police's decision (filed / not filed / returned). Each step in order,
 * version-guarded, audited, shown to the reporter.
 */
import { RightsPoliceDecision } from '../../../shared/enums-rights';
import type { RightsTransferStepInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, forbidden } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { reporterAccounts, updateClue } from './clue-update';
import { type ClueRow, loadClue, requireApprover, requireHandler } from './rights-access';
import { appendEvent } from './rights-events';

type Step = RightsTransferStepInput['step'];

/** The step that may come next, or null when the transfer is complete. */
export function nextTransferStep(clue: ClueRow): Step | null {
  if (clue.route !== 'criminal' || clue.status !== 'transferred_police') return null;
  if (!clue.transferApprovedAt) return 'approve';
  if (!clue.transferSentAt) return 'send';
  if (!clue.policeReceivedOn) return 'police_received';
  if (!clue.policeDecision) return 'police_decided';
  return null;
}

export async function recordTransferStep(db: Db, ctx: RequestContext, id: string, input: RightsTransferStepInput) {
  const loaded = await loadClue(db, ctx, id);
  const { clue } = loaded;
  if (input.step === 'approve') requireApprover(ctx, loaded, clue.decidedById);
  else requireHandler(ctx, loaded);
  const expected = nextTransferStep(clue);
  if (expected !== input.step)
    throw new AppError(
      'invalid_transition',
      expected ? '请按移送程序的顺序登记' : '该线索不在移送公安程序中或移送程序已完成',
      { details: { allowed: expected ? [expected] : [] } },
    );
  if (input.on && input.on > ctx.today) {
    const message = '日期不能晚于今天';
    throw new AppError('validation_failed', message, { fields: [{ path: 'on', message }] });
  }
  if (input.step === 'police_decided' && input.on! < clue.policeReceivedOn!) {
    const message = '决定日期不能早于接收日期';
    throw new AppError('validation_failed', message, { fields: [{ path: 'on', message }] });
  }
  if (!ctx.actor) throw forbidden();
  const now = new Date();
  const set =
    input.step === 'approve'
      ? { transferApprovedAt: now, transferApprovedOn: ctx.today, transferApprovedById: ctx.actor.id }
      : input.step === 'send'
        ? { transferSentAt: now }
        : input.step === 'police_received'
          ? { policeReceivedOn: input.on! }
          : {
              policeDecision: input.policeDecision!,
              policeDecisionOn: input.on!,
              policeDecisionNote: input.note ?? null,
            };
  const comment =
    input.step === 'approve'
      ? '负责人批准移送公安机关'
      : input.step === 'send'
        ? `已移送${clue.policeAgency ?? '公安机关'}`
        : input.step === 'police_received'
          ? `${clue.policeAgency ?? '公安机关'}于 ${input.on} 接收移送`
          : `${clue.policeAgency ?? '公安机关'}于 ${input.on} 作出决定：${RightsPoliceDecision.labels[input.policeDecision!]}`;
  const kind = (
    {
      approve: 'transfer_approved',
      send: 'transfer_sent',
      police_received: 'police_received',
      police_decided: 'police_decided',
    } as const
  )[input.step];
  const action = (
    {
      approve: 'rights.transfer_approve',
      send: 'rights.transfer_send',
      police_received: 'rights.police_receipt',
      police_decided: 'rights.police_decision',
    } as const
  )[input.step];
  return db.transaction(async (tx) => {
    const updated = await updateClue(tx, id, input.version, set);
    await appendEvent(tx, ctx, id, {
      kind,
      comment: input.note ? `${comment}（${input.note}）` : comment,
      reporterVisible: input.step !== 'approve',
    });
    await recordAudit(tx, ctx, {
      action,
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: clue.jurisdictionPath,
      after: { step: input.step, on: input.on ?? null, policeDecision: input.policeDecision ?? null },
    });
    if (input.step !== 'approve')
      await notifyUsers(tx, await reporterAccounts(tx, clue), {
        title: `维权申请 ${clue.clueNo} 有新进展`,
        body: comment,
        link: `/rights/mine/${id}`,
      });
    return { id, version: updated.version, next: nextTransferStep(updated) };
  });
}
