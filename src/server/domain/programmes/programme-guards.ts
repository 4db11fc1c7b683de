import type { ParseProgrammeResult, Programme } from '../../../core/programs/schema';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { can, inSubtree } from '../../policies';
import { findJurisdiction } from '../units/unit-references';

/** A parsed programme or a 400 listing every problem with its path. */
export function requireValidProgramme(result: ParseProgrammeResult): Programme {
  if (result.ok) return result.programme;
  const fields = result.problems.map((p) => ({ path: p.path, message: p.message }));
  throw new AppError(
    'validation_failed',
    `工作方案有 ${fields.length} 处问题：${fields
      .slice(0, 3)
      .map((f) => `${f.path}：${f.message}`)
      .join('；')}${fields.length > 3 ? '……' : ''}`,
    { fields },
  );
}

/** City-level officers (and higher) manage programmes owned by their jurisdiction or below; admins all. */
export async function authoriseProgrammeOwner(db: Executor, ctx: RequestContext, ownerJurisdictionCode: string) {
  if (!ctx.actor) throw unauthenticated();
  if (!can(ctx.actor, 'programme.manage')) throw forbidden('只有市级及以上监管部门可以管理工作方案');
  const owner = await findJurisdiction(db, ownerJurisdictionCode);
  if (!owner) {
    throw new AppError('validation_failed', '工作方案的发布辖区不存在', {
      fields: [{ path: 'ownerJurisdiction', message: '发布辖区不存在' }],
    });
  }
  if (ctx.actor.role !== 'admin' && !inSubtree(ctx.actor, owner.path))
    throw forbidden('只能管理本辖区及下级辖区的工作方案');
  return owner;
}
