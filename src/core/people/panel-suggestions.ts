/**
 * Ranking candidates for an acceptance panel, pure: by industry and field match with the applicant, spread of
 * organisations across the panel, and current load. Conflicted people never reach this function (the caller
 * drops them first); the ranking explains itself with one Chinese reason per point given or taken.
 */

export interface Candidate {
  id: string;
  name: string;
  affiliation: string;
  /** All fields (codes) the person covers. */
  fields: readonly string[];
  /** GB/T 4754 divisions. */
  industries: readonly string[];
  /** Codes of bureau industry lists. */
  localIndustries: readonly string[];
  availability: 'available' | 'limited' | 'unavailable';
  availabilityNote: string | null;
  /** Sitting assignments on applications still under acceptance. */
  openAssignments: number;
}

export interface SuggestionContext {
  /** The applicant's GB/T 4754 division and its name. */
  unitIndustry: { code: string; name: string };
  /** The bureau industries (code → name) whose divisions include the applicant's. */
  localMatches: ReadonlyMap<string, string>;
  /** Fields a panel for this applicant should cover (see `fieldsCalledFor`). */
  wantedFields: readonly string[];
  /** The experts sitting on the panel now. */
  panel: readonly { affiliation: string; fields: readonly string[] }[];
  fieldLabel: (field: string) => string;
}

export interface Suggestion {
  id: string;
  score: number;
  reasons: { points: number; text: string }[];
}

/** Scores, one place (what a point is worth). */
export const WEIGHTS = {
  industry: 3,
  localIndustry: 2,
  missingField: 2,
  otherOrganisation: 1,
  sameOrganisation: -3,
  idle: 1,
  perOpenAssignment: -1,
  maxLoadPenalty: -3,
  limited: -1,
} as const;

/** GB/T 4754 divisions of information technology: a panel there wants an IT expert too. */
const IT_DIVISIONS = new Set(['39', '63', '64', '65']);

/** Every panel wants law and industry practice; IT firms information technology as well. */
export function fieldsCalledFor(division: string): string[] {
  return IT_DIVISIONS.has(division) ? ['law', 'it', 'industry'] : ['law', 'industry'];
}

const normalise = (name: string) => name.replace(/\s+/g, '').replace(/[（）()]/g, '');

export function rankCandidates(candidates: readonly Candidate[], ctx: SuggestionContext): Suggestion[] {
  const covered = new Set(ctx.panel.flatMap((m) => m.fields));
  const missing = ctx.wantedFields.filter((f) => !covered.has(f));
  const organisations = new Set(ctx.panel.map((m) => normalise(m.affiliation)));
  const ranked = candidates
    .filter((c) => c.availability !== 'unavailable')
    .map((c) => {
      const reasons: Suggestion['reasons'] = [];
      if (c.industries.includes(ctx.unitIndustry.code)) {
        reasons.push({ points: WEIGHTS.industry, text: `熟悉申报单位所属行业（${ctx.unitIndustry.name}）` });
      }
      const local = c.localIndustries
        .filter((code) => ctx.localMatches.has(code))
        .map((code) => ctx.localMatches.get(code)!);
      if (local.length > 0) {
        reasons.push({ points: WEIGHTS.localIndustry, text: `属本地${local.join('、')}产业人才，与申报单位行业相符` });
      }
      const fills = missing.filter((f) => c.fields.includes(f));
      if (fills.length > 0) {
        reasons.push({
          points: WEIGHTS.missingField,
          text: `可补足验收组尚缺的领域：${fills.map(ctx.fieldLabel).join('、')}`,
        });
      }
      if (organisations.has(normalise(c.affiliation))) {
        reasons.push({ points: WEIGHTS.sameOrganisation, text: `与验收组现有专家同属${c.affiliation}` });
      } else if (organisations.size > 0) {
        reasons.push({ points: WEIGHTS.otherOrganisation, text: '与验收组现有专家来自不同单位' });
      }
      if (c.openAssignments === 0) {
        reasons.push({ points: WEIGHTS.idle, text: '目前没有在办的验收任务' });
      } else {
        reasons.push({
          points: Math.max(WEIGHTS.maxLoadPenalty, WEIGHTS.perOpenAssignment * c.openAssignments),
          text: `目前有 ${c.openAssignments} 件在办的验收任务`,
        });
      }
      if (c.availability === 'limited') {
        reasons.push({
          points: WEIGHTS.limited,
          text: c.availabilityNote ? `本人时间有限（${c.availabilityNote}）` : '本人时间有限',
        });
      }
      return { candidate: c, score: reasons.reduce((sum, r) => sum + r.points, 0), reasons };
    });
  ranked.sort(
    (a, b) =>
      b.score - a.score ||
      a.candidate.openAssignments - b.candidate.openAssignments ||
      a.candidate.name.localeCompare(b.candidate.name, 'zh-CN') ||
      a.candidate.id.localeCompare(b.candidate.id),
  );
  return ranked.map(({ candidate, score, reasons }) => ({ id: candidate.id, score, reasons }));
}
