import type { TrainingFeedbackInput } from '../../../shared/schemas/trainings';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { trainingFeedback } from '../../db/schema';
import { AppError, type FieldError, forbidden } from '../../errors';
import { readableRegistration } from './training-access';

/** The attendee's unit answers the event's feedback survey once, after checking in. */
export async function submitFeedback(db: Executor, ctx: RequestContext, id: string, input: TrainingFeedbackInput) {
  const found = await readableRegistration(db, ctx, id);
  const { actor, registration } = found;
  const own = actor.role === 'admin' || (actor.role === 'applicant' && actor.unitId === registration.unitId);
  if (!own) throw forbidden('反馈由参会单位填写');
  if (!registration.checkedInAt) throw new AppError('conflict', '签到后才能填写反馈');
  const survey = found.event.event.survey;
  const fields: FieldError[] = [];
  const known = new Set(survey.map((q) => q.id));
  for (const key of Object.keys(input.answers)) {
    if (!known.has(key)) fields.push({ path: `answers.${key}`, message: '问卷中没有这一题' });
  }
  const answers: Record<string, number | string> = {};
  for (const q of survey) {
    const value = input.answers[q.id];
    if (value === undefined || value === '') {
      if (!q.optional) fields.push({ path: `answers.${q.id}`, message: `请回答：${q.text}` });
    } else if ((q.type === 'rating') !== (typeof value === 'number')) {
      fields.push({ path: `answers.${q.id}`, message: q.type === 'rating' ? '请选择1–5分' : '请填写文字' });
    } else answers[q.id] = value;
  }
  if (fields.length > 0) throw new AppError('validation_failed', fields[0]!.message, { fields });
  await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(trainingFeedback)
      .values({ registrationId: id, eventId: registration.eventId, answers, submittedById: actor.id })
      .onConflictDoNothing()
      .returning({ id: trainingFeedback.registrationId });
    if (inserted.length === 0) throw new AppError('conflict', '已提交过反馈');
    await recordAudit(tx, ctx, {
      action: 'training.feedback',
      entityType: 'training_registration',
      entityId: id,
      unitId: registration.unitId,
      jurisdictionPath: found.event.ownerPath,
      after: answers,
    });
  });
  return { registrationId: id, answers };
}
