/**
 * What a caller sees of a clue, by access level (rights-access.ts): metadata (exists, status, dates, clocks),
 * the reporter's view (+ what they reported, reasons, visible history, messages) or the handler's (+ parties'
 * details, handlers, internal notes, full history, duplicates, evidence, the criminal proposal).
 */
import { asc, eq, inArray, or } from 'drizzle-orm';
import { clueClocks } from '../../../core/rights/clocks';
import { duplicateDecisions } from '../../../core/rights/duplicates';
import type { Executor } from '../../db/client';
import {
  jurisdictions,
  rightsCentres,
  rightsClueEvents,
  rightsClueEvidence,
  rightsClueMessages,
  rightsClueNotes,
  rightsClueParties,
  rightsClues,
  rightsDuplicates,
  units,
  users,
} from '../../db/schema';
import { loadWorkdayCalendar } from '../calendar/calendar-overrides';
import type { ClueAccess, ClueRow } from './rights-access';
import { criminalProposal, loadRightsRules, type RightsRules } from './rights-rules';

export type ViewAccess = Exclude<ClueAccess, 'none'> | 'public';

export async function clockContext(db: Executor) {
  return { rules: await loadRightsRules(db), isWorkday: await loadWorkdayCalendar(db) };
}

export function clocksOf(clue: ClueRow, ctx: Awaited<ReturnType<typeof clockContext>>, today: string) {
  return clueClocks(clue, ctx.rules.clocks, ctx.isWorkday, today, new Date());
}

async function jurisdictionName(db: Executor, code: string | null) {
  if (!code) return null;
  const [j] = await db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.code, code));
  return j?.name ?? null;
}

export async function metadataView(
  db: Executor,
  clue: ClueRow,
  today: string,
  cc?: Awaited<ReturnType<typeof clockContext>>,
) {
  const clocks = clocksOf(clue, cc ?? (await clockContext(db)), today);
  return {
    id: clue.id,
    clueNo: clue.clueNo,
    jurisdictionCode: clue.jurisdictionCode,
    jurisdictionName: (await jurisdictionName(db, clue.jurisdictionCode)) ?? clue.jurisdictionCode,
    source: clue.source,
    status: clue.status,
    route: clue.route,
    urgency: clue.urgency,
    receivedOn: clue.receivedOn,
    decisionDeadline: clue.decisionDeadline,
    decidedOn: clue.decidedOn,
    openedOn: clue.openedOn,
    closedOn: clue.closedOn,
    overdue: clocks.some((c) => c.overdue && c.metOn === null),
    clocks,
    version: clue.version,
  };
}

export async function clueView(
  db: Executor,
  clue: ClueRow,
  access: ViewAccess,
  today: string,
  handlerIds: readonly string[] = [],
) {
  const cc = await clockContext(db);
  const meta = await metadataView(db, clue, today, cc);
  if (access === 'metadata') return { ...meta, access, content: null, internal: null };
  const parties = await db
    .select()
    .from(rightsClueParties)
    .where(eq(rightsClueParties.clueId, clue.id))
    .orderBy(asc(rightsClueParties.position));
  const evidence = await db.select().from(rightsClueEvidence).where(eq(rightsClueEvidence.clueId, clue.id));
  const officer = access === 'content';
  const events = await db
    .select()
    .from(rightsClueEvents)
    .where(eq(rightsClueEvents.clueId, clue.id))
    .orderBy(asc(rightsClueEvents.id));
  const messages = await db
    .select()
    .from(rightsClueMessages)
    .where(eq(rightsClueMessages.clueId, clue.id))
    .orderBy(asc(rightsClueMessages.id));
  const [centre] = clue.centreId
    ? await db.select({ name: rightsCentres.name }).from(rightsCentres).where(eq(rightsCentres.id, clue.centreId))
    : [];
  const [reporterUnit] = clue.reporterUnitId
    ? await db.select({ name: units.name }).from(units).where(eq(units.id, clue.reporterUnitId))
    : [];
  const content = {
    centreName: centre?.name ?? null,
    reporterUnitName: reporterUnit?.name ?? null,
    referralOrigin: clue.referralOrigin,
    referralOrgan: clue.referralOrgan,
    referralDocument: clue.referralDocument,
    holderName: clue.holderName,
    holderCreditCode: clue.holderCreditCode,
    holderRegistered: clue.holderUnitId !== null,
    infringers: parties.map((p) => ({ kind: p.kind, name: p.name, creditCode: p.creditCode, relation: p.relation })),
    secretKinds: clue.secretKinds,
    secretDescription: clue.secretDescription,
    leakChannels: clue.leakChannels,
    leakDescription: clue.leakDescription,
    protectionMeasures: clue.protectionMeasures,
    protectionDescription: clue.protectionDescription,
    facts: clue.facts,
    estimatedLossYuan: clue.estimatedLossYuan,
    illicitGainYuan: clue.illicitGainYuan,
    requestedRoute: clue.requestedRoute,
    contact: clue.reporterContact,
    attachments: clue.attachments.map((a) => ({ sha256: a.sha256, fileName: a.fileName })),
    evidence: evidence
      .map((e) => e.verification as Record<string, unknown>)
      .map((v) => ({
        certificateNo: String(v.certificateNo ?? ''),
        label: String(v.label ?? ''),
        digest: String(v.digest ?? ''),
        sealedAt: String(v.sealedAt ?? ''),
      })),
    decisionReason: clue.decisionReason,
    civilGuidance: clue.civilGuidance,
    policeAgency: clue.policeAgency,
    transferSentAt: clue.transferSentAt,
    policeReceivedOn: clue.policeReceivedOn,
    policeDecision: clue.policeDecision,
    policeDecisionOn: clue.policeDecisionOn,
    extensionDays: clue.extensionDays,
    history: events
      .filter((e) => officer || e.reporterVisible)
      .map((e) => ({
        kind: e.kind,
        toStatus: e.toStatus,
        comment: e.comment,
        actorName: officer ? e.actorName : null,
        businessDate: e.businessDate,
        at: e.at,
      })),
    messages: messages.map((m) => ({
      author: m.author,
      authorName: m.author === 'handler' && !officer ? '承办人' : m.authorName,
      body: m.body,
      attachments: m.attachments.map((a) => ({ sha256: a.sha256, fileName: a.fileName })),
      at: m.at,
    })),
  };
  if (!officer) return { ...meta, access, content, internal: null };
  return { ...meta, access, content, internal: await internalView(db, clue, cc.rules, handlerIds) };
}

