import type { CaseStepInput } from '../../../shared/schemas/rights-cases';
import type { RequestContext } from '../../context';
import { type Db, isUniqueViolation } from '../../db/client';
import { rightsCaseSteps } from '../../db/schema';
import { AppError } from '../../errors';
import { requireHandler } from '../rights/rights-access';
import { loadCase, requireOpenCase } from './case-access';
import { auditCase } from './case-audit';
import { ensureCaseFile } from './case-file';
import { getCase } from './get-case';
import { findGuide } from './guide-queries';

/** A handler marks a step of the guide done on an open case (结案 is marked by closing the case). */
export async function recordCaseStep(db: Db, ctx: RequestContext, clueId: string, input: CaseStepInput) {
  const loaded = await loadCase(db, ctx, clueId);
  requireHandler(ctx, loaded);
  requireOpenCase(loaded);
  if (input.step === 'close') throw new AppError('conflict', '“结案”步骤在结案时自动记录，请使用结案功能');
  if (input.completedOn > ctx.today || input.completedOn < loaded.clue.receivedOn)
    throw new AppError('validation_failed', '完成日期应在收到线索之日和今天之间', {
      fields: [{ path: 'completedOn', message: '完成日期应在收到线索之日和今天之间' }],
    });
  try {
    await db.transaction(async (tx) => {
      const file = await ensureCaseFile(tx, loaded.clue);
      const guide = (await findGuide(tx, file.guideId))!;
      if (!guide.definition.steps.some((s) => s.kind === input.step))
        throw new AppError('validation_failed', '办案指南中没有这个步骤', {
          fields: [{ path: 'step', message: '办案指南中没有这个步骤' }],
        });
      await tx.insert(rightsCaseSteps).values({ clueId, ...input, completedById: ctx.actor!.id });
      await auditCase(tx, ctx, loaded.clue, 'rights_case.step', { ...input });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'rights_case_steps_clue_id_step_pk'))
      throw new AppError('conflict', '该步骤已记录完成');
    throw error;
  }
  return getCase(db, ctx, clueId);
}
