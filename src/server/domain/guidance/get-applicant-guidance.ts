/**
 * The applicant's home: which programmes its unit may apply under (window, deadline and days left on the business
 * date, the kinds open to its unit kind), its drafts (self-assessments not yet turned into an application, draft
 * applications), and for each of its applications what it waits for and the next step, from the transition table.
 */
import { applicationWindow, describeNextStep, nextStep } from '../../../core/applications/guidance';
import { stagesOf } from '../../../core/applications/workflow';
import { kindsOpenTo } from '../../../core/programs/queries';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { forbidden, unauthenticated } from '../../errors';
import { queryLoadedApplications } from '../applications/application-queries';
import { actionsFor } from '../applications/transition-application';
import { workflowRoles } from '../applications/workflow-roles';
import { openToUnitCondition } from '../programmes/programme-eligibility';
import { listSelfAssessments } from '../self-assessments/list-self-assessments';
import { findUnitWithPath } from '../units/unit-queries';
import { programmesWithDefinition } from './guidance-queries';

/** One unit's applications over the years are few; the summary looks at this many at most. */
const APPLICATION_LIMIT = 500;

export async function getApplicantGuidance(db: Executor, ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'applicant' || !actor.unitId) throw forbidden('只有申报单位账号可以查看申报指引');
  const found = await findUnitWithPath(db, actor.unitId);
  const unit = found && { kind: found.unit.kind, path: found.jurisdictionPath };
  if (!unit) throw forbidden('账号未绑定单位，请联系系统管理员');
  const today = ctx.today;

  const programmes = (await programmesWithDefinition(db, openToUnitCondition(db, unit.path)))
    .map(({ programme, ...row }) => ({
      ...row,
      window: applicationWindow(programme, today),
      kinds: kindsOpenTo(programme, unit.kind).map((k) => ({ id: k.id, name: k.fullName ?? k.name })),
    }))
    .filter((p) => p.kinds.length > 0);

  const applications = await queryLoadedApplications(db, actor, { page: 1, pageSize: 1 }, APPLICATION_LIMIT);
  const applied = new Set(applications.map((row) => row.application.selfAssessmentId));
  const selfAssessments = (await listSelfAssessments(db, ctx))
    .filter((a) => !applied.has(a.id))
    .map(({ id, programmeId, programmeTitle, kindName, practice, updatedAt }) => ({
      id,
      programmeId,
      programmeTitle,
      kindName,
      practice,
      updatedAt,
    }));

  return {
    today,
    programmes,
    selfAssessments,
    applications: applications.map((row) => {
      const step = nextStep(row.application.status, stagesOf(row.programme));
      const mine: readonly string[] = actionsFor(row, workflowRoles(actor, row));
      return {
        ...row.summary,
        waitingOn: step.waitingOn,
        nextStep: describeNextStep(step),
        myActions: step.actions.filter((a) => mine.includes(a.action)).map(({ action, label }) => ({ action, label })),
        window: applicationWindow(row.programme, today),
      };
    }),
  };
}
