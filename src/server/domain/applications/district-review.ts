/**
 * The applicant's district (or county) bureau scores or checks a submitted application against the kind's rubric
 * — with the metrics the platform computes — and writes its recommendation opinion. The total is what the quota's
 * ranking uses (004: the best 3 points and 1 zone).
 */

import { and, eq, sql } from 'drizzle-orm';
import { rubricForKind } from '../../../core/programs/queries';
import { evaluateRubric } from '../../../core/rubric/evaluate';
import type { DistrictReviewInput } from '../../../shared/schemas/application';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { applications } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { evidenceFiles, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { unitMetrics } from '../self-assessments/unit-metrics';
import { applicationFiles, requireAnswers } from './application-answers';
import { findApplication } from './application-queries';
import { getApplication } from './get-application';
import { mayRead, workflowRoles } from './workflow-roles';

export async function reviewInDistrict(db: Db, ctx: RequestContext, id: string, input: DistrictReviewInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await findApplication(db, id);
  if (!found || !mayRead(actor, found, false)) throw notFound('申报');
  const roles = workflowRoles(actor, found);
  if (!roles.includes('district_officer') && !roles.includes('admin')) {
    throw forbidden('只有申报单位所在地的区县监管部门可以审核评分');
  }
  if (found.application.status !== 'submitted') {
    throw new AppError('invalid_transition', '只有已提交、待审核的申报可以审核评分');
  }
  const rubric = rubricForKind(found.programme, found.application.kindId)!;
  const answers = requireAnswers(rubric, input.answers, 'answers');
  // The reviewer cites the application's own files, or what it uploads itself.
  await requireCitable(db, evidenceFiles(answers), {
    holder: uploadHolder(actor),
    onRecord: applicationFiles(found.application),
  });
  const evaluation = evaluateRubric(
    rubric,
    answers,
    await unitMetrics(db, found.application.unitId, {
      asOf: ctx.today,
      programme: { id: found.application.programmeId, definition: found.programme },
    }),
  );
  const score = evaluation.form === 'scored' ? evaluation.grandTotal : null;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(applications)
      .set({
        districtAnswers: answers,
        districtScore: score,
        districtOpinion: input.opinion ?? found.application.districtOpinion,
        version: sql`${applications.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(eq(applications.id, id), eq(applications.version, input.version), eq(applications.status, 'submitted')),
      )
      .returning({ id: applications.id });
    if (updated.length === 0) throw new AppError('conflict', '申报已被他人更新，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: 'application.district_review',
      entityType: 'application',
      entityId: id,
      unitId: found.application.unitId,
      jurisdictionPath: found.unitPath,
      before: { districtScore: found.application.districtScore },
      after: { districtScore: score, passed: evaluation.passed },
    });
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return getApplication(tx, ctx, id);
  });
}
