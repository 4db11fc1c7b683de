/**
 * Objections as the owning bureau sees them, with the objector's name and contact: officers of the programme's
 * owning jurisdiction or above, and administrators. Nobody else reads them — not the applicant (the objector's
 * identity is protected), not the public.
 */
import { and, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ObjectionQuery } from '../../../shared/schemas/publicity';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { applications, jurisdictions, objections, programmes, publicityNotices, units, users } from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';

const owners = alias(jurisdictions, 'objection_owners');
const resolvers = alias(users, 'objection_resolvers');

export function objectionsQuery(db: Executor) {
  return db
    .select({
      objection: objections,
      noticeTitle: publicityNotices.title,
      noticeEndsOn: publicityNotices.endsOn,
      unitName: units.name,
      applicationStatus: applications.status,
      resolvedByName: resolvers.displayName,
      ownerPath: owners.path,
    })
    .from(objections)
    .innerJoin(publicityNotices, eq(publicityNotices.id, objections.noticeId))
    .innerJoin(programmes, eq(programmes.id, publicityNotices.programmeId))
    .innerJoin(owners, eq(owners.code, programmes.ownerJurisdictionCode))
    .innerJoin(applications, eq(applications.id, objections.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .leftJoin(resolvers, eq(resolvers.id, objections.resolvedById));
}

export type ObjectionRow = Awaited<ReturnType<typeof objectionsQuery>>[number];

export function objectionView(row: ObjectionRow) {
  const o = row.objection;
  return {
    id: o.id,
    receiptCode: o.receiptCode,
    noticeId: o.noticeId,
    noticeTitle: row.noticeTitle,
    applicationId: o.applicationId,
    unitName: row.unitName,
    applicationStatus: row.applicationStatus,
    name: o.name,
    contact: o.contact,
    reasons: o.reasons,
    attachments: o.attachments as { sha256: string; fileName: string }[],
    state: o.resolvedAt ? ('resolved' as const) : ('unresolved' as const),
    resolution: o.resolution,
    upheld: o.upheld,
    resolvedByName: row.resolvedByName,
    resolvedAt: o.resolvedAt,
    version: o.version,
    createdAt: o.createdAt,
  };
}

export async function listObjections(db: Executor, ctx: RequestContext, filter: ObjectionQuery) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以查看异议');
  const scope: SQL | undefined =
    actor.role === 'admin'
      ? undefined
      : actor.jurisdictionPath
        ? sql`${owners.path} LIKE ${`${actor.jurisdictionPath}%`}`
        : sql`false`;
  const rows = await objectionsQuery(db)
    .where(
      and(
        scope,
        filter.noticeId ? eq(objections.noticeId, filter.noticeId) : undefined,
        filter.applicationId ? eq(objections.applicationId, filter.applicationId) : undefined,
        filter.state === 'resolved' ? isNotNull(objections.resolvedAt) : undefined,
        filter.state === 'unresolved' ? isNull(objections.resolvedAt) : undefined,
      ),
    )
    .orderBy(desc(objections.createdAt), objections.id)
    .limit(1000);
  return { items: rows.map(objectionView), total: rows.length };
}
