import { and, eq } from 'drizzle-orm';
import type { ConflictStatus } from '../../../shared/enums';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { expertConflicts } from '../../db/schema';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { conflictScope, conflictStatusFilter, conflictsWhere, expertOnUnitPanel } from './conflict-queries';
import { findExpert, registryVisible } from './expert-queries';

/**
 * One expert's conflicts: all of them for the expert itself and administrators; those with units of their subtree
 * for officers who see the expert's registry; those with its own unit for an applicant whose panel the expert sits on.
 */
export async function listExpertConflicts(db: Executor, ctx: RequestContext, expertId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const expert = await findExpert(db, expertId);
  if (!expert) throw notFound('专家');
  const mine = actor.role === 'expert' && expert.expert.userId === actor.id;
  const allowed =
    mine ||
    registryVisible(actor, expert.jurisdictionPath) ||
    (actor.role === 'applicant' && actor.unitId !== null && (await expertOnUnitPanel(db, expertId, actor.unitId)));
  if (!allowed) throw notFound('专家');
  const items = await conflictsWhere(
    db,
    and(eq(expertConflicts.expertId, expertId), mine ? undefined : conflictScope(actor)),
  );
  return { items, total: items.length };
}

/** Conflicts with units of the officer's subtree (administrators: all), e.g. those waiting for a decision. */
export async function listConflicts(db: Executor, ctx: RequestContext, filter: { status?: ConflictStatus }) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以查看利益冲突记录');
  const items = await conflictsWhere(db, and(conflictScope(actor), conflictStatusFilter(filter.status)));
  return { items, total: items.length };
}
