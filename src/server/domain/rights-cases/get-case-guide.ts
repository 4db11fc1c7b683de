import { asc, eq } from 'drizzle-orm';
import { stringifyCaseGuideYaml } from '../../../core/case-guides/schema';
import { isCityOrAbove } from '../../../shared/enums';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { rightsCaseGuides } from '../../db/schema-rights-cases';
import { notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { findGuide, guideSummary, latestGuides } from './guide-queries';

/** Guides are the bureaus' working rules: every officer reads them (a district follows its city's). */
function requireGuideReader(ctx: RequestContext) {
  if (!ctx.actor) throw unauthenticated();
  if (ctx.actor.role !== 'officer' && ctx.actor.role !== 'admin') throw notFound('办案指南');
  return ctx.actor;
}

export async function listCaseGuides(db: Executor, ctx: RequestContext) {
  requireGuideReader(ctx);
  return (await latestGuides(db)).map(guideSummary);
}

export async function getCaseGuide(db: Executor, ctx: RequestContext, id: string) {
  const actor = requireGuideReader(ctx);
  const guide = await findGuide(db, id);
  if (!guide) throw notFound('办案指南');
  const versions = await db
    .select({ id: rightsCaseGuides.id, version: rightsCaseGuides.version, createdAt: rightsCaseGuides.createdAt })
    .from(rightsCaseGuides)
    .where(eq(rightsCaseGuides.code, guide.code))
    .orderBy(asc(rightsCaseGuides.version));
  const mayEdit =
    actor.role === 'admin' || (isCityOrAbove(actor.jurisdictionLevel) && inSubtree(actor, guide.ownerPath));
  return {
    ...guideSummary(guide),
    definition: guide.definition,
    yaml: stringifyCaseGuideYaml(guide.definition),
    mayEdit,
    versions,
  };
}
