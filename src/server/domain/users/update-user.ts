import { and, eq, sql } from 'drizzle-orm';
import type { UserPatch } from '../../../shared/schemas/user';
import { diffSummary, recordAudit } from '../../audit';
import { hashPassword } from '../../auth/passwords';
import { deleteUserSessions } from '../../auth/sessions';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../errors';
import { can } from '../../policies';
import { checkUserBindings } from './user-bindings';
import { findUserView } from './user-queries';

/** Admin edits an account: profile, role binding, disable, password reset. Disabling or a reset ends its sessions. */
export async function updateUser(db: Executor, ctx: RequestContext, id: string, patch: UserPatch) {
  if (!can(ctx.actor, 'user.manage')) throw forbidden();
  const [before] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!before) throw notFound('账号');
  if (before.id === ctx.actor?.id && (patch.disabled || (patch.role && patch.role !== before.role))) {
    throw new AppError('bad_request', '不能停用自己的账号或修改自己的角色');
  }
  const role = patch.role ?? before.role;
  const unitId = patch.unitId !== undefined ? patch.unitId : before.unitId;
  const jurisdictionCode = patch.jurisdictionCode !== undefined ? patch.jurisdictionCode : before.jurisdictionCode;
  if (role === 'applicant' && !unitId) {
    throw new AppError('validation_failed', '申报单位账号必须绑定一个单位', {
      fields: [{ path: 'unitId', message: '申报单位账号必须绑定一个单位' }],
    });
  }
  if (role === 'officer' && !jurisdictionCode) {
    throw new AppError('validation_failed', '监管部门账号必须绑定一个辖区', {
      fields: [{ path: 'jurisdictionCode', message: '监管部门账号必须绑定一个辖区' }],
    });
  }
  await checkUserBindings(db, patch.unitId, patch.jurisdictionCode);
  const { version, password, ...fields } = patch;
  const passwordHash = password ? await hashPassword(password) : undefined;
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({
        ...fields,
        unitId: role === 'applicant' ? unitId : null,
        jurisdictionCode: role === 'officer' ? jurisdictionCode : null,
        ...(passwordHash ? { passwordHash } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning();
    if (updated.length === 0) throw new AppError('conflict', '该账号已被他人修改，请刷新后重试');
    const after = updated[0]!;
    if (patch.disabled || passwordHash) await deleteUserSessions(tx, id);
    const pick = (u: typeof before) => ({
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId,
      jurisdictionCode: u.jurisdictionCode,
      phone: u.phone,
      email: u.email,
      disabled: u.disabled,
    });
    const summary = diffSummary(pick(before), pick(after));
    await recordAudit(tx, ctx, {
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      unitId: after.unitId,
      before: summary.before,
      after: { ...summary.after, ...(passwordHash ? { password: '已重置' } : {}) },
    });
    // The answer is read in this transaction: the row as this request committed it, not a later edit.
    return (await findUserView(tx, id))!;
  });
}
