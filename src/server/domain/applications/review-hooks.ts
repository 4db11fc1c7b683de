/**
 * Hooks of the applicant's and the district's actions: submitting (window, ban, a complete form and
 * self-assessment), returning for more material (a reason), recommending (scored first when the programme says so,
 * within the quota and the ranking) and not recommending (an opinion).
 */
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type FormValues, formProblems } from '../../../core/applications/form';
import {
  type GuardProblem,
  QUOTA_HOLDING_STATUSES,
  quotaFor,
  rankForQuota,
  reapplyBanYears,
  recommendationQuota,
  revocationBan,
  selfAssessmentComplete,
  windowOpen,
} from '../../../core/applications/guards';
import { formForKind, rubricForKind } from '../../../core/programs/queries';
import type { Executor } from '../../db/client';
import { applications, bases, programmes, units } from '../../db/schema';
import { AppError } from '../../errors';
import { unitMetrics } from '../self-assessments/unit-metrics';
import type { ActionHook, ActionHookContext } from './action-hooks';

export function refuse(problem: GuardProblem | null): void {
  if (!problem) return;
  throw new AppError('invalid_transition', problem.message, {
    ...(problem.field ? { fields: [{ path: problem.field, message: problem.message }] } : {}),
    details: { reason: problem.code },
  });
}

export function requireComment({ input }: ActionHookContext, what: string): string {
  if (!input.comment) {
    throw new AppError('validation_failed', `请填写${what}`, {
      fields: [{ path: 'comment', message: `请填写${what}` }],
    });
  }
  return input.comment;
}

/** The unit's revocations, for the 2-year ban. */
export async function revocationsOf(db: Executor, unitId: string) {
  const rows = await db
    .select({ revokedOn: bases.revokedOn })
    .from(bases)
    .where(and(eq(bases.unitId, unitId), isNotNull(bases.revokedOn)));
  return rows.map((r) => ({ revokedOn: r.revokedOn! }));
}

export const submitHook: ActionHook = {
  async check({ tx, found, today }) {
    const { programme, application } = found;
    refuse(windowOpen(programme, today));
    refuse(revocationBan(await revocationsOf(tx, application.unitId), today, reapplyBanYears(programme)));
    await requireComplete(tx, found, today);
  },
  columns: () => ({ submittedAt: new Date() }),
};

export const resubmitHook: ActionHook = {
  check: ({ tx, found, today }) => requireComplete(tx, found, today),
};

async function requireComplete(tx: Executor, found: ActionHookContext['found'], today: string) {
  const { programme, application } = found;
  const form = formForKind(programme, application.kindId);
  const problems = form ? formProblems(form, application.formData as FormValues, true) : [];
  if (problems.length > 0) {
    throw new AppError('validation_failed', `申报表尚未填写完整：${problems[0]!.message}`, { fields: problems });
  }
  const rubric = rubricForKind(programme, application.kindId)!;
  refuse(
    selfAssessmentComplete(
      rubric,
      application.answers,
      await unitMetrics(tx, application.unitId, {
        asOf: today,
        programme: { id: application.programmeId, definition: programme },
      }),
    ),
  );
}

export const returnHook: ActionHook = {
  check: async (hook) => void requireComment(hook, '退回原因（需补充的材料）'),
  columns: ({ input }) => ({ returnReason: input.comment }),
};

export const notRecommendHook: ActionHook = {
  check: async (hook) => void requireComment(hook, '不予推荐的意见'),
  columns: ({ input }) => ({ districtOpinion: input.comment }),
};

export const rejectHook: ActionHook = {
  check: async (hook) => void requireComment(hook, '不予认定的理由'),
};

export const recommendHook: ActionHook = {
  async check({ tx, found }) {
    const { programme, application } = found;
    const review = programme.stages.find((s) => s.kind === 'district_review');
    if (review?.kind === 'district_review' && review.scoring && application.districtScore === null) {
      throw new AppError('invalid_transition', '请先按评价标准完成审核评分，再作推荐', {
        details: { reason: 'not_scored' },
      });
    }
    const quota = quotaFor(programme, application.kindId);
    if (quota === null) return;
    // Two recommendations of different applications in the same district would each lock only their own row, both
    // count the same slots and both pass: serialise them on the quota group before counting. The lock is released
    // at commit, after which the next one counts this one (each statement reads what is committed).
    await lockQuotaGroup(tx, found);
    const { recommended, ranked } = await districtRanking(tx, found);
    refuse(recommendationQuota(programme, application.kindId, recommended));
    const mine = ranked.find((r) => r.id === application.id);
    if (mine && !mine.withinQuota) {
      throw new AppError(
        'invalid_transition',
        `本申报在本辖区同类申报中评分排名第 ${mine.rank} 位，推荐名额为 ${quota} 个，只能推荐排名靠前者`,
        { details: { reason: 'below_quota_rank', rank: mine.rank, quota } },
      );
    }
  },
  columns: ({ input, found }) => ({ districtOpinion: input.comment ?? found.application.districtOpinion }),
};

/**
 * A transaction-scoped advisory lock on one quota group: the programme (by code — every version shares one quota,
 * as applications of an older version stay live beside a newer one), the recommending district (the applicant
 * units' jurisdiction, as `districtRanking` groups them) and the kind the quota counts. Works on PGlite and
 * PostgreSQL alike (src/server/domain/registry/certificate-number.ts); a hash collision only serialises two
 * unrelated groups.
 */
async function lockQuotaGroup(tx: Executor, found: ActionHookContext['found']) {
  const { application } = found;
  const key = `shangmi:quota:${found.programmeCode}:${found.unitJurisdictionCode}:${application.kindId}`;
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * The district's candidates for the same programme (any version) and kind — submitted, or holding a slot (recommended or moved on
 * beyond it: QUOTA_HOLDING_STATUSES), with a district score — best first, with the quota and how many slots are
 * used already. Those that moved on stay in the ranking, so it reads the same before and after the city takes over.
 */
export async function districtRanking(db: Executor, found: ActionHookContext['found']) {
  const { programme, application } = found;
  const quota = quotaFor(programme, application.kindId);
  const peers = await db
    .select({
      id: applications.id,
      status: applications.status,
      score: applications.districtScore,
      submittedAt: applications.submittedAt,
      unitName: units.name,
    })
    .from(applications)
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .where(
      and(
        eq(programmes.code, found.programmeCode),
        eq(applications.kindId, application.kindId),
        eq(units.jurisdictionCode, found.unitJurisdictionCode),
        inArray(applications.status, ['submitted', ...QUOTA_HOLDING_STATUSES]),
      ),
    );
  const recommended = peers.filter((p) => QUOTA_HOLDING_STATUSES.includes(p.status)).length;
  const ranked = rankForQuota(
    peers
      .filter((p) => p.score !== null)
      .map((p) => ({ ...p, score: p.score!, submittedAt: (p.submittedAt ?? new Date(0)).toISOString() })),
    quota,
  );
  return { quota, recommended, ranked };
}
