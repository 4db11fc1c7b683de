import { type CaseGuide, parseCaseGuide, parseCaseGuideYaml } from '../../../core/case-guides/schema';
import { isCityOrAbove } from '../../../shared/enums';
import { recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Executor, isUniqueViolation } from '../../db/client';
import { rightsCaseGuides } from '../../db/schema-rights-cases';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { inSubtree } from '../../policies';
import { findGuide, guideSummary, jurisdictionByCode, latestVersionOf } from './guide-queries';

/** A guide document as YAML text or a JSON object, validated with every problem listed (field errors). */
export function requireValidGuide(source: { yaml: string } | { definition: unknown }): CaseGuide {
  const result = 'yaml' in source ? parseCaseGuideYaml(source.yaml) : parseCaseGuide(source.definition);
  if (result.ok) return result.guide;
  const fields = result.problems.map((p) => ({ path: p.path, message: p.message }));
  throw new AppError(
    'validation_failed',
    `办案指南有 ${fields.length} 处问题：${fields
      .slice(0, 3)
      .map((f) => (f.path ? `${f.path}：${f.message}` : f.message))
      .join('；')}${fields.length > 3 ? '……' : ''}`,
    { fields },
  );
}

/**
 * Saves a guide as a new version of its code (the city edits the guide; versions are never changed, so a case keeps
 * the version it was handled under). Only a city-level (or higher) bureau over the owning jurisdiction may.
 */
export async function importCaseGuide(
  db: Executor,
  ctx: RequestContext,
  source: { yaml: string } | { definition: unknown },
  options: { authorised?: boolean } = {},
) {
  if (!ctx.actor && !options.authorised) throw unauthenticated();
  const guide = requireValidGuide(source);
  const owner = await jurisdictionByCode(db, guide.ownerJurisdiction);
  if (!owner)
    throw new AppError('validation_failed', '所属辖区不存在', {
      fields: [{ path: 'ownerJurisdiction', message: '所属辖区不存在' }],
    });
  const actor = ctx.actor;
  if (!options.authorised && actor && actor.role !== 'admin') {
    if (actor.role !== 'officer' || !isCityOrAbove(actor.jurisdictionLevel))
      throw forbidden('办案指南由市级及以上市场监管部门制定和修改');
    if (!inSubtree(actor, owner.path)) throw forbidden('只能修改本辖区及下级辖区的办案指南');
  }
  try {
    const id = await db.transaction(async (tx) => {
      const version = (await latestVersionOf(tx, guide.code)) + 1;
      const [row] = await tx
        .insert(rightsCaseGuides)
        .values({
          code: guide.code,
          version,
          ownerJurisdictionCode: guide.ownerJurisdiction,
          title: guide.title,
          definition: guide,
          createdById: actor?.id ?? null,
        })
        .returning({ id: rightsCaseGuides.id });
      await recordAudit(tx, ctx, {
        action: 'rights_guide.save',
        entityType: 'rights_guide',
        entityId: row!.id,
        jurisdictionPath: owner.path,
        after: { code: guide.code, version, title: guide.title },
      });
      return row!.id;
    });
    return guideSummary((await findGuide(db, id))!);
  } catch (error) {
    if (isUniqueViolation(error, 'rights_case_guides_code_version_idx'))
      throw new AppError('conflict', '同时有另一版本正在保存，请重试');
    throw error;
  }
}
