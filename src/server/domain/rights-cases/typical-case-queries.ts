/** Reading typical cases: the officers' list and detail (scoped by jurisdiction) and the public's (published only). */
import { and, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, rightsClues, rightsTypicalCases, users } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';

const author = alias(users, 'typical_author');
const approver = alias(users, 'typical_approver');

const columns = {
  id: rightsTypicalCases.id,
  clueId: rightsTypicalCases.clueId,
  clueNo: rightsClues.clueNo,
  jurisdictionCode: rightsTypicalCases.jurisdictionCode,
  jurisdictionName: jurisdictions.name,
  jurisdictionPath: jurisdictions.path,
  title: rightsTypicalCases.title,
  summary: rightsTypicalCases.summary,
  body: rightsTypicalCases.body,
  significance: rightsTypicalCases.significance,
  secretCategory: rightsTypicalCases.secretCategory,
  industry: rightsTypicalCases.industry,
  status: rightsTypicalCases.status,
  authorId: rightsTypicalCases.authorId,
  authorName: author.displayName,
  approvedById: rightsTypicalCases.approvedById,
  approverName: approver.displayName,
  returnReason: rightsTypicalCases.returnReason,
  publishedOn: rightsTypicalCases.publishedOn,
  version: rightsTypicalCases.version,
  createdAt: rightsTypicalCases.createdAt,
  updatedAt: rightsTypicalCases.updatedAt,
};

function selectTypical(db: Executor) {
  return db
    .select(columns)
    .from(rightsTypicalCases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, rightsTypicalCases.jurisdictionCode))
    .innerJoin(rightsClues, eq(rightsClues.id, rightsTypicalCases.clueId))
    .innerJoin(author, eq(author.id, rightsTypicalCases.authorId))
    .leftJoin(approver, eq(approver.id, rightsTypicalCases.approvedById));
}

export type TypicalCaseRow = Awaited<ReturnType<typeof findTypicalCase>> & {};

export async function findTypicalCase(db: Executor, id: string, forUpdate = false) {
  const query = selectTypical(db).where(eq(rightsTypicalCases.id, id));
  const [row] = forUpdate ? await query.for('update', { of: rightsTypicalCases }) : await query;
  return row ?? null;
}

/** An officer reads the typical cases of its jurisdiction and below (admins all); 404 otherwise. */
export async function loadTypicalCase(db: Executor, ctx: RequestContext, id: string, forUpdate = false) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const row = await findTypicalCase(db, id, forUpdate);
  const inScope =
    row &&
    (actor.role === 'admin' ||
      (actor.role === 'officer' &&
        actor.jurisdictionPath !== null &&
        row.jurisdictionPath.startsWith(actor.jurisdictionPath)));
  if (!row || !inScope) throw notFound('典型案例');
  return row;
}

export async function listTypicalCases(db: Executor, ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') return [];
  const scope = actor.role === 'admin' ? undefined : ilike(jurisdictions.path, `${actor.jurisdictionPath}%`);
  return selectTypical(db).where(scope).orderBy(desc(rightsTypicalCases.updatedAt)).limit(500);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The public list: published cases, newest first, searched in title, summary and body. */
export async function listPublishedTypicalCases(db: Executor, query: { q?: string; page: number; pageSize: number }) {
  const conditions: SQL[] = [eq(rightsTypicalCases.status, 'published')];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    conditions.push(
      or(
        ilike(rightsTypicalCases.title, like),
        ilike(rightsTypicalCases.summary, like),
        ilike(rightsTypicalCases.body, like),
      )!,
    );
  }
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: rightsTypicalCases.id,
        title: rightsTypicalCases.title,
        summary: rightsTypicalCases.summary,
        secretCategory: rightsTypicalCases.secretCategory,
        industry: rightsTypicalCases.industry,
        jurisdictionName: jurisdictions.name,
        publishedOn: rightsTypicalCases.publishedOn,
      })
      .from(rightsTypicalCases)
      .innerJoin(jurisdictions, eq(jurisdictions.code, rightsTypicalCases.jurisdictionCode))
      .where(where)
      .orderBy(desc(rightsTypicalCases.publishedOn), desc(rightsTypicalCases.publishedAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(rightsTypicalCases).where(where),
  ]);
  return { items: items.map((i) => ({ ...i, publishedOn: i.publishedOn ?? '' })), total: total?.n ?? 0 };
}

/** One published case for the public: only the text the officers wrote for publication. */
export async function getPublishedTypicalCase(db: Executor, id: string) {
  const [row] = await db
    .select({
      id: rightsTypicalCases.id,
      title: rightsTypicalCases.title,
      summary: rightsTypicalCases.summary,
      body: rightsTypicalCases.body,
      significance: rightsTypicalCases.significance,
      secretCategory: rightsTypicalCases.secretCategory,
      industry: rightsTypicalCases.industry,
      jurisdictionName: jurisdictions.name,
      publishedOn: rightsTypicalCases.publishedOn,
    })
    .from(rightsTypicalCases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, rightsTypicalCases.jurisdictionCode))
    .where(and(eq(rightsTypicalCases.id, id), eq(rightsTypicalCases.status, 'published')));
  if (!row) throw notFound('典型案例');
  return { ...row, publishedOn: row.publishedOn ?? '' };
}
