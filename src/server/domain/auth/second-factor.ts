/**
 * The TOTP second factor of officers and administrators: enrol (a new secret, active only once a code from it is
 * confirmed), disable with a current code, and an administrator's reset of another account's factor. Each change is
 * audited; the secret never is (nor logged): it is shown once, at enrolment, to its owner.
 */
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import QRCode from 'qrcode';
import { recordAudit } from '../../audit';
import { newTotpSecret, totpUri } from '../../auth/totp';
import type { Actor, RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { loginChallenges, userSecondFactors, users } from '../../db/schema';
import { AppError, forbidden, notFound, unauthenticated } from '../../errors';
import { can } from '../../policies';
import { spendCode } from './login';

const mayUseSecondFactor = (actor: Actor) => actor.role === 'officer' || actor.role === 'admin';
const wrongCode = () =>
  new AppError('validation_failed', '验证码错误或已使用，请输入验证器中当前显示的验证码', {
    fields: [{ path: 'code', message: '验证码错误或已使用' }],
  });

function requireEligible(ctx: RequestContext): Actor {
  if (!ctx.actor) throw unauthenticated();
  if (!mayUseSecondFactor(ctx.actor)) throw forbidden('两步验证仅适用于监管部门和系统管理员账号');
  return ctx.actor;
}

export async function secondFactorStatus(db: Executor, actor: Actor) {
  const [row] = await db
    .select({ confirmedAt: userSecondFactors.confirmedAt })
    .from(userSecondFactors)
    .where(eq(userSecondFactors.userId, actor.id));
  return { available: mayUseSecondFactor(actor), enabled: Boolean(row?.confirmedAt) };
}

/** Starts (or restarts) enrolment: a new secret, not yet active. Refused while a confirmed factor exists. */
export async function startEnrolment(db: Executor, ctx: RequestContext) {
  const actor = requireEligible(ctx);
  const secret = newTotpSecret();
  const [confirmed] = await db
    .select({ userId: userSecondFactors.userId })
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, actor.id), isNotNull(userSecondFactors.confirmedAt)));
  if (confirmed) throw new AppError('conflict', '两步验证已启用；如需更换验证器，请先停用');
  await db
    .insert(userSecondFactors)
    .values({ userId: actor.id, secret })
    .onConflictDoUpdate({
      target: userSecondFactors.userId,
      set: { secret, lastStep: null, createdAt: new Date() },
      // Never overwrite a factor confirmed concurrently.
      setWhere: isNull(userSecondFactors.confirmedAt),
    });
  const uri = totpUri(secret, actor.username);
  return { secret, otpauthUri: uri, qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220 }) };
}

/** Activates the pending secret once a code from it is given. */
export async function confirmEnrolment(db: Executor, ctx: RequestContext, code: string) {
  const actor = requireEligible(ctx);
  await db.transaction(async (tx) => {
    const [pending] = await tx
      .select()
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, actor.id), isNull(userSecondFactors.confirmedAt)))
      .for('update');
    if (!pending) throw new AppError('conflict', '没有待确认的两步验证，请重新开始设置');
    if (!(await spendCode(tx, actor.id, pending.secret, code))) throw wrongCode();
    await tx.update(userSecondFactors).set({ confirmedAt: new Date() }).where(eq(userSecondFactors.userId, actor.id));
    await recordAudit(tx, ctx, { action: 'auth.second_factor_enable', entityType: 'user', entityId: actor.id });
  });
}

/** Turns the factor off; a current code proves the authenticator is in hand (a stolen session alone cannot). */
export async function disableSecondFactor(db: Executor, ctx: RequestContext, code: string) {
  const actor = requireEligible(ctx);
  await db.transaction(async (tx) => {
    const [factor] = await tx
      .select()
      .from(userSecondFactors)
      .where(and(eq(userSecondFactors.userId, actor.id), isNotNull(userSecondFactors.confirmedAt)))
      .for('update');
    if (!factor) throw new AppError('conflict', '两步验证未启用');
    if (!(await spendCode(tx, actor.id, factor.secret, code))) throw wrongCode();
    await tx.delete(userSecondFactors).where(eq(userSecondFactors.userId, actor.id));
    await recordAudit(tx, ctx, { action: 'auth.second_factor_disable', entityType: 'user', entityId: actor.id });
  });
}

/** An administrator removes another account's factor (a lost phone); the owner may enrol again after logging in. */
export async function resetSecondFactor(db: Executor, ctx: RequestContext, userId: string) {
  if (!can(ctx.actor, 'user.manage')) throw forbidden();
  await db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id, username: users.username }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound('账号');
    const removed = await tx
      .delete(userSecondFactors)
      .where(eq(userSecondFactors.userId, userId))
      .returning({ confirmedAt: userSecondFactors.confirmedAt });
    if (!removed[0]?.confirmedAt) throw new AppError('conflict', '该账号未启用两步验证');
    await tx.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
    await recordAudit(tx, ctx, {
      action: 'auth.second_factor_reset',
      entityType: 'user',
      entityId: userId,
      after: { username: user.username },
    });
  });
}
