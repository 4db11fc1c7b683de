/**
 * Guards an application must pass before it is created, submitted or recommended. Each returns null (fine) or one
 * problem with a Chinese message safe to show. Pure: the caller loads the programme, the unit's applications and
 * revocations, and passes today's date ('YYYY-MM-DD', Asia/Shanghai).
 */
import dayjs from 'dayjs';
import { applicationStage, kindById } from '../programs/queries';
import type { DistrictReviewStage, Programme } from '../programs/schema';
import { parseAnswers } from '../rubric/answers';
import { evaluateRubric } from '../rubric/evaluate';
import type { MetricValues } from '../rubric/metrics';
import type { Rubric } from '../rubric/schema';
import { ApplicationStatus, isActiveStatus, statusesOnlyThrough } from './workflow';

export type GuardCode =
  | 'no_application_stage'
  | 'window_not_open'
  | 'window_closed'
  | 'active_application_exists'
  | 'reapply_banned'
  | 'quota_full'
  | 'invalid_answers'
  | 'self_assessment_incomplete';

export interface GuardProblem {
  code: GuardCode;
  message: string;
  /** The input field or rubric node the problem is about, when there is one. */
  field?: string;
}

/** '2023-05-31' → '2023年5月31日'. */
export function chineseDate(date: string): string {
  const d = dayjs(date);
  return `${d.year()}年${d.month() + 1}月${d.date()}日`;
}

// --- Window -----------------------------------------------------------------------------------------------------

/** The application stage's window: open from `opens` (if given) through `closes`, both days included. */
export function windowOpen(programme: Programme, today: string): GuardProblem | null {
  const stage = applicationStage(programme);
  if (!stage) return { code: 'no_application_stage', message: '本方案不接受申报' };
  const { opens, closes } = stage.schedule;
  if (opens && today < opens) {
    return { code: 'window_not_open', message: `申报尚未开始，${chineseDate(opens)}起可以申报` };
  }
  if (today > closes) return { code: 'window_closed', message: `申报已于${chineseDate(closes)}截止` };
  return null;
}

// --- One active application per unit, programme and kind --------------------------------------------------------

/**
 * `existing`: the unit's applications for the same programme and kind. Active means anything not withdrawn, not
 * recommended, failed or revoked — an approved or certified base counts, so a unit never holds two of a kind.
 */
export function noActiveApplication(
  existing: readonly { id?: string; status: ApplicationStatus }[],
): GuardProblem | null {
  const active = existing.find((a) => isActiveStatus(a.status));
  if (!active) return null;
  return {
    code: 'active_application_exists',
    message: `本单位已有同一方案、同一类型的申报（状态：${ApplicationStatus.labels[active.status]}），不能重复申报`,
  };
}

// --- Revocation ban (002 art. 15) -------------------------------------------------------------------------------

/** 002 art. 15: "被撤销称号的，两年内不得再次申报". Used when the programme states no period of its own. */
export const DEFAULT_REAPPLY_BAN_YEARS = 2;

/** The programme's ban period, or the default of 2 years. */
export function reapplyBanYears(programme: Programme): number {
  return programme.management?.revocation?.reapplyBanYears ?? DEFAULT_REAPPLY_BAN_YEARS;
}

/**
 * The first day a unit revoked on `revokedOn` may apply again. Periods follow the Civil Code (arts. 201–202): the
 * day of revocation is not counted, and the period ends on the corresponding day `years` later (the month's last
 * day when there is none, e.g. 29 February) — so the unit may apply from the day after that.
 */
export function mayReapplyFrom(revokedOn: string, years = DEFAULT_REAPPLY_BAN_YEARS): string {
  return dayjs(revokedOn).add(years, 'year').add(1, 'day').format('YYYY-MM-DD');
}

/** Refused while any revocation of the unit is within the ban period; the message says from when it may apply. */
export function revocationBan(
  revocations: readonly { revokedOn: string }[],
  today: string,
  years = DEFAULT_REAPPLY_BAN_YEARS,
): GuardProblem | null {
  const latest = revocations.reduce<string | null>((a, r) => (a === null || r.revokedOn > a ? r.revokedOn : a), null);
  if (latest === null || years === 0) return null;
  const from = mayReapplyFrom(latest, years);
  if (today >= from) return null;
  return {
    code: 'reapply_banned',
    message: `本单位于${chineseDate(latest)}被撤销示范基地称号，${years}年内不得再次申报，可于${chineseDate(from)}起再次申报`,
  };
}

