/** The administrative case as its handlers and supervisors see it: the guide's steps and which are done, the close
 * clock, appraisals, supervision, joint bureaus, consultations and typical cases. Reading it is audited. */
import { asc, eq } from 'drizzle-orm';
import { CaseStepKind } from '../../../shared/enums-rights-cases';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import {
  jurisdictions,
  rightsAppraisals,
  rightsCaseDocuments,
  rightsCaseJointBureaus,
  rightsCaseSteps,
  rightsConsultations,
  rightsSupervisions,
  rightsTypicalCases,
  users,
} from '../../db/schema';
import { isCityOfficer, isSupervisorOf } from '../rights/rights-access';
import { auditedCaseRead } from './case-access';
import { closeClock, ensureCaseFile } from './case-file';
import { findGuide } from './guide-queries';

export async function getCase(db: Db, ctx: RequestContext, clueId: string) {
  const loaded = await auditedCaseRead(db, ctx, clueId, '行政案件办案记录');
  const { clue } = loaded;
  const file = await db.transaction((tx) => ensureCaseFile(tx, clue));
  const guide = (await findGuide(db, file.guideId))!;
  const [steps, documents, appraisals, supervisions, joint, consultations, typical, [competent]] = await Promise.all([
    db
      .select({
        step: rightsCaseSteps.step,
        completedOn: rightsCaseSteps.completedOn,
        note: rightsCaseSteps.note,
        by: users.displayName,
      })
      .from(rightsCaseSteps)
      .innerJoin(users, eq(users.id, rightsCaseSteps.completedById))
      .where(eq(rightsCaseSteps.clueId, clueId)),
    db
      .select({
        id: rightsCaseDocuments.id,
        step: rightsCaseDocuments.step,
        documentKey: rightsCaseDocuments.documentKey,
        sha256: rightsCaseDocuments.sha256,
        fileName: rightsCaseDocuments.fileName,
        recordedBy: users.displayName,
        createdAt: rightsCaseDocuments.createdAt,
      })
      .from(rightsCaseDocuments)
      .innerJoin(users, eq(users.id, rightsCaseDocuments.recordedById))
      .where(eq(rightsCaseDocuments.clueId, clueId))
      .orderBy(asc(rightsCaseDocuments.createdAt)),
    db
      .select()
      .from(rightsAppraisals)
      .where(eq(rightsAppraisals.clueId, clueId))
      .orderBy(asc(rightsAppraisals.requestedOn)),
    db
      .select({ s: rightsSupervisions, supervisorName: jurisdictions.name })
      .from(rightsSupervisions)
      .innerJoin(jurisdictions, eq(jurisdictions.code, rightsSupervisions.supervisorJurisdictionCode))
      .where(eq(rightsSupervisions.clueId, clueId))
      .orderBy(asc(rightsSupervisions.createdAt)),
    db
      .select({
        jurisdictionCode: rightsCaseJointBureaus.jurisdictionCode,
        name: jurisdictions.name,
        task: rightsCaseJointBureaus.task,
        createdAt: rightsCaseJointBureaus.createdAt,
      })
      .from(rightsCaseJointBureaus)
      .innerJoin(jurisdictions, eq(jurisdictions.code, rightsCaseJointBureaus.jurisdictionCode))
      .where(eq(rightsCaseJointBureaus.clueId, clueId)),
    db
      .select()
      .from(rightsConsultations)
      .where(eq(rightsConsultations.clueId, clueId))
      .orderBy(asc(rightsConsultations.heldOn)),
    db
      .select({ id: rightsTypicalCases.id, title: rightsTypicalCases.title, status: rightsTypicalCases.status })
      .from(rightsTypicalCases)
      .where(eq(rightsTypicalCases.clueId, clueId)),
    db.select({ name: jurisdictions.name }).from(jurisdictions).where(eq(jurisdictions.code, clue.jurisdictionCode)),
  ]);
  const actor = ctx.actor!;
  const isHandler = actor.role === 'officer' && loaded.handlerIds.includes(actor.id);
  const [requester] = file.extensionRequestedById
    ? await db.select({ name: users.displayName }).from(users).where(eq(users.id, file.extensionRequestedById))
    : [];
  return {
    clueId: clue.id,
    clueNo: clue.clueNo,
    status: clue.status,
    version: clue.version,
    caseVersion: file.version,
    jurisdictionCode: clue.jurisdictionCode,
    jurisdictionName: competent?.name ?? clue.jurisdictionCode,
    holderName: clue.holderName,
    openedOn: clue.openedOn!,
    closedOn: clue.closedOn,
    outcome: file.outcome,
    closingSummary: file.closingSummary,
    guide: { id: guide.id, title: guide.title, version: guide.version },
    steps: guide.definition.steps.map((step) => {
      const done = steps.find((s) => s.step === step.kind);
      return {
        kind: step.kind,
        label: CaseStepKind.labels[step.kind],
        name: step.name,
        description: step.description,
        optional: step.optional,
        done: Boolean(done),
        completedOn: done?.completedOn ?? null,
        completedBy: done?.by ?? null,
        note: done?.note ?? null,
        documents: step.documents.map((d) => ({
          key: d.key,
          title: d.title,
          required: d.required,
          records: documents.filter((r) => r.step === step.kind && r.documentKey === d.key),
        })),
      };
    }),
    clock: await closeClock(db, clue, file, ctx.today),
    extensionRequest: file.extensionRequestedAt
      ? {
          reason: file.extensionReason ?? '',
          requestedAt: file.extensionRequestedAt,
          requestedBy: requester?.name ?? '',
        }
      : null,
    appraisals,
    supervisions: supervisions.map((r) => ({ ...r.s, supervisorName: r.supervisorName })),
    jointBureaus: joint,
    consultations,
    typicalCases: typical,
    mayHandle: isHandler && clue.status === 'accepted',
    mayApproveExtension:
      actor.role === 'officer' &&
      file.extensionRequestedAt !== null &&
      file.extensionRequestedById !== actor.id &&
      actor.jurisdictionPath !== null &&
      clue.jurisdictionPath.startsWith(actor.jurisdictionPath),
    maySupervise: isCityOfficer(actor) && actor.role === 'officer' && isSupervisorOf(actor, clue.jurisdictionPath),
  };
}