async function internalView(db: Executor, clue: ClueRow, rules: RightsRules, handlerIds: readonly string[]) {
  const handlers =
    handlerIds.length > 0
      ? await db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, [...handlerIds]))
      : [];
  const notes = await db
    .select()
    .from(rightsClueNotes)
    .where(eq(rightsClueNotes.clueId, clue.id))
    .orderBy(asc(rightsClueNotes.id));
  const dups = await db
    .select()
    .from(rightsDuplicates)
    .where(or(eq(rightsDuplicates.clueId, clue.id), eq(rightsDuplicates.otherClueId, clue.id)));
  const otherIds = dups.map((d) => (d.clueId === clue.id ? d.otherClueId : d.clueId));
  const others =
    otherIds.length > 0
      ? await db
          .select({
            id: rightsClues.id,
            clueNo: rightsClues.clueNo,
            status: rightsClues.status,
            jurisdictionName: jurisdictions.name,
          })
          .from(rightsClues)
          .innerJoin(jurisdictions, eq(jurisdictions.code, rightsClues.jurisdictionCode))
          .where(inArray(rightsClues.id, otherIds))
      : [];
  const byId = new Map(others.map((o) => [o.id, o]));
  return {
    handlers,
    recordedById: clue.recordedById,
    proposal: criminalProposal(clue, rules.threshold),
    extensionRequested: clue.extensionRequestedAt !== null && clue.extensionApprovedById === null,
    extensionReason: clue.extensionReason,
    transferReportedAt: clue.transferReportedAt,
    transferApprovedAt: clue.transferApprovedAt,
    policeDecisionNote: clue.policeDecisionNote,
    designationDocument: clue.designationDocument,
    transferredFromName: await jurisdictionName(db, clue.transferredFromCode),
    mergedIntoId: clue.mergedIntoId,
    notes: notes.map((n) => ({ authorName: n.authorName, body: n.body, at: n.at })),
    duplicates: dups.map((d) => {
      const otherId = d.clueId === clue.id ? d.otherClueId : d.clueId;
      const other = byId.get(otherId);
      return {
        id: d.id,
        otherClueId: otherId,
        otherClueNo: other?.clueNo ?? '',
        otherStatus: other?.status ?? 'received',
        otherJurisdictionName: other?.jurisdictionName ?? '',
        match: d.match,
        matchValue: d.matchValue,
        status: d.status,
        version: d.version,
        // The flag's clueId is the newer clue, the one a merge would end.
        decisions:
          d.status === 'open'
            ? d.clueId === clue.id
              ? duplicateDecisions(clue.status, other?.status ?? 'received')
              : duplicateDecisions(other?.status ?? 'received', clue.status)
            : [],
      };
    }),
  };
}
