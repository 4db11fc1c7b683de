/** Loading applications with what every use case needs to authorise and decide: unit, jurisdiction, programme. */
import { and, desc, eq, inArray, ne, notInArray, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ApplicationStatus } from '../../../core/applications/workflow';
import { kindById } from '../../../core/programs/queries';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import {
  applicationEvents,
  applications,
  experts,
  jurisdictions,
  panelAssignments,
  programmes,
  units,
} from '../../db/schema';
import { withProgrammeDefinitions } from '../programmes/programme-definitions';

export const ownerJurisdictions = alias(jurisdictions, 'owner_jurisdictions');

/** The rows with their programme's definition (read once per instance, see programmes/programme-definitions.ts). */
export const withProgrammes = <R extends { application: { programmeId: string }; programmeUpdatedAt: Date }>(
  db: Executor,
  rows: readonly R[],
) =>
  withProgrammeDefinitions(db, rows, (row) => ({ id: row.application.programmeId, updatedAt: row.programmeUpdatedAt }));

const loadedColumns = {
  application: applications,
  unitName: units.name,
  unitKind: units.kind,
  unitIndustryCode: units.industryCode,
  unitJurisdictionCode: units.jurisdictionCode,
  unitJurisdictionName: jurisdictions.name,
  unitPath: jurisdictions.path,
  programmeTitle: programmes.title,
  programmeCode: programmes.code,
  programmeYear: programmes.year,
  programmeUpdatedAt: programmes.updatedAt,
  ownerCode: programmes.ownerJurisdictionCode,
  ownerPath: ownerJurisdictions.path,
};

export function loadedQuery(db: Executor) {
  return db
    .select(loadedColumns)
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .innerJoin(ownerJurisdictions, eq(ownerJurisdictions.code, programmes.ownerJurisdictionCode));
}

export type LoadedApplication = Awaited<ReturnType<typeof findApplication>> & {};

export async function findApplication(db: Executor, id: string, options: { forUpdate?: boolean } = {}) {
  const query = loadedQuery(db).where(eq(applications.id, id));
  const [row] = options.forUpdate ? await query.for('update', { of: applications }) : await query;
  if (!row) return null;
  return (await withProgrammes(db, [row]))[0]!;
}

/**
 * Which applications an actor may list: its unit's; its subtree's (not drafts); its panel assignments; all. `joined`
 * (the default) reads the unit's and the owner's jurisdiction paths from loadedQuery's joins; `own-columns` decides
 * the same on the application's own columns — its copy of the unit's jurisdiction (kept by triggers, migration
 * 0032) among the subtree's codes, its programme among the subtree's — so a count or a page of ids needs no join and
 * no set of the subtree's units, and the counts read an index alone.
 */
export function applicationVisibility(actor: Actor, form: 'joined' | 'own-columns' = 'joined'): SQL | undefined {
  switch (actor.role) {
    case 'admin':
      return undefined;
    case 'applicant':
      return actor.unitId ? eq(applications.unitId, actor.unitId) : sql`false`;
    case 'officer': {
      if (!actor.jurisdictionPath) return sql`false`;
      const prefix = `${actor.jurisdictionPath}%`;
      return and(
        ne(applications.status, 'draft'),
        form === 'joined'
          ? sql`(${jurisdictions.path} LIKE ${prefix} OR ${ownerJurisdictions.path} LIKE ${prefix})`
          : sql`(${applications.programmeId} IN (SELECT p.id FROM ${programmes} p
                JOIN ${jurisdictions} o ON o.code = p.owner_jurisdiction_code WHERE o.path LIKE ${prefix})
              OR ${applications.unitJurisdictionCode} IN (SELECT j.code FROM ${jurisdictions} j
                WHERE j.path LIKE ${prefix}))`,
      );
    }
    case 'expert':
      return sql`${applications.id} IN ${panelOf(actor.id)}`;
  }
}

/** Ids of the applications on whose panel the expert (by its login) sits, not recused. */
function panelOf(userId: string) {
  return sql`(SELECT ${panelAssignments.applicationId} FROM ${panelAssignments}
    JOIN ${experts} ON ${experts.id} = ${panelAssignments.expertId}
    WHERE ${experts.userId} = ${userId} AND ${panelAssignments.recusedAt} IS NULL)`;
}

export interface ApplicationFilter {
  status?: ApplicationStatus;
  programmeId?: string;
  kindId?: string;
  unitId?: string;
  /** Only applications with an acceptance panel (an expert assigned), for the panel results list. */
  withPanel?: boolean;
  page: number;
  pageSize: number;
}