// --- Recommendation quota (004: the best 3 points and 1 zone) ---------------------------------------------------

function districtReview(programme: Programme): DistrictReviewStage | undefined {
  return programme.stages.find((s): s is DistrictReviewStage => s.kind === 'district_review');
}

/** How many of this kind a district may recommend; null when the programme sets no limit. */
export function quotaFor(programme: Programme, kindId: string): number | null {
  return districtReview(programme)?.quota?.find((q) => q.kind === kindId)?.count ?? null;
}

/**
 * Statuses in which an application holds one of its district's recommendation slots: recommended, and every status
 * only a recommended application can reach (derived from the transition table, so a new stage's statuses follow) —
 * under acceptance, passed or failed, in publicity, approved or not, certified, revoked. Moving on never frees a
 * slot: the quota limits how many candidates the district puts forward to the city, and one the city then failed
 * or did not approve was put forward all the same (were its slot freed, a district could recommend again after each
 * failure and send more than its quota into the city's selection). A withdrawn application holds none: its
 * applicant gave up before the city decided, so the district may put forward its next-best candidate — and
 * `withdrawn` is reached before recommendation too, so that status alone could not tell.
 */
export const QUOTA_HOLDING_STATUSES: readonly ApplicationStatus[] = statusesOnlyThrough('district_recommended');

/** Refused when the district has already recommended its quota of this kind for this programme. */
export function recommendationQuota(
  programme: Programme,
  kindId: string,
  recommendedCount: number,
): GuardProblem | null {
  const quota = quotaFor(programme, kindId);
  if (quota === null || recommendedCount < quota) return null;
  const name = kindById(programme, kindId)?.name ?? kindId;
  return {
    code: 'quota_full',
    message: `本辖区已推荐${name} ${recommendedCount} 个，已达推荐名额（${quota} 个），不能再推荐`,
  };
}

export interface QuotaCandidate {
  id: string;
  /** The district's score (004: against annexes 4–5). */
  score: number;
  /** When the application was submitted (ISO 8601); the earlier wins a tie. */
  submittedAt: string;
}

export type RankedCandidate<T extends QuotaCandidate> = T & { rank: number; withinQuota: boolean };

/**
 * Best first: higher score, then earlier submission (then id, so the order is total). Ranks are positions 1…n;
 * the first `quota` are within it (all of them when quota is null).
 */
export function rankForQuota<T extends QuotaCandidate>(
  candidates: readonly T[],
  quota: number | null,
): RankedCandidate<T>[] {
  const time = (c: T) => dayjs(c.submittedAt).valueOf();
  return [...candidates]
    .sort((a, b) => b.score - a.score || time(a) - time(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c, i) => ({ ...c, rank: i + 1, withinQuota: quota === null || i < quota }));
}

// --- Self-assessment complete -----------------------------------------------------------------------------------

const MAX_LISTED = 3;

/**
 * Every scored item (bonus items are optional: not claiming a bonus is an answer) has a score, and every checklist
 * requirement is answered "符合/不符合" — unless the platform's data decides it (`auto` nodes, failed gates), so pass
 * the same metric values as for the self-assessment.
 */
export function selfAssessmentComplete(
  rubric: Rubric,
  answers: unknown,
  metrics: MetricValues = {},
): GuardProblem | null {
  const parsed = parseAnswers(rubric, answers);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    return { code: 'invalid_answers', message: `自评答案有误：${first?.message ?? ''}`, field: first?.path };
  }
  const result = evaluateRubric(rubric, parsed.answers, metrics);
  const missing =
    result.form === 'scored'
      ? result.indicators.flatMap((i) => i.items).filter((i) => i.decidedBy === null)
      : result.conditions.flatMap((c) => c.requirements).filter((r) => r.status === 'unanswered');
  if (missing.length === 0) return null;
  const listed = missing
    .slice(0, MAX_LISTED)
    .map((n) => `“${n.text.length > 20 ? `${n.text.slice(0, 20)}…` : n.text}”`)
    .join('、');
  const more = missing.length > MAX_LISTED ? '等' : '';
  return {
    code: 'self_assessment_incomplete',
    message: `自评尚未完成：还有 ${missing.length} 项未作答（${listed}${more}）`,
    field: missing[0]?.id,
  };
}
