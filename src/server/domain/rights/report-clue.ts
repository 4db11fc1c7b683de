/**
 * Intake (维权受理) from the four sources — one door:
 * - an applicant reports for its own unit (source `unit`); a unit in a rights centre's zone is routed by the centre;
 * - an officer records an inspection clue or a referral in (the recorder becomes its handler when it belongs to the
 *   competent bureau);
 * - an officer of a rights centre records a firm's request on its behalf (source `unit`, `reporterUnitId`);
 * - the public reports anonymously (report-public-clue.ts) with a receipt code and a secret.
 * One transaction: the clue, its parties, its verified evidence links, the first event, the audit entry, the
 * duplicate flags and the notifications.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { newReceiptCode } from '../../../core/applications/receipt-code';
import { periodEnd } from '../../../core/rights/clocks';
import { normaliseName } from '../../../core/rights/names';
import type { RightsSource } from '../../../shared/enums-rights';
import type { RightsClueCreateInput, RightsPublicReportInput } from '../../../shared/schemas/rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import {
  jurisdictions,
  rightsCentres,
  rightsClueEvidence,
  rightsClueHandlers,
  rightsClueParties,
  rightsClues,
  units,
} from '../../db/schema';
import { AppError, type FieldError, forbidden, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { loadWorkdayCalendar } from '../calendar/calendar-overrides';
import { certificateNumber, coveringCheckpoint, findSubmission } from '../evidence/evidence-queries';
import { notifyUsers } from '../notifications/notify';
import { flagDuplicates } from './find-duplicates';
import { appendEvent, officersOf } from './rights-events';
import { loadRightsRules } from './rights-rules';

type Content = Omit<RightsPublicReportInput, 'jurisdictionCode' | 'secret' | 'uploadKey'> & {
  uploadKey?: string | null;
};

interface ClueSpec {
  source: RightsSource;
  competentCode: string;
  centreId: string | null;
  reporterUnitId: string | null;
  referral?: Pick<RightsClueCreateInput, 'referralOrigin' | 'referralOrgan' | 'referralDocument'>;
  content: Content;
  evidenceIds: string[];
  /** Public reports: the secret to follow with. */
  secret?: string;
  /** Assign the recording officer as handler. */
  assignRecorder: boolean;
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

/** The salted hash a public reporter's secret is stored as (the receipt code is the salt). */
export function secretHashOf(receiptCode: string, secret: string): string {
  return createHash('sha256').update(`shangmi-rights:${receiptCode}:${secret}`).digest('hex');
}

/** Where a report to `code` goes: a rights centre's zone routes to the centre's bureau. */
async function route(db: Executor, code: string, path: string) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!j) throw invalid(path, '管辖部门不存在');
  const [centre] = await db
    .select()
    .from(rightsCentres)
    .where(and(eq(rightsCentres.jurisdictionCode, code), eq(rightsCentres.active, true)));
  return centre ? { competentCode: centre.routesToCode, centreId: centre.id } : { competentCode: code, centreId: null };
}

export async function reportClue(db: Db, ctx: RequestContext, input: RightsClueCreateInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role === 'applicant') {
    if (input.source !== 'unit') throw invalid('source', '单位只能登记本单位的维权申请');
    if (!actor.unitId) throw forbidden('账号未关联单位');
    if (input.reporterUnitId && input.reporterUnitId !== actor.unitId)
      throw invalid('reporterUnitId', '只能为本单位申请维权');
    const [unit] = await db.select().from(units).where(eq(units.id, actor.unitId));
    if (!unit) throw forbidden('账号未关联单位');
    const routed = await route(db, unit.jurisdictionCode, 'jurisdictionCode');
    return createClue(db, ctx, {
      source: 'unit',
      ...routed,
      reporterUnitId: actor.unitId,
      content: input,
      evidenceIds: input.evidenceIds,
      assignRecorder: false,
    });
  }
  if (actor.role !== 'officer' || !actor.jurisdictionCode) throw forbidden('只有申报单位和监管部门可以登记维权线索');
  if (input.evidenceIds.length > 0 && input.source !== 'unit')
    throw invalid('evidenceIds', '只有权利人单位的申请可以关联存证证书');
  if (input.source === 'unit') {
    // A rights centre records a firm's request on its behalf.
    const [centre] = await db
      .select()
      .from(rightsCentres)
      .where(and(eq(rightsCentres.jurisdictionCode, actor.jurisdictionCode), eq(rightsCentres.active, true)));
    if (!centre) throw invalid('source', '只有维权中心可以代企业登记维权申请');
    if (!input.reporterUnitId) throw invalid('reporterUnitId', '请选择申请维权的单位');
    const competentCode = input.jurisdictionCode ?? centre.routesToCode;
    await jurisdictionOrFail(db, competentCode);
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, input.reporterUnitId));
    if (!unit) throw invalid('reporterUnitId', '申请维权的单位不存在');
    return createClue(db, ctx, {
      source: 'unit',
      competentCode,
      centreId: centre.id,
      reporterUnitId: input.reporterUnitId,
      content: input,
      evidenceIds: input.evidenceIds,
      assignRecorder: false,
    });
  }
  const competentCode = input.jurisdictionCode ?? actor.jurisdictionCode;
  const j = await jurisdictionOrFail(db, competentCode);
  if (!inSubtree(actor, j.path)) throw invalid('jurisdictionCode', '只能登记本部门或下级部门管辖的线索');
  return createClue(db, ctx, {
    source: input.source,
    competentCode,
    centreId: null,
    reporterUnitId: null,
    referral: input,
    content: input,
    evidenceIds: [],
    assignRecorder: competentCode === actor.jurisdictionCode,
  });
}

