import { eq } from 'drizzle-orm';
import { recordAudit } from '../../audit';
import { dummyPasswordHash, verifyPassword } from '../../auth/passwords';
import { createSession, findSession } from '../../auth/sessions';
import type { RequestContext } from '../../context';
import type { Executor } from '../../db/client';
import { users } from '../../db/schema';
import { AppError } from '../../errors';

const badCredentials = () => new AppError('unauthenticated', '用户名或密码错误');

/** Checks the password, opens a session and records the login. Same answer for unknown user and wrong password. */
export async function login(db: Executor, ctx: RequestContext, username: string, password: string, ttlHours: number) {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    throw badCredentials();
  }
  if (!(await verifyPassword(user.passwordHash, password))) throw badCredentials();
  if (user.disabled) throw new AppError('forbidden', '该账号已停用，请联系管理员');
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
  return { ...session, actor: active!.actor };
}

function toActorStub(user: typeof users.$inferSelect) {
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
