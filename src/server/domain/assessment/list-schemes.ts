/** Assessment schemes a reader may see: those it manages (drafts too) and, once published, those assessing it. */
import { desc, eq } from 'drizzle-orm';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { assessmentSchemes, jurisdictions } from '../../db/schema';
import { forbidden, unauthenticated } from '../../errors';
import { managesScheme, schemeSummary } from './scheme-queries';

export async function listSchemes(db: Executor, ctx: RequestContext) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以查看评估考核');
  const rows = await db
    .select({ scheme: assessmentSchemes, ownerPath: jurisdictions.path, ownerName: jurisdictions.name })
    .from(assessmentSchemes)
    .innerJoin(jurisdictions, eq(jurisdictions.code, assessmentSchemes.ownerJurisdictionCode))
    .orderBy(desc(assessmentSchemes.year), assessmentSchemes.code);
  // Few schemes exist (one per bureau and year): deciding in code keeps the rule in one place (scheme-queries.ts).
  const items = rows.flatMap((row) => {
    const manages = managesScheme(actor, row);
    const assessed =
      row.scheme.status !== 'draft' &&
      actor.jurisdictionPath !== null &&
      actor.jurisdictionPath.startsWith(row.ownerPath) &&
      actor.jurisdictionPath !== row.ownerPath;
    return manages || assessed ? [schemeSummary(row, manages)] : [];
  });
  return { items, total: items.length };
}
