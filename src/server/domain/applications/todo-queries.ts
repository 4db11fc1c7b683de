/**
 * What waits on an actor, decided in SQL. Whether an application waits on an actor depends on its programme (which
 * stages it has: who takes which action from which status) and on the parts the actor plays in it (applicant,
 * district reviewer, owning bureau, administrator — ./workflow-roles.ts). Both are known per programme before any
 * application is read, so from the (cached) definitions this derives, for each programme and each part, the statuses
 * in which that part may take an action other than withdrawing, and turns them into one SQL condition: the database
 * counts and pages the to-do list instead of the service loading every live application with all its columns.
 */
import { and, count, desc, eq, exists, inArray, notInArray, or, type SQL, sql } from 'drizzle-orm';
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
import { programmeDefinitions } from '../programmes/programme-definitions';
import {
  type ApplicationFilter,
  applicationSummary,
  filterWhere,
  loadedQuery,
  ownerJurisdictions,
  withProgrammes,
} from './application-queries';
import { reviewsAtLevel } from './workflow-roles';

/** The statuses in which `role` may take an action other than withdrawal, in a programme with these stages. */
export function statusesAwaiting(stages: StagesPresent, role: WorkflowRole): ApplicationStatus[] {
  return ApplicationStatus.values.filter((status) =>
    allowedActions(status, stages, role).some((action) => action !== 'withdraw'),
  );
}

/** The programme versions that have live (not ended) applications, with their definitions. */
export async function programmesWithLiveApplications(
  db: Executor,
  programmeId?: string,
): Promise<Map<string, Programme>> {
  const rows = await db
    .select({ id: programmes.id, updatedAt: programmes.updatedAt })
    .from(programmes)
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
  return programmeDefinitions(db, rows);
}

/**
 * The part an actor plays, as an SQL condition on a row of `loadedQuery` (application, its unit's jurisdiction, the
 * programme's owner), for a programme whose definition is known; null when it never plays it there. Mirrors
 * `workflowRoles`.
 */
function roleCondition(actor: Actor, role: WorkflowRole, programme: Programme): SQL | null {
  const prefix = actor.jurisdictionPath ? `${actor.jurisdictionPath}%` : null;
  switch (role) {
    case 'admin':
      return actor.role === 'admin' ? sql`true` : null;
    case 'applicant':
      return actor.role === 'applicant' && actor.unitId ? eq(applications.unitId, actor.unitId) : null;
    case 'district_officer':
      return actor.role === 'officer' && prefix && reviewsAtLevel(actor, programme)
        ? sql`${jurisdictions.path} LIKE ${prefix}`
        : null;
    case 'owner_officer':
      return actor.role === 'officer' && prefix ? sql`${ownerJurisdictions.path} LIKE ${prefix}` : null;
  }
}

/**
 * Applications (rows of `loadedQuery`) in which the actor may take an action other than withdrawal now, over the
 * given programmes (others: none). Programmes that make the same condition share one branch.
 */
export function waitingOnCondition(actor: Actor, definitions: ReadonlyMap<string, Programme>): SQL {
  const branches = new Map<string, { ids: string[]; parts: SQL[] }>();
  for (const [id, programme] of definitions) {
    const stages = stagesOf(programme);
    const keyParts: string[] = [];
    const parts: SQL[] = [];
    for (const role of WorkflowRole.values) {
      const condition = roleCondition(actor, role, programme);
      const statuses = condition ? statusesAwaiting(stages, role) : [];
      if (!condition || statuses.length === 0) continue;
      keyParts.push(`${role}:${statuses.join(',')}`);
      parts.push(and(condition, inArray(applications.status, statuses))!);
    }
    if (parts.length === 0) continue;
    const key = keyParts.join('|');
    const branch = branches.get(key) ?? { ids: [], parts };
    branch.ids.push(id);
    branches.set(key, branch);
  }
  if (branches.size === 0) return sql`false`;
  return or(...[...branches.values()].map((b) => and(inArray(applications.programmeId, b.ids), or(...b.parts))))!;
}

/**
 * The page of the visible live applications waiting on the actor (not an expert: see `todoPage`), newest first, and
 * how many there are; `live`: the programmes with live applications when the caller has them already.
 */
export async function waitingOnPage(
  db: Executor,
  actor: Actor,
  filter: ApplicationFilter,
  live?: ReadonlyMap<string, Programme>,
): Promise<{ items: ReturnType<typeof applicationSummary>[]; total: number }> {
  const definitions = live ?? (await programmesWithLiveApplications(db, filter.programmeId));
  const where = and(
    filterWhere(actor, { ...filter, excludeStatuses: ENDED_STATUSES }),
    waitingOnCondition(actor, definitions),
  );
  const rows = await loadedQuery(db)
    .where(where)
    .orderBy(desc(applications.updatedAt), applications.id)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [counted] = await db
    .select({ total: count() })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .innerJoin(ownerJurisdictions, eq(ownerJurisdictions.code, programmes.ownerJurisdictionCode))
    .where(where);
  return { items: (await withProgrammes(db, rows)).map(applicationSummary), total: counted?.total ?? 0 };
}
