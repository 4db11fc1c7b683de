/**
 * Importing an assessment scheme (a draft; every problem listed, nothing written unless all is valid), publishing it
 * (fixed from then on: a database trigger refuses any change of its content) and publishing its results. Each
 * state change is version-guarded (409 to the second of two) and audited in its transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { type AssessmentScheme, parseAssessmentScheme } from '../../../core/assessment/schema';
import { readYamlObject } from '../../../core/programs/load';
import type { AssessmentStatus } from '../../../shared/enums-assessment';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { assessmentSchemes, assessmentScores, jurisdictions } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { readableScheme } from './scheme-queries';

export async function importScheme(db: Executor, ctx: RequestContext, yaml: string) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== 'officer' && actor.role !== 'admin') throw forbidden('只有监管部门可以导入评估考核方案');
  const read = readYamlObject(yaml);
  const parsed = read.ok ? parseAssessmentScheme(read.value) : read;
  if (!parsed.ok) {
    const fields = parsed.problems.map((p) => ({ path: p.path, message: p.message }));
    const shown = fields.slice(0, 3).map((f) => (f.path ? `${f.path}：${f.message}` : f.message));
    throw new AppError(
      'validation_failed',
      `评估考核方案有 ${fields.length} 处问题：${shown.join('；')}${fields.length > 3 ? '……' : ''}`,
      { fields },
    );
  }
  const scheme = parsed.scheme;
  const [owner] = await db
    .select({ path: jurisdictions.path })
    .from(jurisdictions)
    .where(eq(jurisdictions.code, scheme.ownerJurisdiction));
  if (!owner) {
    throw new AppError('validation_failed', `辖区“${scheme.ownerJurisdiction}”不存在`, {
      fields: [{ path: 'ownerJurisdiction', message: '辖区不存在' }],
    });
  }
  if (!(actor.role === 'admin' || inSubtree(actor, owner.path))) {
    throw forbidden('只能导入本辖区及下级辖区的评估考核方案');
  }
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(assessmentSchemes)
        .values({
          code: scheme.code,
          ownerJurisdictionCode: scheme.ownerJurisdiction,
          year: scheme.year,
          title: scheme.title,
          definition: scheme,
          createdById: actor.id,
        })
        .returning({ id: assessmentSchemes.id });
      await recordAudit(tx, ctx, {
        action: 'assessment.import',
        entityType: 'assessment',
        entityId: row!.id,
        jurisdictionPath: owner.path,
        after: { code: scheme.code, year: scheme.year, title: scheme.title },
      });
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'assessment_schemes_code_idx')) {
      throw new AppError('duplicate', `方案代码“${scheme.code}”已存在`, {
        fields: [{ path: 'code', message: '方案代码已存在' }],
      });
    }
    throw error;
  }
}

const NEXT: Record<'publish' | 'publish_results', { from: AssessmentStatus; to: AssessmentStatus; label: string }> = {
  publish: { from: 'draft', to: 'published', label: '发布' },
  publish_results: { from: 'published', to: 'results_published', label: '公布结果' },
};

export async function advanceScheme(
  db: Executor,
  ctx: RequestContext,
  id: string,
  step: keyof typeof NEXT,
  version: number,
  /** Publish the results although hand-scored indicators are unscored (they then count 0 points). */
  allowPending = false,
) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  const { row, manages, subjects } = await readableScheme(db, actor, id);
  if (!manages) throw forbidden('只有制定该方案的监管部门可以操作');
  const { from, to, label } = NEXT[step];
  if (row.scheme.status !== from) throw new AppError('invalid_transition', `方案当前状态不能${label}`);
  if (step === 'publish_results' && !allowPending) {
    const pending = await pendingScores(db, row.scheme.definition, id, subjects);
    if (pending.length > 0) {
      throw new AppError(
        'scores_pending',
        `尚有 ${pending.length} 项人工评分未完成：${pending
          .map((p) => `${p.jurisdictionName}“${p.indicatorText}”`)
          .join('、')}。请先评分，或确认按未评分计 0 分后仍然公布`,
        { details: { pending } },
      );
    }
  }
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(assessmentSchemes)
      .set({
        status: to,
        ...(step === 'publish' ? { publishedAt: new Date() } : { resultsPublishedAt: new Date() }),
        version: sql`${assessmentSchemes.version} + 1`,
      })
      .where(
        and(eq(assessmentSchemes.id, id), eq(assessmentSchemes.version, version), eq(assessmentSchemes.status, from)),
      )
      .returning({ id: assessmentSchemes.id });
    if (updated.length === 0) throw new AppError('conflict', '方案已被他人更新，请刷新后重试');
    await recordAudit(tx, ctx, {
      action: step === 'publish' ? 'assessment.publish' : 'assessment.publish_results',
      entityType: 'assessment',
      entityId: id,
      jurisdictionPath: row.ownerPath,
      before: { status: from },
      after: { status: to },
    });
  });
}

/** The hand-scored indicators of each assessed bureau that have no score yet. */
async function pendingScores(
  db: Executor,
  scheme: AssessmentScheme,
  schemeId: string,
  subjects: readonly { code: string; name: string }[],
) {
  const scored = new Set(
    (
      await db
        .select({ code: assessmentScores.jurisdictionCode, indicatorId: assessmentScores.indicatorId })
        .from(assessmentScores)
        .where(eq(assessmentScores.schemeId, schemeId))
    ).map((s) => `${s.code}|${s.indicatorId}`),
  );
  return subjects.flatMap((subject) =>
    scheme.indicators
      .filter((i) => 'scored' in i && !scored.has(`${subject.code}|${i.id}`))
      .map((i) => ({
        jurisdictionCode: subject.code,
        jurisdictionName: subject.name,
        indicatorId: i.id,
        indicatorText: i.text,
      })),
  );
}
