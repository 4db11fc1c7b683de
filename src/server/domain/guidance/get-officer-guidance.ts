/**
 * The officer's home: the stage schedule of the programmes it works under (its own jurisdiction's, those above it
 * that its units apply to, those of the jurisdictions below it), what waits on it (the applications to-do list), and
 * what is late on the business date: live applications whose pending officer step belongs to a stage past its
 * published end, or whose publicity period (working days) ran out without a decision.
 */
import { and, desc, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { lateness, nextStep, stageSchedule } from '../../../core/applications/guidance';
import { ApplicationStatus, ENDED_STATUSES, stagesOf } from '../../../core/applications/workflow';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { applications, jurisdictions } from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';
import { applicationSummary, loadedQuery, withProgrammes } from '../applications/application-queries';
import { TODO_SCAN_LIMIT, todoPage } from '../applications/list-applications';
import {
  inStatuses,
  type LiveProgramme,
  perProgramme,
  programmesWithLiveApplications,
} from '../applications/todo-queries';
import { actionsFor } from '../applications/transition-application';
import { workflowRoles } from '../applications/workflow-roles';
import { openToUnitCondition } from '../programmes/programme-eligibility';
import { programmesWithDefinition, publicityEndDates } from './guidance-queries';

const TODO_SHOWN = 10;

export async function getOfficerGuidance(db: Executor, ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门账号可以查看工作安排');
  if (actor.role === 'officer' && !actor.jurisdictionPath) throw forbidden('账号未绑定辖区，请联系系统管理员');
  const today = ctx.today;
  const path = actor.jurisdictionPath;
  const where: SQL | undefined = path
    ? (or(openToUnitCondition(db, path), sql`${jurisdictions.path} LIKE ${`${path}%`}`) as SQL)
    : undefined;
  const programmes = (await programmesWithDefinition(db, where)).map(({ programme, ...row }) => ({
    ...row,
    stages: stageSchedule(programme, today),
  }));

  // The programmes with live applications once, for both the to-do list and what is late.
  const definitions = await programmesWithLiveApplications(db);
  const todo = await todoPage(db, { ...ctx, actor }, { page: 1, pageSize: TODO_SHOWN }, definitions);
  // Only applications whose status may be late in their programme on this date are read (in publicity: always,
  // its deadline being the publicity period's end), newest first.
  const live = await loadedQuery(db)
    .where(
      and(
        notInArray(applications.status, [...ENDED_STATUSES]),
        perProgramme(actor, definitions, (programme) => mayBeLate(programme, today)),
      ),
    )
    .orderBy(desc(applications.updatedAt), applications.id)
    .limit(TODO_SCAN_LIMIT)
    .then((rows) => withProgrammes(db, rows));
  const publicityEnds = await publicityEndDates(
    db,
    live.filter((row) => row.application.status === 'in_publicity').map((row) => row.application.id),
  );
  const late = live.flatMap((row) => {
    const reasons = lateness(row.programme, row.application.status, today, publicityEnds.get(row.application.id));
    if (reasons.length === 0) return [];
    const mine = actionsFor(row, workflowRoles(actor, row)).some((action) => action !== 'withdraw');
    return [
      {
        ...applicationSummary(row),
        waitingOn: nextStep(row.application.status, stagesOf(row.programme)).waitingOn,
        onMe: mine,
        reasons,
        daysLate: Math.max(...reasons.map((r) => r.daysLate)),
      },
    ];
  });
  late.sort((a, b) => b.daysLate - a.daysLate);

  return { today, programmes, todo, late };
}

/**
 * Applications in a status that may be late on `today` in their programme (by `lateness`: the pending officer step's
 * stage has closed), or in publicity, whose lateness depends on the period's end.
 */
const mayBeLate = (programme: LiveProgramme, today: string) =>
  inStatuses(
    ApplicationStatus.values.filter(
      (status) =>
        !ENDED_STATUSES.includes(status) &&
        (status === 'in_publicity' || lateness(programme.definition, status, today).length > 0),
    ),
  );
