/**
 * Triage (研判) by a handler of the competent bureau: administrative (立案 — the clue becomes the case), criminal
 * (the written transfer report; approval, sending and the police's steps follow in record-transfer-step.ts), civil
 * (guidance to court or mediation), not accepted (the reason is shown to the reporter) or transferred to another
 * bureau (the receiving bureau triages anew; the city designates jurisdiction where bureaus conflict — a supervising
 * bureau may transfer too, within its subtree, citing its designation). Version-guarded: of two concurrent triages
 * one wins, the other gets 409. The criminal proposal is returned for the record; the officer decides.
 */
import { eq } from 'drizzle-orm';
import { periodEnd } from '../../../core/rights/clocks';
import { RightsCivilGuidance, type RightsStatus, RightsTriageDecision } from '../../../shared/enums-rights';
import type { RightsTriageInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { jurisdictions, rightsClueHandlers } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { inSubtree } from '../../policies';
import { loadWorkdayCalendar } from '../calendar/calendar-overrides';
import { notifyUsers } from '../notifications/notify';
import { reporterAccounts, updateClue } from './clue-update';
import { isSupervisorOf, loadClue } from './rights-access';
import { appendEvent, officersOf } from './rights-events';
import { criminalProposal, loadRightsRules } from './rights-rules';

const TRIAGEABLE: readonly RightsStatus[] = ['received', 'transferred_bureau'];

const STATUS_OF: Record<RightsTriageInput['decision'], RightsStatus> = {
  administrative: 'accepted',
  criminal: 'transferred_police',
  civil: 'civil_guided',
  not_accepted: 'not_accepted',
  transfer_bureau: 'transferred_bureau',
};

export async function triageClue(db: Db, ctx: RequestContext, id: string, input: RightsTriageInput) {
  const loaded = await loadClue(db, ctx, id);
  const { clue } = loaded;
  const actor = ctx.actor!;
  const handler = actor.role === 'officer' && loaded.handlerIds.includes(actor.id);
  const supervisorTransfer = input.decision === 'transfer_bureau' && isSupervisorOf(actor, clue.jurisdictionPath);
  if (!handler && !supervisorTransfer) throw forbidden('只有本线索的承办人可以研判（上级部门可指定管辖）');
  if (!TRIAGEABLE.includes(clue.status))
    throw new AppError('invalid_transition', '该线索已作出研判决定', { details: { allowed: [] } });
  const rules = await loadRightsRules(db);
  const proposal = criminalProposal(clue, rules.threshold);
  const isWorkday = await loadWorkdayCalendar(db);
  const today = ctx.today;
  const status = STATUS_OF[input.decision];
  let set: Parameters<typeof updateClue>[3] = {
    status,
    decidedOn: today,
    decidedById: actor.id,
    decisionReason: input.reason ?? null,
  };
  let target: typeof jurisdictions.$inferSelect | undefined;
  switch (input.decision) {
    case 'administrative':
      set = {
        ...set,
        route: 'administrative',
        openedOn: today,
        caseDeadline: periodEnd(rules.clocks.close_case, today, isWorkday),
      };
      break;
    case 'criminal':
      set = { ...set, route: 'criminal', transferReportedAt: new Date(), policeAgency: input.policeAgency ?? null };
      break;
    case 'civil':
      set = { ...set, route: 'civil', civilGuidance: input.civilGuidance ?? null };
      break;
    case 'not_accepted':
      break;
    case 'transfer_bureau': {
      [target] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, input.transferToCode!));
      const bad = (message: string) =>
        new AppError('validation_failed', message, { fields: [{ path: 'transferToCode', message }] });
      if (!target) throw bad('管辖部门不存在');
      if (target.code === clue.jurisdictionCode) throw bad('不能移交给本部门');
      if (!handler && !inSubtree(actor, target.path)) throw bad('只能指定本辖区内的部门管辖');
      // The receiving bureau triages anew, on a new clock from today.
      set = {
        ...set,
        decidedOn: null,
        decidedById: null,
        jurisdictionCode: target.code,
        jurisdictionPath: target.path,
        transferredFromCode: clue.jurisdictionCode,
        designationDocument: input.designationDocument ?? null,
        decisionDeadline: periodEnd(rules.clocks.decide_acceptance, today, isWorkday),
        extensionRequestedAt: null,
        extensionReason: null,
        extensionApprovedById: null,
        extensionDays: 0,
      };
      break;
    }
  }
  return db.transaction(async (tx) => {
    const updated = await updateClue(tx, id, input.version, set);
    if (target) await tx.delete(rightsClueHandlers).where(eq(rightsClueHandlers.clueId, id));
    const label = RightsTriageDecision.labels[input.decision];
    const guidance = input.civilGuidance ? `（${RightsCivilGuidance.labels[input.civilGuidance]}）` : '';
    const shown = [
      `研判结论：${label}${guidance}`,
      target ? `移交 ${target.name} 办理` : null,
      input.reason ? `理由：${input.reason}` : null,
    ]
      .filter(Boolean)
      .join('；');
    await appendEvent(tx, ctx, id, {
      kind: 'triaged',
      fromStatus: clue.status,
      toStatus: status,
      comment: shown,
      data: { decision: input.decision, proposal, designationDocument: input.designationDocument ?? null },
      reporterVisible: true,
    });
    await recordAudit(tx, ctx, {
      action: 'rights.triage',
      entityType: 'rights_clue',
      entityId: id,
      jurisdictionPath: clue.jurisdictionPath,
      unitId: clue.reporterUnitId,
      before: { status: clue.status, jurisdictionCode: clue.jurisdictionCode },
      after: {
        status,
        decision: input.decision,
        proposed: proposal.proposed,
        jurisdictionCode: updated.jurisdictionCode,
      },
    });
    await notifyUsers(tx, await reporterAccounts(tx, clue), {
      title: `维权申请 ${clue.clueNo} 已有研判结论`,
      body: shown,
      link: `/rights/mine/${id}`,
    });
    if (target)
      await notifyUsers(tx, await officersOf(tx, [target.code]), {
        title: `移交的维权线索 ${clue.clueNo}`,
        body: '请指定承办人并在期限内研判。',
        link: `/rights/clues/${id}`,
      });
    return { id, status, version: updated.version, proposal };
  });
}
