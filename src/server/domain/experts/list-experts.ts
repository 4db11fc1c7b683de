import type { ExpertListQuery } from '../../../shared/schemas/acceptance';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound, unauthenticated } from '../../errors';
import {
  expertView,
  findExpertByUser,
  queryExperts,
  registryManageable,
  requireRegistryReader,
  requireVisibleExpert,
} from './expert-queries';

/**
 * The registry as the officer sees it (own, higher and lower registries), filtered by field, industry, text; whole,
 * or one page of it (the export reads it page by page).
 */
export async function listExperts(
  db: Executor,
  ctx: RequestContext,
  filter: ExpertListQuery,
  paging?: { page: number; pageSize: number },
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  requireRegistryReader(actor);
  const items = await queryExperts(db, actor, filter, paging);
  return { items, total: items.length };
}

/** One expert: for officers who see its registry, and for the expert itself. */
export async function getExpert(db: Executor, ctx: RequestContext, id: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await requireVisibleExpert(db, actor, id);
  return expertView(found, registryManageable(actor, found.jurisdictionPath));
}

/** The expert's own record (for an account with the role expert). */
export async function getMyExpert(db: Executor, ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = actor.role === 'expert' ? await findExpertByUser(db, actor.id) : null;
  if (!found) throw notFound('专家信息');
  return expertView(found, false);
}
