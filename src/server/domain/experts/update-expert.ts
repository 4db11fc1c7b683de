/**
 * An officer edits an expert of its registry or one below (an administrator: any). Optimistic: the version read
 * must still be current. Moving the expert to another registry needs the right to manage that one too.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ExpertPatch } from '../../../shared/schemas/acceptance';
import { diffSummary, recordAudit } from '../../audit';
import type { RequestContext } from '../../context';
import { type Db, isUniqueViolation } from '../../db/client';
import { experts } from '../../db/schema';
import { AppError, forbidden, unauthenticated } from '../../errors';
import { requireJurisdiction } from '../units/unit-references';
import { checkExpertUser, duplicateExpertUser } from './expert-bindings';
import {
  allFields,
  checkLocalIndustries,
  expertView,
  findExpert,
  registryManageable,
  requireRegistryReader,
  requireVisibleExpert,
} from './expert-queries';

export async function updateExpert(db: Db, ctx: RequestContext, id: string, patch: ExpertPatch) {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  requireRegistryReader(actor);
  const found = await requireVisibleExpert(db, actor, id);
  if (!registryManageable(actor, found.jurisdictionPath)) {
    throw forbidden('该专家属于上级专家库，只能由其所属监管部门修改');
  }
  let path = found.jurisdictionPath;
  if (patch.jurisdictionCode !== undefined && patch.jurisdictionCode !== found.expert.jurisdictionCode) {
    const target = await requireJurisdiction(db, patch.jurisdictionCode);
    if (!registryManageable(actor, target.path)) throw forbidden('只能将专家移入本辖区或下级辖区的专家库');
    path = target.path;
  }
  if (patch.userId) await checkExpertUser(db, patch.userId);
  checkLocalIndustries(patch.localIndustries ?? (found.expert.localIndustries as string[]), path);
  const { version, ...fields } = patch;
  // The main field stays among all fields whichever of the two changes.
  if (patch.field !== undefined || patch.fields !== undefined) {
    fields.fields = allFields(patch.field ?? found.expert.field, patch.fields ?? found.expert.fields);
  }
  const changes = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  try {
    return await db.transaction(async (tx) => {
      const updated = await tx
        .update(experts)
        .set({ ...changes, version: sql`${experts.version} + 1`, updatedAt: new Date() })
        .where(and(eq(experts.id, id), eq(experts.version, version)))
        .returning({ id: experts.id });
      if (updated.length === 0) throw new AppError('conflict', '该专家信息已被他人修改，请刷新后重试');
      const before = Object.fromEntries(
        Object.keys(changes).map((k) => [k, (found.expert as Record<string, unknown>)[k] ?? null]),
      );
      const diff = diffSummary(before, changes);
      await recordAudit(tx, ctx, {
        action: 'expert.update',
        entityType: 'expert',
        entityId: id,
        jurisdictionPath: path,
        before: diff.before,
        after: diff.after,
      });
      // The answer is read in this transaction: the row as this request committed it, not a later edit.
      return expertView((await findExpert(tx, id))!, true);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'experts_user_idx')) throw duplicateExpertUser();
    throw error;
  }
}