export function filterWhere(
  actor: Actor,
  filter: ApplicationFilter & { excludeStatuses?: readonly ApplicationStatus[] },
  form: 'joined' | 'own-columns' = 'joined',
) {
  return and(applicationVisibility(actor, form), filterConditions(filter));
}

/** The filter's own conditions, visibility aside. */
export function filterConditions(filter: ApplicationFilter & { excludeStatuses?: readonly ApplicationStatus[] }) {
  return and(
    filter.excludeStatuses?.length ? notInArray(applications.status, [...filter.excludeStatuses]) : undefined,
    filter.status ? eq(applications.status, filter.status) : undefined,
    filter.programmeId ? eq(applications.programmeId, filter.programmeId) : undefined,
    filter.kindId ? eq(applications.kindId, filter.kindId) : undefined,
    filter.unitId ? eq(applications.unitId, filter.unitId) : undefined,
    filter.withPanel
      ? sql`${applications.id} IN (SELECT ${panelAssignments.applicationId} FROM ${panelAssignments})`
      : undefined,
  );
}

/** Visible applications with everything needed to decide on them, newest first (for in-memory views). */
export async function queryLoadedApplications(
  db: Executor,
  actor: Actor,
  filter: ApplicationFilter & { excludeStatuses?: readonly ApplicationStatus[] },
  limit: number,
) {
  const rows = await loadedQuery(db)
    .where(filterWhere(actor, filter))
    .orderBy(desc(applications.updatedAt), applications.id)
    .limit(limit);
  return (await withProgrammes(db, rows)).map((loaded) => ({ ...loaded, summary: applicationSummary(loaded) }));
}

/** What a list row shows (applicationSummary): not the application's forms, answers and opinions. */
export const summaryColumns = {
  application: {
    id: applications.id,
    status: applications.status,
    unitId: applications.unitId,
    programmeId: applications.programmeId,
    kindId: applications.kindId,
    districtScore: applications.districtScore,
    submittedAt: applications.submittedAt,
    version: applications.version,
    updatedAt: applications.updatedAt,
  },
  unitName: units.name,
  unitJurisdictionCode: units.jurisdictionCode,
  unitJurisdictionName: jurisdictions.name,
  programmeTitle: programmes.title,
  programmeYear: programmes.year,
  programmeUpdatedAt: programmes.updatedAt,
};

/**
 * A page of the visible applications, newest first, and their exact count. The page's ids and the count are read
 * from the applications alone (indexes on status or programme and `updated_at`); only the page's rows are joined
 * with their unit, jurisdiction and programme.
 */
export async function queryApplications(db: Executor, actor: Actor, filter: ApplicationFilter) {
  const where = filterWhere(actor, filter, 'own-columns');
  const order = [desc(applications.updatedAt), applications.id];
  const pageIds = db
    .select({ id: applications.id })
    .from(applications)
    .where(where)
    .orderBy(...order)
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const rows = await db
    .select(summaryColumns)
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .where(inArray(applications.id, pageIds))
    .orderBy(...order);
  const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(applications).where(where);
  return {
    items: (await withProgrammes(db, rows)).map(applicationSummary),
    total: counted?.total ?? 0,
  };
}

/** What applicationSummary reads: a summary row (or a loaded application) with its programme's definition. */
interface SummarySource {
  application: Pick<LoadedApplication['application'], keyof typeof summaryColumns.application>;
  unitName: string;
  unitJurisdictionCode: string;
  unitJurisdictionName: string;
  programmeTitle: string;
  programmeYear: number;
  programme: LoadedApplication['programme'];
}

export function applicationSummary(row: SummarySource) {
  const a = row.application;
  const kind = kindById(row.programme, a.kindId);
  return {
    id: a.id,
    status: a.status,
    unitId: a.unitId,
    unitName: row.unitName,
    jurisdictionCode: row.unitJurisdictionCode,
    jurisdictionName: row.unitJurisdictionName,
    programmeId: a.programmeId,
    programmeTitle: row.programmeTitle,
    programmeYear: row.programmeYear,
    kindId: a.kindId,
    kindName: kind?.fullName ?? kind?.name ?? a.kindId,
    districtScore: a.districtScore,
    submittedAt: a.submittedAt,
    version: a.version,
    updatedAt: a.updatedAt,
  };
}

export async function applicationHistory(db: Executor, applicationId: string) {
  return db
    .select({
      action: applicationEvents.action,
      fromStatus: applicationEvents.fromStatus,
      toStatus: applicationEvents.toStatus,
      actorName: applicationEvents.actorName,
      comment: applicationEvents.comment,
      at: applicationEvents.at,
      businessDate: applicationEvents.businessDate,
    })
    .from(applicationEvents)
    .where(eq(applicationEvents.applicationId, applicationId))
    .orderBy(applicationEvents.at, applicationEvents.id);
}
