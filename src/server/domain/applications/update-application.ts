/**
 * The applicant edits its application while it is a draft or returned for more material: form values (checked
 * field by field; completeness is checked on submission), the narrative, its opinion, attachments and the rubric
 * answers with their evidence. Optimistic: the version read must still be current.
 */

import { and, eq, sql } from 'drizzle-orm';
import { type FormValues, formProblems } from '../../../core/applications/form';
import { formForKind, rubricForKind } from '../../../core/programs/queries';
import type { AnswerSet } from '../../../core/rubric/answers';
import type { ApplicationPatch } from '../../../shared/schemas/application';
import { diffSummary, recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { applications } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { evidenceFiles, filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { applicationFiles, requireAnswers } from './application-answers';
import { findApplication } from './application-queries';
import { getApplication } from './get-application';

export async function updateApplication(db: Db, ctx: RequestContext, id: string, patch: ApplicationPatch) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await findApplication(db, id);
  if (!found || (actor.role !== 'admin' && !(actor.role === 'applicant' && actor.unitId === found.application.unitId)))
    throw notFound('申报');
  if (actor.role !== 'applicant') throw forbidden('只有申报单位可以修改申报内容');
  const { application, programme } = found;
  if (application.status !== 'draft' && application.status !== 'returned') {
    throw new AppError('invalid_transition', '申报已提交，只有草稿或退回补充材料的申报可以修改');
  }
  const changes: Record<string, unknown> = {};
  if (patch.formData !== undefined) {
    const form = formForKind(programme, application.kindId);
    const problems = form ? formProblems(form, patch.formData as FormValues, false) : [];
    if (problems.length > 0) throw new AppError('validation_failed', problems[0]!.message, { fields: problems });
    changes.formData = patch.formData;
  }
  if (patch.answers !== undefined) {
    changes.answers = requireAnswers(rubricForKind(programme, application.kindId)!, patch.answers, 'answers');
  }
  if (patch.attachments !== undefined) changes.attachments = patch.attachments;
  await requireCitable(
    db,
    [...filesAt(patch.attachments, 'attachments'), ...evidenceFiles(changes.answers as AnswerSet | undefined)],
    { holder: uploadHolder(actor), onRecord: applicationFiles(application) },
  );
  if (patch.narrative !== undefined) changes.narrative = patch.narrative;
  if (patch.applicantOpinion !== undefined) changes.applicantOpinion = patch.applicantOpinion;

  return db.transaction(async (tx) => {
    const updated = await tx
      .update(applications)
      .set({ ...changes, version: sql`${applications.version} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(applications.id, id),
          eq(applications.version, patch.version),
          eq(applications.status, application.status),
        ),
      )
      .returning({ id: applications.id });
    if (updated.length === 0) throw new AppError('conflict', '申报已在别处修改，请刷新后重试');
    const before = Object.fromEntries(
      Object.keys(changes).map((k) => [k, (application as Record<string, unknown>)[k]]),
    );
    const diff = diffSummary(before, changes);
    await recordAudit(tx, ctx, {
      action: 'application.update',
      entityType: 'application',
      entityId: id,
      unitId: application.unitId,
      jurisdictionPath: found.unitPath,
      before: { fields: Object.keys(diff.before) },
      after: { fields: Object.keys(diff.after) },
    });
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return getApplication(tx, ctx, id);
  });
}
