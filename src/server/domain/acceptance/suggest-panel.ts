/**
 * Suggested members for an application's acceptance panel (the owning bureau, an administrator): acceptance experts
 * of the registries the officer sees who could be assigned now — active, with a login, not unavailable, not already
 * on (or recused from) this panel — ranked by industry and field match with the applicant, spread of organisations
 * and current load (src/core/people/panel-suggestions.ts), each with its reasons in Chinese. Anyone with a declared
 * or detected conflict of interest (the check `assignExpert` applies) is left out, and listed apart with the conflict.
 */
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { fieldsCalledFor, rankCandidates } from '../../../core/people/panel-suggestions';
import { bureauIndustriesFor } from '../../../shared/data/bureau-industries';
import { INDUSTRY_DIVISIONS, industryLabel } from '../../../shared/data/industries';
import { ExpertField } from '../../../shared/enums';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { applications, experts, panelAssignments } from '../../db/schema';
import { unauthenticated } from '../../errors';
import { blockingConflicts, describeConflict } from '../experts/conflict-check';
import { queryExperts } from '../experts/expert-queries';
import { loadForAcceptance, requireManager, requireUnderAcceptance } from './panel-access';

/** How many suggestions are returned. */
const LIMIT = 10;

export async function suggestPanel(db: Executor, ctx: RequestContext, applicationId: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const panel = await loadForAcceptance(db, actor, applicationId);
  requireManager(panel, '查看验收专家推荐');
  const { found } = panel;
  requireUnderAcceptance(found, '推荐验收专家');

  const seated = await db
    .select({
      expertId: panelAssignments.expertId,
      recusedAt: panelAssignments.recusedAt,
      affiliation: experts.affiliation,
      fields: experts.fields,
    })
    .from(panelAssignments)
    .innerJoin(experts, eq(experts.id, panelAssignments.expertId))
    .where(eq(panelAssignments.applicationId, applicationId));
  const taken = new Set(seated.map((s) => s.expertId));
  const pool = (await queryExperts(db, actor, { role: 'acceptance_expert', active: 'true' })).filter(
    (e) => !taken.has(e.id) && e.userId !== null && e.availability !== 'unavailable',
  );

  const ids = pool.map((e) => e.id);
  const loads = ids.length
    ? await db
        .select({ expertId: panelAssignments.expertId, open: count() })
        .from(panelAssignments)
        .innerJoin(applications, eq(applications.id, panelAssignments.applicationId))
        .where(
          and(
            inArray(panelAssignments.expertId, ids),
            isNull(panelAssignments.recusedAt),
            eq(applications.status, 'under_acceptance'),
          ),
        )
        .groupBy(panelAssignments.expertId)
    : [];
  const loadOf = new Map(loads.map((l) => [l.expertId, Number(l.open)]));

  const eligible: typeof pool = [];
  const excluded: { expertId: string; name: string; affiliation: string; conflicts: string[] }[] = [];
  // Sequential: one connection may be a transaction's.
  for (const expert of pool) {
    const conflicts = await blockingConflicts(db, expert, found.application.unitId);
    if (conflicts.length > 0) {
      excluded.push({
        expertId: expert.id,
        name: expert.name,
        affiliation: expert.affiliation,
        conflicts: conflicts.map(describeConflict),
      });
    } else {
      eligible.push(expert);
    }
  }

  const division = found.unitIndustryCode;
  const localMatches = new Map(
    bureauIndustriesFor(found.unitPath)
      .filter((i) => i.divisions.includes(division))
      .map((i) => [i.code, i.name]),
  );
  const ranked = rankCandidates(
    eligible.map((e) => ({ ...e, openAssignments: loadOf.get(e.id) ?? 0 })),
    {
      unitIndustry: { code: division, name: INDUSTRY_DIVISIONS.find((d) => d.code === division)?.name ?? division },
      localMatches,
      wantedFields: fieldsCalledFor(division),
      panel: seated.filter((s) => s.recusedAt === null),
      fieldLabel: (f) => ExpertField.labels[f as ExpertField] ?? f,
    },
  ).slice(0, LIMIT);
  const byId = new Map(eligible.map((e) => [e.id, e]));
  return {
    applicationId,
    unitName: found.unitName,
    unitIndustry: industryLabel(division) ?? division,
    items: ranked.map((r) => {
      const e = byId.get(r.id)!;
      return {
        expertId: e.id,
        name: e.name,
        affiliation: e.affiliation,
        profession: e.profession,
        fields: e.fields,
        jurisdictionName: e.jurisdictionName,
        openAssignments: loadOf.get(e.id) ?? 0,
        score: r.score,
        reasons: r.reasons.map((x) => x.text),
      };
    }),
    excluded,
  };
}
