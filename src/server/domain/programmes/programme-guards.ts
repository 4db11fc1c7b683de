import { BaseLevel } from '../../../core/programs/enums';
import type { ParseProgrammeResult, Programme } from '../../../core/programs/schema';
import { isCityOrAbove } from '../../../shared/enums';
import type { Actor, RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { can } from '../../policies';
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

/**
 * Officers manage programmes owned by their jurisdiction or below; admins all. A district or county bureau manages
 * district-level programmes only: every kind it offers is certified at 区县级 (a city-level base is the city's to
 * certify). `programme`: the document being imported or saved, when there is one.
 */
/** Whether the actor manages programmes at all (a bureau or an administrator); 403 otherwise. */
export function requireProgrammeManager(actor: Actor): void {
  if (!can(actor, 'programme.manage')) throw forbidden('只有监管部门可以管理工作方案');
}

export async function authoriseProgrammeOwner(
  db: Executor,
  ctx: RequestContext,
  ownerJurisdictionCode: string,
  programme?: Programme,
) {
  if (!ctx.actor) throw unauthenticated();
  if (!can(ctx.actor, 'programme.manage')) throw forbidden('只有监管部门可以管理工作方案');
  const owner = await findJurisdiction(db, ownerJurisdictionCode);
  if (!owner) {
    throw new AppError('validation_failed', '工作方案的发布辖区不存在', {
      fields: [{ path: 'ownerJurisdiction', message: '发布辖区不存在' }],
    });
  }
  if (!can(ctx.actor, 'programme.manage', { type: 'jurisdiction', path: owner.path }))
    throw forbidden('只能管理本辖区及下级辖区的工作方案');
  if (ctx.actor.role === 'officer' && !isCityOrAbove(ctx.actor.jurisdictionLevel) && programme) {
    const fields = programme.kinds
      .map((kind, index) => ({ kind, index }))
      .filter(({ kind }) => kind.level !== 'district')
      .map(({ kind, index }) => ({
        path: `kinds.${index}.level`,
        message: `区县监管部门只能发布区县级工作方案，“${kind.name}”的级别为${BaseLevel.labels[kind.level]}`,
      }));
    if (fields.length > 0) throw new AppError('forbidden', fields[0]!.message, { fields });
  }
  return owner;
}
