/**
 * A programme's targets with what has been certified and what is under way, per jurisdiction (see
 * ./target-rollup.ts for what counts). For anyone logged in who may read the programme: published programmes are
 * public to accounts, drafts to those who manage them.
 */
import { eq, or, type SQL, sql } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { jurisdictions, programmes } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { listAllJurisdictions } from '../jurisdictions/jurisdiction-queries';
import { programmeDefinitions } from '../programmes/programme-definitions';
import { adopterCounts, baseCounts, pipelineCounts } from './target-counts';
import { planTargetRows, targetPeriods, targetProgress } from './target-rollup';

export async function targetReport(db: Executor, ctx: RequestContext, programmeId: string, today: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  // The programme's head only; its definition from the per-instance copies (../programmes/programme-definitions.ts).
  const [found] = await db
    .select({
      id: programmes.id,
      code: programmes.code,
      title: programmes.title,
      year: programmes.year,
      status: programmes.status,
      ownerJurisdictionCode: programmes.ownerJurisdictionCode,
      updatedAt: programmes.updatedAt,
    })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  const all = found ? await listAllJurisdictions(db) : [];
  const nodes = new Map(all.map((j) => [j.code, j]));
  const owner = found ? nodes.get(found.ownerJurisdictionCode) : undefined;
  const visible =
    found &&
    owner &&
    (found.status === 'published' ||
      actor.role === 'admin' ||
      (actor.role === 'officer' && inSubtree(actor, owner.path)));
  if (!found || !owner || !visible) throw notFound('工作方案');
  const programme = (await programmeDefinitions(db, [found])).get(found.id)!;
  const planned = planTargetRows(programme.targets, owner, nodes);

  // Everything under the jurisdictions the rows name (normally the owner's subtree).
  const roots = [...new Set(planned.map((r) => nodes.get(r.code)?.path).filter((p): p is string => !!p))];
  const under: SQL = roots.length ? or(...roots.map((p) => sql`${jurisdictions.path} LIKE ${`${p}%`}`))! : sql`false`;
  const periods = targetPeriods(programme.targets);
  const built = await baseCounts(db, under, periods);
  const pipeline = await pipelineCounts(db, under);
  const adopters = await adopterCounts(db, under, periods);

  return {
    programmeId,
    programmeCode: found.code,
    programmeTitle: found.title,
    year: found.year,
    ownerJurisdictionCode: owner.code,
    ownerJurisdictionName: owner.name,
    asOf: today,
    rows: targetProgress(planned, nodes, periods, built, pipeline, today, adopters),
  };
}
