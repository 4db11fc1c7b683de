/**
 * The annual review of a base (年度复核, 动态管理) by the bureau that certified it (officers of the programme's
 * owning jurisdiction or above; administrators). The programme's maintenance conditions are judged first — those
 * the platform can decide from its data it decides, the officer judges the rest — and the outcome must agree with
 * them: a base that fails a condition cannot pass. The outcome is pass, rectification by a deadline (整改), or
 * revocation, which is taken here through the application's `revoke` action (grounds of 002 art. 15, document,
 * date; the public registry, the plaque page and the 2-year ban follow from it) in the review's transaction.
 */
import { eq } from 'drizzle-orm';
import { chineseDate } from '../../../core/applications/guards';
import type { JudgedCondition } from '../../../core/programs/maintenance';
import { ReviewOutcome } from '../../../shared/enums-oversight';
import type { RevocationInput } from '../../../shared/schemas/application';
import type { AnnualReviewInput } from '../../../shared/schemas/oversight';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Db, type Executor, isUniqueViolation } from '../../db/client';
import { annualReviews, applications, users } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { transitionApplication } from '../applications/transition-application';
import { notifyUsers } from '../notifications/notify';
import { findBase, keepsBase, type RegistryRow } from '../registry/registry-queries';
import { checkMaintenance, reviewAsOf } from './maintenance-check';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

/** The base a keeper may review or follow up: found, kept by the actor, not revoked. */
export async function keptActiveBase(db: Executor, ctx: RequestContext, certificateNo: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const row = await findBase(db, certificateNo);
  if (!row) throw notFound('示范基地');
  if (!keepsBase(actor, row)) throw forbidden('只有认定该示范基地的监管部门可以进行年度复核和整改验收');
  if (row.base.revokedOn) {
    throw new AppError('invalid_transition', `该示范基地已于${chineseDate(row.base.revokedOn)}被撤销认定`);
  }
  return row;
}

/** The officer's judgements merged into the conditions; every condition the data cannot decide must be judged. */
export function applyJudgments(
  conditions: JudgedCondition[],
  judgments: AnnualReviewInput['judgments'],
): JudgedCondition[] {
  const byId = new Map(judgments.map((j) => [j.id, j.met]));
  const known = new Set(conditions.map((c) => c.id));
  const stray = judgments.find((j) => !known.has(j.id));
  if (stray) throw invalid('judgments', `复核条件“${stray.id}”不属于该示范基地的复核条件`);
  const judged = conditions.map((c) => {
    if (c.computed) return c;
    const met = byId.get(c.id);
    return met === undefined ? c : { ...c, status: met ? ('met' as const) : ('not_met' as const) };
  });
  const open = judged.filter((c) => c.status === 'unknown');
  if (open.length > 0) {
    throw invalid('judgments', `请逐项判断以下复核条件：${open.map((c) => c.text).join('；')}`);
  }
  return judged;
}

/** Revokes the base's certification through the application's one guarded state change, in the caller's tx. */
export async function revokeThroughApplication(
  tx: Executor,
  ctx: RequestContext,
  row: RegistryRow,
  revocation: RevocationInput,
  comment: string,
  today: string,
) {
  const [application] = await tx
    .select({ version: applications.version })
    .from(applications)
    .where(eq(applications.id, row.base.applicationId));
  // Drizzle runs a nested transaction as a savepoint: the revocation commits or fails with the review.
  await transitionApplication(
    tx as Db,
    ctx,
    row.base.applicationId,
    { action: 'revoke', version: application!.version, comment, revocation },
    today,
  );
}

export async function notifyUnit(tx: Executor, unitId: string, message: { title: string; body: string }) {
  const members = await tx
    .select({ id: users.id, disabled: users.disabled })
    .from(users)
    .where(eq(users.unitId, unitId));
  await notifyUsers(
    tx,
    members.filter((m) => !m.disabled).map((m) => m.id),
    message,
  );
}

export async function recordReview(
  db: Db,
  ctx: RequestContext,
  certificateNo: string,
  input: AnnualReviewInput,
  today: string,
): Promise<void> {
  const row = await keptActiveBase(db, ctx, certificateNo);
  const base = row.base;
  const decidedYear = Number(base.decidedOn.slice(0, 4));
  const currentYear = Number(today.slice(0, 4));
  if (input.year < decidedYear || input.year > currentYear) {
    throw invalid('year', `复核年度应在${decidedYear}年至${currentYear}年之间`);
  }
  if (input.outcome !== 'rectify' && input.rectifyBy) throw invalid('rectifyBy', '只有限期整改才需填写整改期限');
  if (input.outcome !== 'revoke' && input.revocation) throw invalid('revocation', '只有撤销认定才需填写撤销信息');
  if (input.outcome === 'rectify') {
    if (!input.rectifyBy) throw invalid('rectifyBy', '请填写整改期限');
    if (input.rectifyBy <= today) throw invalid('rectifyBy', `整改期限应晚于今天（${chineseDate(today)}）`);
  }
  if (input.outcome === 'revoke' && !input.revocation) {
    throw invalid('revocation', '请填写撤销认定的情形、日期和撤销文号');
  }
  const { conditions } = await checkMaintenance(db, row, reviewAsOf(input.year, today));
  const judged = applyJudgments(conditions, input.judgments);
  const failing = judged.filter((c) => c.status === 'not_met');
  if (input.outcome === 'pass' && failing.length > 0) {
    throw invalid('outcome', `以下复核条件不符合，不能复核通过：${failing.map((c) => c.text).join('；')}`);
  }
  try {
    await db.transaction(async (tx) => {
      const [review] = await tx
        .insert(annualReviews)
        .values({
          baseId: base.id,
          year: input.year,
          outcome: input.outcome,
          findings: input.findings,
          conditions: judged,
          reviewedOn: today,
          rectifyBy: input.rectifyBy ?? null,
          recordedById: ctx.actor!.id,
        })
        .returning({ id: annualReviews.id });
      await recordAudit(tx, ctx, {
        action: 'base.review',
        entityType: 'base',
        entityId: base.id,
        unitId: base.unitId,
        jurisdictionPath: row.jurisdictionPath,
        after: {
          reviewId: review!.id,
          certificateNo,
          year: input.year,
          outcome: input.outcome,
          outcomeLabel: ReviewOutcome.labels[input.outcome],
          rectifyBy: input.rectifyBy ?? null,
          notMet: failing.map((c) => c.id),
        },
      });
      if (input.outcome === 'rectify') {
        await notifyUnit(tx, base.unitId, {
          title: `${input.year}年度复核：限期整改`,
          body: `贵单位的“${base.title}”${input.year}年度复核结论为限期整改，请于${chineseDate(input.rectifyBy!)}前完成整改。复核情况：${input.findings}`,
        });
      } else if (input.outcome === 'pass') {
        await notifyUnit(tx, base.unitId, {
          title: `${input.year}年度复核：通过`,
          body: `贵单位的“${base.title}”${input.year}年度复核已通过。`,
        });
      } else {
        await revokeThroughApplication(
          tx,
          ctx,
          row,
          input.revocation!,
          `${input.year}年度复核：${input.findings}`,
          today,
        );
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, 'annual_reviews_base_year_idx')) {
      throw new AppError('duplicate', `该示范基地${input.year}年度已复核`);
    }
    throw error;
  }
}
