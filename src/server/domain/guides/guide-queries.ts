/** Reads of the guides library: the current version of each document, searched; one document with its versions. */
import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { industryLabel } from '../../../shared/data/industries';
import type { GuideQuery } from '../../../shared/schemas/guides';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { attachments, guideDocuments, guideVersions, jurisdictions } from '../../db/schema';
import { notFound } from '../../errors';
import { canSeeGuide } from '../../policies/services';

const columns = {
  id: guideDocuments.id,
  kind: guideDocuments.kind,
  jurisdictionCode: guideDocuments.jurisdictionCode,
  jurisdictionName: jurisdictions.name,
  jurisdictionPath: jurisdictions.path,
  industryCode: guideDocuments.industryCode,
  visibility: guideDocuments.visibility,
  version: guideDocuments.currentVersion,
  title: guideVersions.title,
  summary: guideVersions.summary,
  fileName: guideVersions.fileName,
  publishedOn: guideVersions.publishedOn,
};

const current = (db: Executor, shape: typeof columns | { total: ReturnType<typeof count> } = columns) =>
  db
    .select(shape as typeof columns)
    .from(guideDocuments)
    .innerJoin(jurisdictions, eq(jurisdictions.code, guideDocuments.jurisdictionCode))
    .innerJoin(
      guideVersions,
      and(eq(guideVersions.documentId, guideDocuments.id), eq(guideVersions.version, guideDocuments.currentVersion)),
    );

type Row = Awaited<ReturnType<ReturnType<typeof current>['where']>>[number];
const present = ({ jurisdictionPath: _path, ...row }: Row) => ({
  ...row,
  industryName: row.industryCode ? industryLabel(row.industryCode) : null,
});

/** Escapes LIKE wildcards so a search for "100%" finds that text. */
const likeText = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Guides whose current version matches the search (title, summary or body), newest first. Anonymous callers see the
 * public ones; every account also the registered-only ones.
 */
export async function searchGuides(db: Executor, actor: Actor | null, query: GuideQuery) {
  const visible = actor ? undefined : eq(guideDocuments.visibility, 'public');
  const q = query.q?.trim();
  const where: SQL | undefined = and(
    visible,
    query.kind ? eq(guideDocuments.kind, query.kind) : undefined,
    query.industryCode ? eq(guideDocuments.industryCode, query.industryCode) : undefined,
    q
      ? or(
          ilike(guideVersions.title, likeText(q)),
          ilike(guideVersions.summary, likeText(q)),
          ilike(guideVersions.body, likeText(q)),
        )
      : undefined,
  );
  const rows = await current(db)
    .where(where)
    .orderBy(desc(guideVersions.publishedOn), asc(guideDocuments.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const [totals] = (await current(db, { total: count() }).where(where)) as unknown as { total: number }[];
  return { items: rows.map(present), total: totals?.total ?? 0 };
}

/** The document the actor may see (404 otherwise, also for a registered-only one asked anonymously). */
export async function findVisibleGuide(db: Executor, actor: Actor | null, id: string) {
  const [row] = await current(db).where(eq(guideDocuments.id, id));
  if (!row || !canSeeGuide(actor, row.visibility)) throw notFound('指引范本');
  return row;
}

/** One document: its current version's text and every version's history. */
export async function guideDetail(db: Executor, actor: Actor | null, id: string) {
  const row = await findVisibleGuide(db, actor, id);
  const versions = await db
    .select({
      version: guideVersions.version,
      title: guideVersions.title,
      fileName: guideVersions.fileName,
      changeNote: guideVersions.changeNote,
      publishedOn: guideVersions.publishedOn,
      body: guideVersions.body,
    })
    .from(guideVersions)
    .where(eq(guideVersions.documentId, id))
    .orderBy(desc(guideVersions.version));
  const body = versions.find((v) => v.version === row.version)?.body ?? '';
  return { ...present(row), body, versions: versions.map(({ body: _body, ...v }) => v) };
}

/** A version's file (the current one when `version` is omitted). */
export async function guideFile(db: Executor, actor: Actor | null, id: string, version?: number) {
  const row = await findVisibleGuide(db, actor, id);
  const [file] = await db
    .select({ fileName: guideVersions.fileName, mimeType: attachments.mimeType, content: attachments.content })
    .from(guideVersions)
    .innerJoin(attachments, eq(attachments.sha256, guideVersions.sha256))
    .where(and(eq(guideVersions.documentId, id), eq(guideVersions.version, version ?? row.version)));
  if (!file) throw notFound('该版本');
  return file;
}