/** The public's anonymous report: answers the receipt code (the secret stays with the reporter). */
export async function reportPublicClue(db: Db, ctx: RequestContext, input: RightsPublicReportInput) {
  const routed = await route(db, input.jurisdictionCode, 'jurisdictionCode');
  return createClue(db, ctx, {
    source: 'public',
    ...routed,
    reporterUnitId: null,
    content: input,
    evidenceIds: [],
    secret: input.secret,
    assignRecorder: false,
  });
}

/**
 * Who uploaded a public reporter's files: the one report whose page drew `uploadKey` (hashed, so the table does not
 * hold the key itself). Keyed per report, not per address: visitors behind one NAT cannot cite each other's files.
 */
export function publicHolder(uploadKey: string | null | undefined): string {
  return `rights-public:${uploadKey ? createHash('sha256').update(uploadKey).digest('hex') : 'none'}`;
}

async function jurisdictionOrFail(db: Executor, code: string) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, code));
  if (!j) throw invalid('jurisdictionCode', '管辖部门不存在');
  return j;
}

async function createClue(db: Db, ctx: RequestContext, spec: ClueSpec) {
  const { content } = spec;
  const competent = await jurisdictionOrFail(db, spec.competentCode);
  // The holder: a registered unit gives its registered name and code.
  let holder = {
    unitId: null as string | null,
    name: content.holder.name,
    creditCode: content.holder.creditCode || null,
  };
  let industryCode: string | null = null;
  if (content.holder.unitId) {
    const [unit] = await db.select().from(units).where(eq(units.id, content.holder.unitId));
    if (!unit) throw invalid('holder.unitId', '权利人单位不存在');
    holder = { unitId: unit.id, name: unit.name, creditCode: unit.creditCode };
    industryCode = unit.industryCode;
  } else if (spec.reporterUnitId) {
    const [unit] = await db.select().from(units).where(eq(units.id, spec.reporterUnitId));
    if (unit && normaliseName(unit.name) === normaliseName(holder.name)) {
      holder = { unitId: unit.id, name: unit.name, creditCode: unit.creditCode };
      industryCode = unit.industryCode;
    }
  }
  // Files: only the uploader's own (the public: uploaded under this report's upload key).
  const holderKey = ctx.actor ? uploadHolder(ctx.actor) : publicHolder(content.uploadKey);
  await requireCitable(db, filesAt(content.attachments, 'attachments'), { holder: holderKey });
  // Evidence certificates: the reporting unit's own, sealed in the log.
  const links = await verifyEvidence(db, spec.reporterUnitId, spec.evidenceIds);
  const rules = await loadRightsRules(db);
  const isWorkday = await loadWorkdayCalendar(db);
  const decisionDeadline = periodEnd(rules.clocks.decide_acceptance, ctx.today, isWorkday);

  return db.transaction(async (tx) => {
    // Numbers per year, serialised so two intakes never take the same one.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('rights_clue_no'))`);
    const year = ctx.today.slice(0, 4);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(rightsClues)
      .where(sql`${rightsClues.clueNo} LIKE ${`WQ${year}-%`}`);
    const clueNo = `WQ${year}-${String(n + 1).padStart(5, '0')}`;
    const receiptCode = spec.secret ? await unusedReceiptCode(tx) : null;
    const [row] = await tx
      .insert(rightsClues)
      .values({
        clueNo,
        jurisdictionCode: competent.code,
        jurisdictionPath: competent.path,
        centreId: spec.centreId,
        source: spec.source,
        referralOrigin: spec.referral?.referralOrigin ?? null,
        referralOrgan: spec.referral?.referralOrgan ?? null,
        referralDocument: spec.referral?.referralDocument ?? null,
        reporterUnitId: spec.reporterUnitId,
        recordedById: ctx.actor?.id ?? null,
        receiptCode,
        secretHash: receiptCode && spec.secret ? secretHashOf(receiptCode, spec.secret) : null,
        reporterContact: content.contact ?? null,
        holderUnitId: holder.unitId,
        holderName: holder.name,
        holderCreditCode: holder.creditCode,
        holderNameKey: normaliseName(holder.name),
        industryCode,
        secretKinds: content.secretKinds,
        secretDescription: content.secretDescription,
        leakChannels: content.leakChannels,
        leakDescription: content.leakDescription ?? null,
        protectionMeasures: content.protectionMeasures,
        protectionDescription: content.protectionDescription ?? null,
        facts: content.facts,
        estimatedLossYuan: content.estimatedLossYuan ?? null,
        illicitGainYuan: content.illicitGainYuan ?? null,
        urgency: content.urgency,
        requestedRoute: content.requestedRoute,
        attachments: content.attachments,
        receivedOn: ctx.today,
        decisionDeadline,
      })
      .returning();
    const clue = row!;
    await tx.insert(rightsClueParties).values(
      content.infringers.map((p, position) => ({
        clueId: clue.id,
        position,
        kind: p.kind,
        name: p.name,
        creditCode: p.creditCode || null,
        nameKey: normaliseName(p.name),
        relation: p.relation ?? null,
      })),
    );
    if (spec.assignRecorder && ctx.actor)
      await tx.insert(rightsClueHandlers).values({ clueId: clue.id, userId: ctx.actor.id, assignedById: ctx.actor.id });
    if (links.length > 0)
      await tx.insert(rightsClueEvidence).values(
        links.map((l) => ({
          clueId: clue.id,
          submissionId: l.submissionId,
          verification: l.verification,
          linkedById: ctx.actor?.id ?? null,
        })),
      );
    await appendEvent(tx, ctx, clue.id, {
      kind: 'received',
      toStatus: 'received',
      comment: `线索已登记，编号 ${clueNo}；管辖部门 ${competent.name}，应于 ${decisionDeadline} 前作出是否立案的决定。`,
      reporterVisible: true,
    });
    await recordAudit(tx, ctx, {
      action: 'rights.report',
      entityType: 'rights_clue',
      entityId: clue.id,
      jurisdictionPath: competent.path,
      unitId: spec.reporterUnitId,
      // No content in the trail: the clue is confidential.
      after: {
        clueNo,
        source: spec.source,
        anonymous: !ctx.actor,
        attachments: content.attachments.length,
        evidence: links.length,
      },
    });
    const officers = await officersOf(tx, [competent.code]);
    await notifyNew(tx, officers, clueNo, clue.id);
    const duplicates = await flagDuplicates(tx, ctx, clue);
    return { id: clue.id, clueNo, receiptCode, decisionDeadline, duplicates };
  });
}

