import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { notFound, unauthenticated } from '../../errors';
import { can, inSubtree } from '../../policies';
import { findProgramme, programmeDetail } from './programme-queries';

export async function getProgramme(db: Executor, ctx: RequestContext, id: string) {
  if (!ctx.actor) throw unauthenticated();
  const found = await findProgramme(db, id);
  const visible =
    found &&
    (found.programme.status === 'published' ||
      ctx.actor.role === 'admin' ||
      (ctx.actor.role === 'officer' && inSubtree(ctx.actor, found.ownerPath)));
  if (!found || !visible) throw notFound('工作方案');
  // What the page offers (edit, publish, clone): a bureau manages its own jurisdiction's programmes.
  const mayManage = can(ctx.actor, 'programme.manage', { type: 'jurisdiction', path: found.ownerPath });
  return { ...programmeDetail(found), mayManage };
}
