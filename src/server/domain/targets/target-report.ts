/**
 * A programme's targets with what has been certified and what is under way, per jurisdiction (see
 * ./target-rollup.ts for what counts). For anyone logged in who may read the programme: published programmes are
 * public to accounts, drafts to those who manage them.
 */
import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { kindById } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { applications, bases, jurisdictions, standardAdoptions, units } from '../../db/schema';
import { notFound, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { listAllJurisdictions } from '../jurisdictions/jurisdiction-queries';
import { programmeDefinitions } from '../programmes/programme-definitions';
import { findProgramme } from '../programmes/programme-queries';
import { IN_PROGRESS, type PipelineApplication, planTargetRows, targetProgress } from './target-rollup';

export async function targetReport(db: Executor, ctx: RequestContext, programmeId: string, today: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const found = await findProgramme(db, programmeId);
  const visible =
    found &&
    (found.programme.status === 'published' ||
      actor.role === 'admin' ||
      (actor.role === 'officer' && inSubtree(actor, found.ownerPath)));
  if (!found || !visible) throw notFound('工作方案');
  const programme = found.programme.definition as Programme;
  const all = await listAllJurisdictions(db);
  const nodes = new Map(all.map((j) => [j.code, j]));
  const owner = nodes.get(found.programme.ownerJurisdictionCode)!;
  const planned = planTargetRows(programme.targets, owner, nodes);

  // Everything under the jurisdictions the rows name (normally the owner's subtree).
  const roots = [...new Set(planned.map((r) => nodes.get(r.code)?.path).filter((p): p is string => !!p))];
  const under: SQL = roots.length ? or(...roots.map((p) => sql`${jurisdictions.path} LIKE ${`${p}%`}`))! : sql`false`;
  const built = await db
    .select({
      path: jurisdictions.path,
      category: bases.category,
      level: bases.level,
      decidedOn: bases.decidedOn,
      revokedOn: bases.revokedOn,
    })
    .from(bases)
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .where(under);
  const pending = await db
    .select({
      path: jurisdictions.path,
      programmeId: applications.programmeId,
      kindId: applications.kindId,
      status: applications.status,
    })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(under, inArray(applications.status, [...IN_PROGRESS])));
  // The kind's category and level come from the application's own programme.
  const programmeIds = [...new Set(pending.map((a) => a.programmeId))];
  const definitions = await programmeDefinitions(db, programmeIds);
  const pipeline: PipelineApplication[] = pending.flatMap((a) => {
    const definition = definitions.get(a.programmeId);
    const kind = definition ? kindById(definition, a.kindId) : undefined;
    return kind ? [{ path: a.path, category: kind.category, level: kind.level, status: a.status }] : [];
  });

  const adopters = await db
    .select({ path: jurisdictions.path, status: standardAdoptions.status, decidedOn: standardAdoptions.decidedOn })
    .from(standardAdoptions)
    .innerJoin(units, eq(units.id, standardAdoptions.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(and(under, inArray(standardAdoptions.status, ['declared', 'confirmed'])));

  return {
    programmeId,
    programmeCode: found.programme.code,
    programmeTitle: found.programme.title,
    year: found.programme.year,
    ownerJurisdictionCode: owner.code,
    ownerJurisdictionName: owner.name,
    asOf: today,
    rows: targetProgress(
      planned,
      nodes,
      built,
      pipeline,
      today,
      adopters.map((a) => ({ ...a, status: a.status as 'declared' | 'confirmed' })),
    ),
  };
}
