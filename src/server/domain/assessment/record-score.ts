/**
 * The assessing officer's points on a hand-scored indicator for one assessed bureau, with the note and evidence
 * (attachments) behind them: only while the assessment runs (published, results not yet), only on scored
 * indicators, never above the indicator's points. Re-scoring is version-guarded.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { AttachmentRef } from '../../../shared/schemas/ledger';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import type { Db } from '../../db/client';
import { assessmentScores } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { filesAt, requireCitable, uploadHolder } from '../attachments/attachment-holders';
import { readableScheme } from './scheme-queries';

export interface ScoreInput {
  jurisdictionCode: string;
  indicatorId: string;
  points: number;
  note: string;
  attachments: AttachmentRef[];
  /** The score's version when re-scoring; absent for the first score. */
  version?: number;
}

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', message, { fields: [{ path, message }] });

export async function recordScore(db: Db, ctx: RequestContext, id: string, input: ScoreInput) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const { row, manages, subjects } = await readableScheme(db, actor, id);
  if (!manages) throw forbidden('只有制定该方案的监管部门可以评分');
  if (row.scheme.status !== 'published') {
    throw new AppError(
      'invalid_transition',
      row.scheme.status === 'draft' ? '方案发布后才能评分' : '考核结果已公布，不能再评分',
    );
  }
  const indicator = row.scheme.definition.indicators.find((i) => i.id === input.indicatorId);
  if (!indicator) throw invalid('indicatorId', '方案中没有该考核指标');
  if (!('scored' in indicator)) throw invalid('indicatorId', '该指标由平台数据自动计算，不能人工评分');
  if (input.points > indicator.points) throw invalid('points', `得分不能超过该指标的分值（${indicator.points} 分）`);
  const subject = subjects.find((s) => s.code === input.jurisdictionCode);
  if (!subject) throw invalid('jurisdictionCode', '该辖区不是本方案的考核对象');
  const [existing] = await db
    .select({ attachments: assessmentScores.attachments })
    .from(assessmentScores)
    .where(
      and(
        eq(assessmentScores.schemeId, id),
        eq(assessmentScores.jurisdictionCode, subject.code),
        eq(assessmentScores.indicatorId, indicator.id),
      ),
    );
  await requireCitable(db, filesAt(input.attachments, 'attachments'), {
    holder: uploadHolder(actor),
    onRecord: filesAt(existing?.attachments, 'attachments'),
  });
  await db.transaction(async (tx) => {
    const values = {
      points: input.points,
      note: input.note,
      attachments: input.attachments,
      scoredById: actor.id,
      updatedAt: new Date(),
    };
    if (input.version === undefined) {
      const inserted = await tx
        .insert(assessmentScores)
        .values({ schemeId: id, jurisdictionCode: subject.code, indicatorId: indicator.id, ...values })
        .onConflictDoNothing()
        .returning({ id: assessmentScores.id });
      if (inserted.length === 0) throw new AppError('conflict', '该项已有评分，请刷新后修改');
    } else {
      const updated = await tx
        .update(assessmentScores)
        .set({ ...values, version: sql`${assessmentScores.version} + 1` })
        .where(
          and(
            eq(assessmentScores.schemeId, id),
            eq(assessmentScores.jurisdictionCode, subject.code),
            eq(assessmentScores.indicatorId, indicator.id),
            eq(assessmentScores.version, input.version),
          ),
        )
        .returning({ id: assessmentScores.id });
      if (updated.length === 0) throw new AppError('conflict', '评分已被他人更新，请刷新后重试');
    }
    await recordAudit(tx, ctx, {
      action: 'assessment.score',
      entityType: 'assessment',
      entityId: id,
      jurisdictionPath: subject.path,
      after: { jurisdictionCode: subject.code, indicatorId: indicator.id, points: input.points, note: input.note },
    });
  });
}