async function notifyNew(tx: Executor, officerIds: string[], clueNo: string, id: string) {
  await notifyUsers(tx, officerIds, {
    title: `新的维权线索 ${clueNo}`,
    body: '请指定承办人并在期限内研判。',
    link: `/rights/clues/${id}`,
  });
}

/** The certificates to link: the unit's own submissions, sealed under a checkpoint (field errors otherwise). */
export async function verifyEvidence(db: Executor, unitId: string | null, ids: readonly string[]) {
  const out: { submissionId: string; verification: Record<string, unknown> }[] = [];
  const fields: FieldError[] = [];
  for (const [i, id] of ids.entries()) {
    const row = await findSubmission(db, id);
    if (!row || row.unitId !== unitId) {
      fields.push({ path: `evidenceIds.${i}`, message: '存证不存在或不属于本单位' });
      continue;
    }
    const checkpoint = row.leafIndex === null ? null : await coveringCheckpoint(db, row.leafIndex);
    if (row.leafIndex === null || !checkpoint) {
      fields.push({ path: `evidenceIds.${i}`, message: '该存证尚未封存入存证日志，请稍后再关联' });
      continue;
    }
    out.push({
      submissionId: id,
      verification: {
        certificateNo: certificateNumber(row.leafIndex, row.id),
        label: row.label,
        algorithm: row.algorithm,
        digest: row.digest,
        leafIndex: row.leafIndex,
        treeSize: checkpoint.treeSize,
        sealedAt: checkpoint.createdAt,
        submittedAt: row.createdAt,
      },
    });
  }
  if (fields.length > 0) throw new AppError('validation_failed', fields[0]!.message, { fields });
  return out;
}

async function unusedReceiptCode(tx: Executor): Promise<string> {
  for (;;) {
    const code = newReceiptCode(randomInt);
    const [taken] = await tx
      .select({ id: rightsClues.id })
      .from(rightsClues)
      .where(eq(rightsClues.receiptCode, code))
      .limit(1);
    if (!taken) return code;
  }
}
