/**
 * Incentives granted to certified bases (002's incentive measures: 经费分配因素及补助奖励、重点企业联系、优先推荐…):
 * recorded by the certifying bureau, listed and reported (Excel) by every bureau over the base, and seen by the
 * unit itself.
 */
import { and, desc, eq, gte, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias, type PgSelect } from 'drizzle-orm/pg-core';
import { chineseDate } from '../../../core/applications/guards';
import { IncentiveKind } from '../../../shared/enums-oversight';
import type { IncentiveInput, IncentivesQuery } from '../../../shared/schemas/oversight';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { baseIncentives, bases, jurisdictions, programmes, units, users } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { keptActiveBase, notifyUnit } from './record-review';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

export async function recordIncentive(
  db: Db,
  ctx: RequestContext,
  certificateNo: string,
  input: IncentiveInput,
  today: string,
) {
  const row = await keptActiveBase(db, ctx, certificateNo);
  const base = row.base;
  if (input.grantedOn > today) throw invalid('grantedOn', `授予日期不能晚于今天（${chineseDate(today)}）`);
  if (input.grantedOn < base.decidedOn) {
    throw invalid('grantedOn', `授予日期不能早于认定日期（${chineseDate(base.decidedOn)}）`);
  }
  if (input.kind === 'funding' && input.amountYuan === undefined) throw invalid('amountYuan', '经费补助请填写金额');
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(baseIncentives)
      .values({
        baseId: base.id,
        kind: input.kind,
        measure: input.measure,
        amountYuan: input.amountYuan ?? null,
        grantedOn: input.grantedOn,
        document: input.document ?? null,
        note: input.note ?? null,
        recordedById: ctx.actor!.id,
      })
      .returning({ id: baseIncentives.id });
    await recordAudit(tx, ctx, {
      action: 'base.incentive',
      entityType: 'base',
      entityId: base.id,
      unitId: base.unitId,
      jurisdictionPath: row.jurisdictionPath,
      after: { incentiveId: created!.id, certificateNo, ...input, kindLabel: IncentiveKind.labels[input.kind] },
    });
    await notifyUnit(tx, base.unitId, {
      title: `激励措施：${IncentiveKind.labels[input.kind]}`,
      body: `贵单位的“${base.title}”获得激励措施：${input.measure}${input.amountYuan !== undefined ? `（${input.amountYuan} 元）` : ''}。`,
    });
    return { id: created!.id };
  });
}

const owners = alias(jurisdictions, 'incentive_owners');

/** Bureaus over the base's unit or over its certifying bureau, the unit itself, administrators. */
function incentiveScope(ctx: RequestContext): SQL | undefined {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'officer' && actor.jurisdictionPath) {
    const prefix = `${actor.jurisdictionPath}%`;
    return or(sql`${jurisdictions.path} LIKE ${prefix}`, sql`${owners.path} LIKE ${prefix}`);
  }
  if (actor.role === 'applicant' && actor.unitId) return eq(bases.unitId, actor.unitId);
  throw forbidden('无权查看激励措施');
}

export async function listIncentives(db: Executor, ctx: RequestContext, query: IncentivesQuery) {
  const where = and(
    incentiveScope(ctx),
    query.programmeId ? eq(bases.programmeId, query.programmeId) : undefined,
    query.year ? gte(baseIncentives.grantedOn, `${query.year}-01-01`) : undefined,
    query.year ? lte(baseIncentives.grantedOn, `${query.year}-12-31`) : undefined,
    query.kind ? eq(baseIncentives.kind, query.kind) : undefined,
  );
  const joined = <T extends PgSelect>(qb: T) =>
    qb
      .innerJoin(bases, eq(bases.id, baseIncentives.baseId))
      .innerJoin(units, eq(units.id, bases.unitId))
      .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
      .innerJoin(programmes, eq(programmes.id, bases.programmeId))
      .innerJoin(owners, eq(owners.code, programmes.ownerJurisdictionCode))
      .leftJoin(users, eq(users.id, baseIncentives.recordedById))
      .where(where);
  const rows = await joined(
    db
      .select({
        incentive: baseIncentives,
        certificateNo: bases.certificateNo,
        title: bases.title,
        unitName: units.name,
        jurisdictionName: jurisdictions.name,
        recordedBy: users.displayName,
      })
      .from(baseIncentives)
      .$dynamic(),
  )
    .orderBy(desc(baseIncentives.grantedOn), desc(baseIncentives.createdAt))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totals] = await joined(
    db
      .select({
        total: sql<number>`count(*)::int`,
        amountYuan: sql<string>`coalesce(sum(${baseIncentives.amountYuan}), 0)::text`,
      })
      .from(baseIncentives)
      .$dynamic(),
  );
  return {
    total: totals?.total ?? 0,
    totalAmountYuan: Number(totals?.amountYuan ?? 0),
    items: rows.map((r) => ({
      id: r.incentive.id,
      certificateNo: r.certificateNo,
      title: r.title,
      unitName: r.unitName,
      jurisdictionName: r.jurisdictionName,
      kind: r.incentive.kind,
      kindLabel: IncentiveKind.labels[r.incentive.kind],
      measure: r.incentive.measure,
      amountYuan: r.incentive.amountYuan,
      grantedOn: r.incentive.grantedOn,
      document: r.incentive.document,
      note: r.incentive.note,
      recordedBy: r.recordedBy,
    })),
  };
}

export type IncentiveRow = Awaited<ReturnType<typeof listIncentives>>['items'][number];
