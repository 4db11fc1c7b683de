/**
 * Typical cases (典型案例): an officer who may read a closed case writes the public text (nothing is copied from
 * the confidential file); the author submits it; a second officer of the bureau or above — never the author —
 * approves and publishes it, or returns it with a reason. The database refuses an approver equal to the author too.
 */
import { and, eq } from 'drizzle-orm';
import type { TypicalCaseStatus } from '../../../shared/enums-rights-cases';
import type { TypicalCaseInput, TypicalCasePatch } from '../../../shared/schemas/rights-cases';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { rightsTypicalCases } from '../../db/schema';
import { AppError, forbidden } from '../../errors';
import { notifyUsers } from '../notifications/notify';
import { loadClue, requireContent } from '../rights/rights-access';
import { officersOf } from '../rights/rights-events';
import { findTypicalCase, loadTypicalCase, type TypicalCaseRow } from './typical-case-queries';

function audit(
  tx: Executor,
  ctx: RequestContext,
  row: { id: string; jurisdictionPath: string },
  action: `rights_typical_case.${string}`,
  after: Record<string, unknown>,
) {
  return recordAudit(tx, ctx, {
    action: action as 'rights_typical_case.save',
    entityType: 'rights_typical_case',
    entityId: row.id,
    jurisdictionPath: row.jurisdictionPath,
    after,
  });
}

export async function createTypicalCase(db: Db, ctx: RequestContext, input: TypicalCaseInput) {
  const loaded = await loadClue(db, ctx, input.clueId);
  const actor = ctx.actor!;
  if (actor.role !== 'officer') throw forbidden('典型案例由办案部门撰写');
  await requireContent(db, ctx, loaded, '撰写典型案例');
  if (loaded.access !== 'content') throw forbidden('典型案例由办案部门撰写');
  if (loaded.clue.status !== 'closed') throw new AppError('conflict', '只有已结案的案件可以发布为典型案例');
  const { clueId, ...fields } = input;
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rightsTypicalCases)
      .values({ clueId, jurisdictionCode: loaded.clue.jurisdictionCode, ...fields, authorId: actor.id })
      .returning({ id: rightsTypicalCases.id });
    await audit(tx, ctx, { id: row!.id, jurisdictionPath: loaded.clue.jurisdictionPath }, 'rights_typical_case.save', {
      clueNo: loaded.clue.clueNo,
      title: fields.title,
    });
    return row!.id;
  });
  return (await findTypicalCase(db, id))!;
}

/** Loads for a change by the author or an approver: row lock, version, expected status. */
async function lockFor(
  tx: Executor,
  ctx: RequestContext,
  id: string,
  version: number,
  status: TypicalCaseStatus,
  role: 'author' | 'reviewer',
): Promise<NonNullable<TypicalCaseRow>> {
  const row = await loadTypicalCase(tx, ctx, id, true);
  const actor = ctx.actor!;
  if (role === 'author' && actor.id !== row.authorId) throw forbidden('只有撰写人可以修改或提交典型案例');
  if (role === 'reviewer') {
    if (actor.role !== 'officer') throw forbidden('典型案例由市场监管部门审核');
    if (actor.id === row.authorId) throw forbidden('典型案例须由撰写人以外的另一名人员审核发布');
  }
  if (row.version !== version) throw new AppError('conflict', '典型案例已被他人修改，请刷新后重试');
  if (row.status !== status)
    throw new AppError('conflict', status === 'pending' ? '该典型案例不在待审核状态' : '只有草稿可以修改或提交');
  return row;
}

export async function updateTypicalCase(db: Db, ctx: RequestContext, id: string, input: TypicalCasePatch) {
  await db.transaction(async (tx) => {
    const row = await lockFor(tx, ctx, id, input.version, 'draft', 'author');
    const { version, ...fields } = input;
    await tx
      .update(rightsTypicalCases)
      .set({ ...fields, version: version + 1, updatedAt: new Date() })
      .where(and(eq(rightsTypicalCases.id, id), eq(rightsTypicalCases.version, version)));
    await audit(tx, ctx, row, 'rights_typical_case.save', { fields: Object.keys(fields) });
  });
  return (await findTypicalCase(db, id))!;
}

export async function submitTypicalCase(db: Db, ctx: RequestContext, id: string, version: number) {
  await db.transaction(async (tx) => {
    const row = await lockFor(tx, ctx, id, version, 'draft', 'author');
    await tx
      .update(rightsTypicalCases)
      .set({
        status: 'pending',
        submittedAt: new Date(),
        returnReason: null,
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(eq(rightsTypicalCases.id, id));
    const reviewers = (await officersOf(tx, [row.jurisdictionCode])).filter((u) => u !== row.authorId);
    await notifyUsers(tx, reviewers, {
      title: '典型案例待审核',
      body: `${ctx.actor!.displayName}提交了典型案例“${row.title}”，请另一名人员审核后发布。`,
      link: `/rights-cases/typical/${id}`,
    });
    await audit(tx, ctx, row, 'rights_typical_case.submit', { title: row.title });
  });
  return (await findTypicalCase(db, id))!;
}

/** The second officer's decision: publish, or return to the author with a reason. */
export async function reviewTypicalCase(
  db: Db,
  ctx: RequestContext,
  id: string,
  input: { version: number; approve: true } | { version: number; approve: false; reason: string },
) {
  await db.transaction(async (tx) => {
    const row = await lockFor(tx, ctx, id, input.version, 'pending', 'reviewer');
    const actor = ctx.actor!;
    const changes = input.approve
      ? { status: 'published' as const, approvedById: actor.id, publishedAt: new Date(), publishedOn: ctx.today }
      : { status: 'draft' as const, returnReason: input.reason };
    await tx
      .update(rightsTypicalCases)
      .set({ ...changes, version: input.version + 1, updatedAt: new Date() })
      .where(eq(rightsTypicalCases.id, id));
    await notifyUsers(tx, [row.authorId], {
      title: input.approve ? '典型案例已发布' : '典型案例被退回',
      body: input.approve ? `“${row.title}”已审核发布。` : `“${row.title}”被退回：${input.reason}`,
      link: `/rights-cases/typical/${id}`,
    });
    await audit(tx, ctx, row, input.approve ? 'rights_typical_case.approve' : 'rights_typical_case.return', {
      title: row.title,
      ...(input.approve ? {} : { reason: input.reason }),
    });
  });
  return (await findTypicalCase(db, id))!;
}
