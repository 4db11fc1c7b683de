/**
 * What waits on an actor, decided in SQL. Whether an application waits on an actor depends on its programme (which
 * stages it has: who takes which action from which status) and on the parts the actor plays in it (applicant,
 * district reviewer, owning bureau, administrator — ./workflow-roles.ts). Both are known per programme before any
 * application is read, so from the (cached) definitions this derives, for each programme and each part, the statuses
 * in which that part may take an action other than withdrawing, and turns them into one SQL condition: the database
 * counts and pages the to-do list instead of the service loading every live application with all its columns.
 *
 * Visibility (`applicationVisibility`) is decided per programme the same way: an officer sees the applications (not
 * drafts) of the units of its subtree, and every one of a programme its subtree owns — known from the programme
 * alone, so the condition needs no join on the owner and the count reads the applications table only.
 */
import { and, count, desc, eq, exists, inArray, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import {
  ApplicationStatus,
  allowedActions,
  ENDED_STATUSES,
  type StagesPresent,
  stagesOf,
  WorkflowRole,
} from '../../../core/applications/workflow';
import type { Programme } from '../../../core/programs/schema';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { applications, jurisdictions, programmes, units } from '../../db/schema';
import { inSubtree } from '../../policies';
import { programmeDefinitions } from '../programmes/programme-definitions';
import {
  type ApplicationFilter,
  applicationSummary,
  filterConditions,
  loadedQuery,
  withProgrammes,
} from './application-queries';
import { reviewsAtLevel } from './workflow-roles';

/** The statuses in which `role` may take an action other than withdrawal, in a programme with these stages. */
export function statusesAwaiting(stages: StagesPresent, role: WorkflowRole): ApplicationStatus[] {
  return ApplicationStatus.values.filter((status) =>
    allowedActions(status, stages, role).some((action) => action !== 'withdraw'),
  );
}

/** A programme version with live applications: its owner's path and its definition. */
export interface LiveProgramme {
  id: string;
  ownerPath: string;
  definition: Programme;
}

/** The programme versions that have live (not ended) applications. */
export async function programmesWithLiveApplications(db: Executor, programmeId?: string): Promise<LiveProgramme[]> {
  const rows = await db
    .select({ id: programmes.id, updatedAt: programmes.updatedAt, ownerPath: jurisdictions.path })
    .from(programmes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, programmes.ownerJurisdictionCode))
    .where(
      and(
        programmeId ? eq(programmes.id, programmeId) : undefined,
        exists(
          db
            .select({ one: sql`1` })
            .from(applications)
            .where(
              and(eq(applications.programmeId, programmes.id), notInArray(applications.status, [...ENDED_STATUSES])),
            ),
        ),
      ),
    );
  const definitions = await programmeDefinitions(db, rows);
  return rows.map((r) => ({ id: r.id, ownerPath: r.ownerPath, definition: definitions.get(r.id)! }));
}

/** Applications of units in the officer's subtree (a semi-join on the units, so the applications drive the plan). */
const ofUnitsUnder = (prefix: string) =>
  sql`${applications.unitId} IN (SELECT ${units.id} FROM ${units} JOIN ${jurisdictions} ON ${jurisdictions.code} = ${units.jurisdictionCode} WHERE ${jurisdictions.path} LIKE ${prefix})`;

/** A condition on applications, with a key that is equal for equal conditions (to share one branch). */
interface Keyed {
  key: string;
  where: SQL;
}

/**
 * `applicationVisibility` for the applications of one programme: an officer's subtree owns the programme (all but
 * drafts) or not (its units' applications, not drafts); an applicant's unit's; everything for an administrator.
 * Experts have no per-programme rule (their panels) and are not served here.
 */
function visibleIn(actor: Actor, programme: LiveProgramme): Keyed | null {
  switch (actor.role) {
    case 'admin':
      return { key: 'all', where: sql`true` };
    case 'applicant':
      return actor.unitId ? { key: 'unit', where: eq(applications.unitId, actor.unitId) } : null;
    case 'officer': {
      if (!actor.jurisdictionPath) return null;
      const notDraft = ne(applications.status, 'draft');
      return inSubtree(actor, programme.ownerPath)
        ? { key: 'owned', where: notDraft }
        : { key: 'units', where: and(notDraft, ofUnitsUnder(`${actor.jurisdictionPath}%`))! };
    }
    case 'expert':
      return null;
  }
}

