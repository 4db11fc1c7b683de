/**
 * One application as its reader needs it: the content, the programme's form and rubric for the kind, the applicant's
 * self-assessed evaluation and the district's, the metrics computed now, the district's ranking (for the quota),
 * the history, and the actions this reader may take.
 */
import { eq } from 'drizzle-orm';
import { scheduleFinding } from '../../../core/applications/schedule';
import { formForKind, kindById, rubricForKind } from '../../../core/programs/queries';
import { evaluateRubric } from '../../../core/rubric/evaluate';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { bases } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { unitMetrics } from '../self-assessments/unit-metrics';
import { applicationHistory, applicationSummary, findApplication } from './application-queries';
import { isOnPanel } from './panel-membership';
import { districtRanking } from './review-hooks';
import { actionsFor } from './transition-application';
import { mayRead, workflowRoles } from './workflow-roles';

export async function getApplication(db: Executor, ctx: RequestContext, id: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await findApplication(db, id);
  if (!found || !mayRead(actor, found, await isOnPanel(db, actor, id))) throw notFound('申报');
  const { application, programme } = found;
  const rubric = rubricForKind(programme, application.kindId)!;
  const metrics = await unitMetrics(db, application.unitId, {
    asOf: ctx.today,
    programme: { id: application.programmeId, definition: programme },
  });
  const roles = workflowRoles(actor, found);
  const officer = roles.some((r) => r !== 'applicant');
  const ranking = officer ? await districtRanking(db, found) : null;
  const actions = actionsFor(found, roles);
  const [base] = await db
    .select({
      certificateNo: bases.certificateNo,
      decisionNumber: bases.decisionNumber,
      decidedOn: bases.decidedOn,
      revokedOn: bases.revokedOn,
    })
    .from(bases)
    .where(eq(bases.applicationId, id));
  return {
    ...applicationSummary(found),
    formData: application.formData,
    narrative: application.narrative,
    applicantOpinion: application.applicantOpinion,
    attachments: application.attachments,
    answers: application.answers,
    districtAnswers: application.districtAnswers,
    districtOpinion: application.districtOpinion,
    returnReason: application.returnReason,
    acceptanceOpinion: application.acceptanceOpinion,
    kind: kindById(programme, application.kindId),
    form: formForKind(programme, application.kindId) ?? null,
    rubric,
    metrics,
    evaluation: evaluateRubric(rubric, application.answers, metrics),
    districtEvaluation: application.districtAnswers
      ? evaluateRubric(rubric, application.districtAnswers, metrics)
      : null,
    ranking: ranking && {
      quota: ranking.quota,
      recommended: ranking.recommended,
      candidates: ranking.ranked.map((r) => ({
        id: r.id,
        unitName: r.unitName,
        score: r.score,
        status: r.status,
        rank: r.rank,
        withinQuota: r.withinQuota,
      })),
    },
    /** The registry entry, once certified. */
    base: base ?? null,
    stages: programme.stages.map((s) => ({ id: s.id, kind: s.kind, name: s.name, opinion: s.opinion ?? null })),
    history: await applicationHistory(db, id),
    roles,
    allowedActions: actions,
    /**
     * The offered actions that fall outside their stage's published dates on the business date, with the message the
     * action would answer (the same finding the transition records), so the dialog warns before the officer confirms.
     */
    scheduleNotices: actions.flatMap((action) => {
      const finding = scheduleFinding(programme, action, ctx.today);
      return finding ? [{ action, code: finding.code, enforced: finding.enforced, message: finding.message }] : [];
    }),
  };
}
