/**
 * An applicant turns its self-assessment into a draft application: the programme must be published, of the unit's
 * jurisdiction or above, and the kind open to the unit, the window open, no revocation within the ban period, no live application of the same unit,
 * programme and kind (the database's partial unique index settles a race). The form is pre-filled from the unit's
 * profile, its liaison and the metrics the platform computes; the rubric answers and their evidence are copied.
 */
import { and, eq, notInArray } from 'drizzle-orm';
import type { FormValues } from '../../../core/applications/form';
import { reapplyBanYears, revocationBan, windowOpen } from '../../../core/applications/guards';
import { narrativeField, narrativeFromAnswers } from '../../../core/applications/narrative';
import { ENDED_STATUSES } from '../../../core/applications/workflow';
import { formForKind, kindById, rubricForKind } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import type { AnswerSet } from '../../../core/rubric/answers';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Db, type Executor, isUniqueViolation } from '../../db/client';
import { applicationEvents, applications, programmes, unitContacts, units } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { requireProgrammeOpenToUnit } from '../programmes/programme-eligibility';
import { findSelfAssessment } from '../self-assessments/self-assessment-queries';
import { unitMetrics } from '../self-assessments/unit-metrics';
import { refuse, revocationsOf } from './review-hooks';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

export async function createApplication(
  db: Db,
  ctx: RequestContext,
  input: { selfAssessmentId: string },
  today: string,
): Promise<string> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'applicant' || !actor.unitId) throw forbidden('只有申报单位账号可以申报');
  const assessment = await findSelfAssessment(db, input.selfAssessmentId);
  if (!assessment || assessment.assessment.unitId !== actor.unitId) {
    throw invalid('selfAssessmentId', '自评不存在或不属于本单位');
  }
  // The version the self-assessment used keeps counting even if a newer one was published since.
  const programmeRow = await requireProgrammeOpenToUnit(db, assessment.assessment.programmeId, assessment.unitPath, {
    field: 'selfAssessmentId',
    newStart: false,
  });
  const programme = programmeRow.definition as Programme;
  const kindId = assessment.assessment.baseKind;
  if (!kindById(programme, kindId)) throw invalid('selfAssessmentId', '该工作方案不含此类基地');
  refuse(windowOpen(programme, today));
  // After the window check, so that a closed programme keeps saying when it closed.
  if (assessment.assessment.practice) {
    throw new AppError('validation_failed', '这是练习自评，不能转为申报；请在申报期内对该方案重新自评后申报', {
      fields: [{ path: 'selfAssessmentId', message: '练习自评不能转为申报' }],
      details: { reason: 'practice_self_assessment' },
    });
  }
  if (await hasLiveApplicationInAnyVersion(db, actor.unitId, programmeRow.code, kindId)) throw duplicate();
  refuse(revocationBan(await revocationsOf(db, actor.unitId), today, reapplyBanYears(programme)));
  const formData = await prefill(db, programme, kindId, actor.unitId, today);
  // The narrative's first draft: the applicant's own notes from the self-assessment, item by item.
  const rubric = rubricForKind(programme, kindId);
  const drafted = rubric ? narrativeFromAnswers(rubric, assessment.assessment.answers as AnswerSet) : '';
  const narrativeKey = narrativeField(formForKind(programme, kindId))?.key;
  if (narrativeKey && drafted && !formData[narrativeKey]) formData[narrativeKey] = drafted;

  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(applications)
        .values({
          unitId: actor.unitId!,
          programmeId: programmeRow.id,
          kindId,
          selfAssessmentId: assessment.assessment.id,
          formData,
          narrative: narrativeKey ? '' : drafted,
          answers: assessment.assessment.answers,
          createdById: actor.id,
        })
        .returning({ id: applications.id });
      await tx.insert(applicationEvents).values({
        applicationId: row!.id,
        action: 'create',
        toStatus: 'draft',
        actorId: actor.id,
        actorName: `${actor.displayName}（${actor.username}）`,
        businessDate: today,
      });
      await recordAudit(tx, ctx, {
        action: 'application.create',
        entityType: 'application',
        entityId: row!.id,
        unitId: actor.unitId,
        jurisdictionPath: assessment.unitPath,
        after: { programme: programmeRow.code, version: programmeRow.version, kindId },
      });
      return row!.id;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'applications_one_active_idx')) throw duplicate();
    throw error;
  }
}

const duplicate = () =>
  new AppError('duplicate', '本单位已有同一方案、同一类型的申报，不能重复申报', {
    details: { reason: 'active_application_exists' },
  });

/**
 * A live application of the unit for this kind under any version of the programme. The partial unique index covers
 * one version; new self-assessments only start on the newest version, so a race across versions needs a publish
 * between two clicks and this check suffices.
 */
async function hasLiveApplicationInAnyVersion(db: Executor, unitId: string, code: string, kindId: string) {
  const rows = await db
    .select({ id: applications.id })
    .from(applications)
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .where(
      and(
        eq(applications.unitId, unitId),
        eq(programmes.code, code),
        eq(applications.kindId, kindId),
        notInArray(applications.status, [...ENDED_STATUSES]),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Form values the platform already knows: the unit's profile, its liaison, computed metrics. */
async function prefill(
  db: Executor,
  programme: Programme,
  kindId: string,
  unitId: string,
  today: string,
): Promise<FormValues> {
  const form = formForKind(programme, kindId);
  if (!form) return {};
  const [unit] = await db.select().from(units).where(eq(units.id, unitId));
  const [liaison] = await db
    .select()
    .from(unitContacts)
    .where(and(eq(unitContacts.unitId, unitId), eq(unitContacts.role, 'liaison')));
  const metrics = form.fields.some((f) => f.metric) ? await unitMetrics(db, unitId, { asOf: today }) : {};
  const values: FormValues = {};
  for (const field of form.fields) {
    let value: string | number | null | undefined;
    if (field.source) {
      const [owner, key] = field.source.split('.') as ['unit' | 'liaison', string];
      const record = (owner === 'unit' ? unit : liaison) as Record<string, unknown> | undefined;
      const raw = record?.[key];
      value = typeof raw === 'number' || typeof raw === 'string' ? raw : undefined;
    } else if (field.metric) {
      value = metrics[field.metric];
    }
    if (value !== undefined && value !== null && value !== '') values[field.key] = value;
  }
  return values;
}
