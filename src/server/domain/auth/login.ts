import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import { dummyPasswordHash, verifyPassword } from '../../auth/passwords';
import { createSession, findSession } from '../../auth/sessions';
import { totpStep } from '../../auth/totp';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { loginChallenges, userSecondFactors, users } from '../../db/schema';
import { AppError } from '../../errors';

const badCredentials = () => new AppError('unauthenticated', '用户名或密码错误');
const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** How long the code step of a two-step login waits, and how many codes it accepts before starting over. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CHALLENGE_MAX_ATTEMPTS = 5;

type User = typeof users.$inferSelect;
export type LoginResult =
  | { kind: 'session'; token: string; csrfToken: string; expiresAt: Date; actor: NonNullable<RequestContext['actor']> }
  | { kind: 'second_factor'; challenge: string; expiresAt: Date };

/**
 * Checks the password. Without a second factor it opens a session and records the login; with one it answers a
 * challenge token for the code step (no session yet). Same answer for unknown user and wrong password.
 */
export async function login(
  db: Executor,
  ctx: RequestContext,
  username: string,
  password: string,
  ttlHours: number,
): Promise<LoginResult> {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw badCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw badCredentials();
  if (user.disabled) throw new AppError('forbidden', '该账号已停用，请联系管理员');
  const [factor] = await db
    .select({ userId: userSecondFactors.userId })
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, user.id), isNotNull(userSecondFactors.confirmedAt)));
  if (factor) {
    const challenge = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
    await db.insert(loginChallenges).values({ id: sha256(challenge), userId: user.id, expiresAt });
    return { kind: 'second_factor', challenge, expiresAt };
  }
  return openSession(db, ctx, user, ttlHours);
}

/**
 * The code step: the challenge must be live and under its attempt limit, the code valid for the user's secret and
 * of a later time step than any code used before (so a code is good once).
 */
export async function completeSecondFactor(
  db: Executor,
  ctx: RequestContext,
  challenge: string,
  code: string,
  ttlHours: number,
): Promise<LoginResult> {
  const expired = () => new AppError('unauthenticated', '验证已过期，请重新输入用户名和密码');
  // Count the attempt first, atomically: concurrent guesses on one challenge cannot exceed the limit.
  const [pending] = await db
    .update(loginChallenges)
    .set({ attempts: sql`${loginChallenges.attempts} + 1` })
    .where(and(eq(loginChallenges.id, sha256(challenge)), gt(loginChallenges.expiresAt, new Date())))
    .returning();
  if (!pending) throw expired();
  if (pending.attempts > CHALLENGE_MAX_ATTEMPTS) {
    await db.delete(loginChallenges).where(eq(loginChallenges.id, pending.id));
    throw expired();
  }
  const [user] = await db.select().from(users).where(eq(users.id, pending.userId));
  const [factor] = await db
    .select()
    .from(userSecondFactors)
    .where(and(eq(userSecondFactors.userId, pending.userId), isNotNull(userSecondFactors.confirmedAt)));
  if (!user || user.disabled) throw expired();
  const session = await db.transaction(async (tx) => {
    if (factor) {
      if (!(await spendCode(tx, factor.userId, factor.secret, code))) return null;
    }
    // A factor reset by an administrator meanwhile: the password step alone now suffices.
    await tx.delete(loginChallenges).where(eq(loginChallenges.id, pending.id));
    return openSession(tx, ctx, user, ttlHours);
  });
  if (!session) throw new AppError('unauthenticated', '验证码错误或已使用，请输入验证器中当前显示的验证码');
  return session;
}

/**
 * Accepts a code for a secret once: its time step must be later than the last one used, set in the same statement
 * (two requests with the same code: one wins).
 */
export async function spendCode(db: Executor, userId: string, secret: string, code: string): Promise<boolean> {
  const step = totpStep(secret, code.trim(), Date.now());
  if (step === null) return false;
  const updated = await db
    .update(userSecondFactors)
    .set({ lastStep: step })
    .where(
      and(
        eq(userSecondFactors.userId, userId),
        sql`(${userSecondFactors.lastStep} IS NULL OR ${userSecondFactors.lastStep} < ${step})`,
      ),
    )
    .returning({ userId: userSecondFactors.userId });
  return updated.length > 0;
}

async function openSession(db: Executor, ctx: RequestContext, user: User, ttlHours: number): Promise<LoginResult> {
  const session = await db.transaction(async (tx) => {
    const created = await createSession(tx, user.id, ctx, ttlHours);
    await recordAudit(
      tx,
      { ...ctx, actor: { ...toActorStub(user) } },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        unitId: user.unitId,
      },
    );
    return created;
  });
  const active = await findSession(db, session.token);
  return { kind: 'session', ...session, actor: active!.actor };
}

function toActorStub(user: User) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unitId,
    jurisdictionCode: user.jurisdictionCode,
    jurisdictionPath: null,
    jurisdictionLevel: null,
  };
}
