/**
 * Sessions live in the database so that any app instance serves any logged-in user. The cookie carries a random
 * token; the table keeps only its SHA-256. Each session has its own CSRF token, which the browser sends back in the
 * X-CSRF-Token header on every state-changing request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Actor, RequestContext } from '../context';
import type { Executor } from '../db/client';
import { jurisdictions, sessions, users } from '../db/schema';

export const SESSION_COOKIE = 'sm_session';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Executor,
  userId: string,
  ctx: RequestContext,
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({
    id: sha256(token),
    userId,
    csrfToken,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
    expiresAt,
  });
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  sessionId: string;
  csrfToken: string;
  actor: Actor;
}

/** The live session for a cookie token, with its user, or null (unknown, expired, or user disabled). */
export async function findSession(db: Executor, token: string): Promise<ActiveSession | null> {
  const rows = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      jurisdictionCode: users.jurisdictionCode,
      disabled: users.disabled,
      jurisdictionPath: jurisdictions.path,
      jurisdictionLevel: jurisdictions.level,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  const row = rows[0];
  if (!row || row.disabled) return null;
  const { sessionId, csrfToken, disabled: _disabled, ...actor } = row;
  return { sessionId, csrfToken, actor };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function purgeExpiredSessions(db: Executor): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
}
