/**
 * The officer's home: the stage schedule of the programmes it works under (its own jurisdiction's, those above it
 * that its units apply to, those of the jurisdictions below it), what waits on it (the applications to-do list), and
 * what is late on the business date: live applications whose pending officer step belongs to a stage past its
 * published end, or whose publicity period (working days) ran out without a decision.
 */
import { desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { lateness, nextStep, stageSchedule } from '../../../core/applications/guidance';
import { ApplicationStatus, allowedActions, ENDED_STATUSES, stagesOf } from '../../../core/applications/workflow';
import type { Actor, RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { applications, jurisdictions, programmes, publicityEntries, publicityNotices, units } from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';
import {
  applicationSummary,
  ownerJurisdictions,
  summaryColumns,
  withProgrammes,
} from '../applications/application-queries';
import { TODO_SCAN_LIMIT, todoPage } from '../applications/list-applications';
import { type LiveProgramme, perProgramme } from '../applications/todo-queries';
import { workflowRoles } from '../applications/workflow-roles';
import { openToUnitCondition } from '../programmes/programme-eligibility';
import { officerHomeProgrammes } from './guidance-queries';

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
  // The programmes shown and those with live applications (for both the to-do list and what is late) in one read.
  const { shown, live: definitions } = await officerHomeProgrammes(db, where);
  const programmes = shown.map(({ programme, ...row }) => ({ ...row, stages: stageSchedule(programme, today) }));
  const todo = await todoPage(db, { ...ctx, actor }, { page: 1, pageSize: TODO_SHOWN }, definitions);
  // What is late is decided in SQL: per programme, the statuses late on this date whatever the application (the
  // pending officer step's stage has closed), and in publicity once the latest publicity period has ended. Their ids
  // come from the applications alone (an index-only scan of applications_status_rollup_idx, the statuses any
  // programme may be late in), newest first; only the late ones are then read, with the columns the list shows.
  const late = await lateApplications(db, actor, definitions, today);
  const rows = late.flatMap((row) => {
    const reasons = lateness(row.programme, row.application.status, today, row.publicityEndsOn ?? undefined);
    if (reasons.length === 0) return [];
    const stages = stagesOf(row.programme);
    const mine = allowedActions(row.application.status, stages, workflowRoles(actor, row)).some(
      (action) => action !== 'withdraw',
    );
    return [
      {
        ...applicationSummary(row),
        waitingOn: nextStep(row.application.status, stages).waitingOn,
        onMe: mine,
        reasons,
        daysLate: Math.max(...reasons.map((r) => r.daysLate)),
      },
    ];
  });
  rows.sort((a, b) => b.daysLate - a.daysLate);

  return { today, programmes, todo, late: rows };
}

/** The end of the application's latest publicity period (null: never in publicity). */
const publicityEnd = sql`(SELECT max(${publicityNotices.endsOn}) FROM ${publicityEntries}
  JOIN ${publicityNotices} ON ${publicityNotices.id} = ${publicityEntries.noticeId}
  WHERE ${publicityEntries.applicationId} = ${applications.id})`;

/**
 * The applications of a programme late on `today` (as `lateness` decides): in a status whose pending officer step's
 * stage has closed, or in publicity with its latest publicity period ended before today.
 */
function lateIn(programme: LiveProgramme, today: string) {
  const closed = ApplicationStatus.values.filter(
    (status) => !ENDED_STATUSES.includes(status) && lateness(programme.definition, status, today).length > 0,
  );
  const inClosed = inArray(applications.status, closed);
  if (closed.includes('in_publicity')) return { key: closed.join(','), where: inClosed, statuses: closed };
  const publicityOver = sql`(${applications.status} = 'in_publicity' AND ${publicityEnd} < ${today})`;
  return {
    key: `${closed.join(',')}+publicity`,
    where: closed.length ? or(inClosed, publicityOver)! : publicityOver,
    statuses: [...closed, 'in_publicity' as const],
  };
}

/** The late applications visible to the actor, newest first (at most TODO_SCAN_LIMIT), with their publicity end. */
async function lateApplications(db: Executor, actor: Actor, live: readonly LiveProgramme[], today: string) {
  const byId = new Map(live.map((programme) => [programme.id, lateIn(programme, today)]));
  // Every status any programme may be late in: the index's leading column, so the scan reads those statuses only.
  const statuses = [...new Set([...byId.values()].flatMap((late) => late.statuses))];
  if (statuses.length === 0) return [];
  // OFFSET 0 keeps the planner from turning the per-programme conditions into a bitmap of every programme's statuses
  // (which visits every heap page): the subquery is an index-only scan, the conditions a filter on its rows.
  const candidates = sql`(SELECT ${applications.id}, ${applications.status}, ${applications.programmeId},
      ${applications.unitId}, ${applications.updatedAt}
    FROM ${applications} WHERE ${inArray(applications.status, statuses)} OFFSET 0) AS ${applications}`;
  const found = (await db.execute(sql`SELECT ${applications.id} AS id FROM ${candidates}
    WHERE ${perProgramme(actor, live, (programme) => byId.get(programme.id) ?? null)}
    ORDER BY ${applications.updatedAt} DESC, ${applications.id} LIMIT ${TODO_SCAN_LIMIT}`)) as unknown as {
    rows: { id: string }[];
  };
  const ids = found.rows;
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      ...summaryColumns,
      unitPath: jurisdictions.path,
      ownerPath: ownerJurisdictions.path,
      publicityEndsOn: sql<string | null>`${publicityEnd}::text`,
    })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .innerJoin(ownerJurisdictions, eq(ownerJurisdictions.code, programmes.ownerJurisdictionCode))
    .where(
      inArray(
        applications.id,
        ids.map((r) => r.id),
      ),
    )
    .orderBy(desc(applications.updatedAt), applications.id);
  return withProgrammes(db, rows);
}
