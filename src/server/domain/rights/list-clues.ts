/**
 * The clue list (metadata only — no content, so listing is not a content read): officers see every clue of their
 * subtree (the city all below it, a district its own) and the cases their bureau handles jointly, applicants their
 * unit's, administrators all. Days left and
 * overdue are computed per row from the clocks; `overdue=1` keeps the overdue ones.
 */
import { and, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { RightsClueQuery } from '../../../shared/schemas/rights';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { rightsCaseJointBureaus, rightsClueHandlers, rightsClues } from '../../db/schema';
import { unauthenticated } from '../../errors';
import { clockContext, metadataView } from './clue-view';
import { clueAccess } from './rights-access';

export async function listClues(db: Db, ctx: RequestContext, query: RightsClueQuery) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const where: (SQL | undefined)[] = [];
  const jointIds =
    actor.role === 'officer' && actor.jurisdictionCode
      ? (
          await db
            .select({ clueId: rightsCaseJointBureaus.clueId })
            .from(rightsCaseJointBureaus)
            .where(eq(rightsCaseJointBureaus.jurisdictionCode, actor.jurisdictionCode))
        ).map((r) => r.clueId)
      : [];
  if (actor.role === 'officer')
    where.push(
      or(
        sql`${rightsClues.jurisdictionPath} LIKE ${`${actor.jurisdictionPath ?? '-'}%`}`,
        jointIds.length > 0 ? inArray(rightsClues.id, jointIds) : undefined,
      ),
    );
  else if (actor.role === 'applicant')
    where.push(eq(rightsClues.reporterUnitId, actor.unitId ?? '00000000-0000-0000-0000-000000000000'));
  else if (actor.role !== 'admin') return { items: [], total: 0 };
  if (query.status) where.push(eq(rightsClues.status, query.status));
  if (query.q) where.push(ilike(rightsClues.clueNo, `%${query.q.replace(/[%_\\]/g, '')}%`));
  const cond = and(...where);
  const cc = await clockContext(db);
  const rows = await db
    .select()
    .from(rightsClues)
    .where(cond)
    .orderBy(desc(rightsClues.createdAt), desc(rightsClues.clueNo));
  const handlerRows =
    rows.length > 0
      ? await db
          .select()
          .from(rightsClueHandlers)
          .where(
            inArray(
              rightsClueHandlers.clueId,
              rows.map((r) => r.id),
            ),
          )
      : [];
  const items = [];
  for (const row of rows) {
    const handlerIds = handlerRows.filter((h) => h.clueId === row.id).map((h) => h.userId);
    const view = await metadataView(db, row, ctx.today, cc);
    if (query.overdue && !view.overdue) continue;
    items.push({
      ...view,
      /** What the caller may open: content, reporter view or metadata only. */
      access: clueAccess(actor, row, handlerIds, jointIds.includes(row.id) ? [actor.jurisdictionCode!] : []),
      mine: handlerIds.includes(actor.id),
      assigned: handlerIds.length > 0,
    });
  }
  const total = items.length;
  const start = (query.page - 1) * query.pageSize;
  return { items: items.slice(start, start + query.pageSize), total };
}