/** The part an actor plays in the programme's visible applications, as a condition; null when never. */
function playsPart(actor: Actor, role: WorkflowRole, programme: LiveProgramme): Keyed | null {
  switch (role) {
    case 'admin':
      return actor.role === 'admin' ? { key: 'admin', where: sql`true` } : null;
    case 'applicant':
      return actor.role === 'applicant' && actor.unitId ? { key: 'applicant', where: sql`true` } : null;
    case 'district_officer':
      return actor.role === 'officer' && actor.jurisdictionPath && reviewsAtLevel(actor, programme.definition)
        ? // Where the subtree does not own the programme, visibility already holds its units only.
          inSubtree(actor, programme.ownerPath)
          ? { key: 'district', where: ofUnitsUnder(`${actor.jurisdictionPath}%`) }
          : { key: 'district', where: sql`true` }
        : null;
    case 'owner_officer':
      return actor.role === 'officer' && inSubtree(actor, programme.ownerPath)
        ? { key: 'owner', where: sql`true` }
        : null;
  }
}

/**
 * Over the given programmes, the visible applications for which `statuses` of each programme holds (null: none of
 * it). Programmes are grouped by visibility (so that the subtree's units are looked up once) and, within, by
 * condition.
 */
export function perProgramme(
  actor: Actor,
  live: readonly LiveProgramme[],
  statuses: (programme: LiveProgramme) => Keyed | null,
): SQL {
  const groups = new Map<string, { visible: SQL; branches: Map<string, { ids: string[]; where: SQL }> }>();
  for (const programme of live) {
    const visible = visibleIn(actor, programme);
    const condition = visible && statuses(programme);
    if (!visible || !condition) continue;
    const group = groups.get(visible.key) ?? { visible: visible.where, branches: new Map() };
    const branch = group.branches.get(condition.key) ?? { ids: [], where: condition.where };
    branch.ids.push(programme.id);
    group.branches.set(condition.key, branch);
    groups.set(visible.key, group);
  }
  if (groups.size === 0) return sql`false`;
  return or(
    ...[...groups.values()].map((g) =>
      and(
        g.visible,
        or(...[...g.branches.values()].map((b) => and(inArray(applications.programmeId, b.ids), b.where))),
      ),
    ),
  )!;
}

/** Applications in a status from `list`, keyed by the list. */
export const inStatuses = (list: readonly ApplicationStatus[]): Keyed | null =>
  list.length ? { key: list.join(','), where: inArray(applications.status, [...list]) } : null;

/** Visible applications in which the actor may take an action other than withdrawal now, over the programmes. */
export function waitingOnCondition(actor: Actor, live: readonly LiveProgramme[]): SQL {
  return perProgramme(actor, live, (programme) => {
    const stages = stagesOf(programme.definition);
    const parts = WorkflowRole.values.flatMap((role) => {
      const part = playsPart(actor, role, programme);
      const statuses = part && inStatuses(statusesAwaiting(stages, role));
      return part && statuses ? [{ key: `${part.key}:${statuses.key}`, where: and(part.where, statuses.where)! }] : [];
    });
    return parts.length ? { key: parts.map((p) => p.key).join('|'), where: or(...parts.map((p) => p.where))! } : null;
  });
}

/**
 * The page of the visible live applications waiting on the actor (not an expert: see `todoPage`), newest first, and
 * how many there are; `live`: the programmes with live applications when the caller has them already.
 */
export async function waitingOnPage(
  db: Executor,
  actor: Actor,
  filter: ApplicationFilter,
  live?: readonly LiveProgramme[],
): Promise<{ items: ReturnType<typeof applicationSummary>[]; total: number }> {
  const where = and(
    filterConditions({ ...filter, excludeStatuses: ENDED_STATUSES }),
    waitingOnCondition(actor, live ?? (await programmesWithLiveApplications(db, filter.programmeId))),
  );
  const rows = await loadedQuery(db)
    .where(where)
    .orderBy(desc(applications.updatedAt), applications.id)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [counted] = await db.select({ total: count() }).from(applications).where(where);
  return { items: (await withProgrammes(db, rows)).map(applicationSummary), total: counted?.total ?? 0 };
}
