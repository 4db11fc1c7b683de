/**
 * The administrative case of a clue, as the caller may see and act on it. Built on rights-core's confidentiality
 * rules (domain/rights/rights-access.ts): the case's content is the clue's content, so the same handlers and
 * supervising bureaus read it and every read is audited; a metadata-only officer is refused (403, audited).
 */
import { eq } from 'drizzle-orm';
import type { RightsStatus } from '../../../shared/enums-rights';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db, Executor } from '../../db/client';
import { rightsCaseFiles } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { type LoadedClue, loadClue, requireContent } from '../rights/rights-access';

/** Statuses in which a clue has an administrative case (opened, possibly closed). */
const CASE_STATUSES: readonly RightsStatus[] = ['accepted', 'closed'];

export const hasCase = (clue: LoadedClue['clue']) => CASE_STATUSES.includes(clue.status) && clue.openedOn !== null;

/** A clue with an administrative case whose content the caller may read; 404 when there is none in scope. */
export async function loadCase(db: Executor, ctx: RequestContext, clueId: string, forUpdate = false) {
  const loaded = await loadClue(db, ctx, clueId, forUpdate);
  if (!hasCase(loaded.clue)) throw notFound('行政案件');
  if (loaded.access === 'reporter') throw forbidden('办案记录仅承办人和上级监管部门可以查看');
  return loaded;
}

/** For reads of the case's content: refuse metadata-only callers (audited) and audit the read itself. */
export async function auditedCaseRead(db: Db, ctx: RequestContext, clueId: string, what: string) {
  const loaded = await loadCase(db, ctx, clueId);
  await requireContent(db, ctx, loaded, what);
  await db.transaction((tx) =>
    recordAudit(tx, ctx, {
      action: 'rights_case.read',
      entityType: 'rights_case',
      entityId: clueId,
      jurisdictionPath: loaded.clue.jurisdictionPath,
      after: { clueNo: loaded.clue.clueNo, what },
    }),
  );
  return loaded;
}

/** Writes that change an open case need it still open: 409 once closed. */
export function requireOpenCase(loaded: LoadedClue) {
  if (loaded.clue.status !== 'accepted') throw new AppError('conflict', '案件已结案，不能再修改办案记录');
}

export async function caseFileOf(db: Executor, clueId: string) {
  const [row] = await db.select().from(rightsCaseFiles).where(eq(rightsCaseFiles.clueId, clueId));
  return row ?? null;
}

/** The version a client read must match the current one (optimistic concurrency): 409 otherwise. */
export function requireVersion(current: number, sent: number, what = '案件') {
  if (current !== sent) throw new AppError('conflict', `${what}已被他人修改，请刷新后重试`);
}
