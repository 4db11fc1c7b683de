/**
 * Sessions live in the database so that any app instance serves any logged-in user. The cookie carries a random
 * token; the table keeps only its SHA-256. Each session has its own CSRF token, which the browser sends back in the
 * X-CSRF-Token header on every state-changing request.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, or, sql } from 'drizzle-orm';
import type { Actor, RequestContext } from '../context';
import { type Executor, preparedQuery } from '../db/client';
import { jurisdictions, loginChallenges, sessions, users } from '../db/schema';
import { purgeThrottles } from './throttle';

export const SESSION_COOKIE = 'sm_session';
export const CSRF_HEADER = 'x-csrf-token';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The session's id: the SHA-256 of the cookie token (what the table keeps). */
export const sessionIdOf = sha256;

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
  /** The end of the session's lifetime (the idle timeout may end it sooner). */
  expiresAt: Date;
  actor: Actor;
}

/** How often a session's last-seen time is written at most: often enough for the idle timeout, not on every
 * request (a write per request would double the database load of reads). */
export const touchIntervalMs = (idleMinutes: number) => Math.min(60_000, (idleMinutes * 60_000) / 4);

/**
 * The live session for a cookie token, with its user, or null (unknown, expired, idle longer than `idleMinutes`, or
 * user disabled). A session in use has its last-seen time moved forward, at most once per `touchIntervalMs`.
 */
export async function findSession(
  db: Executor,
  token: string,
  idleMinutes?: number,
  now = Date.now(),
): Promise<ActiveSession | null> {
  const id = sha256(token);
  // Timestamps go as ISO text, the same on both drivers; '-infinity' when there is no idle timeout (every session
  // was seen after it).
  const rows = await sessionLookup(db).execute({
    id,
    now: new Date(now).toISOString(),
    idleSince: idleMinutes === undefined ? '-infinity' : new Date(now - idleMinutes * 60_000).toISOString(),
  });
  const row = rows[0];
  if (!row || row.disabled) return null;
  const { sessionId, csrfToken, expiresAt, lastSeenAt, disabled: _disabled, ...actor } = row;
  if (idleMinutes !== undefined && now - lastSeenAt.getTime() >= touchIntervalMs(idleMinutes)) {
    await sessionTouch(db).execute({ id, now: new Date(now).toISOString() });
  }
  return { sessionId, csrfToken, expiresAt, actor };
}

/** The session lookup of every request that its instance has no fresh copy of (http/session.ts): a prepared
 * statement, built once. Live: not expired at `now`, seen after `idleSince`. */
const sessionLookup = preparedQuery('session_lookup', (db, name) =>
  db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
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
    .where(
      and(
        eq(sessions.id, sql.placeholder('id')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        gt(sessions.lastSeenAt, sql.placeholder('idleSince')),
      ),
    )
    .limit(1)
    .prepare(name),
);

const sessionTouch = preparedQuery('session_touch', (db, name) =>
  db
    .update(sessions)
    .set({ lastSeenAt: sql`${sql.placeholder('now')}` })
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare(name),
);

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteUserSessions(db: Executor, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/**
 * Deletes sessions past their lifetime or idle timeout, pending login challenges past theirs, and old login counters.
 * Each is a plain conditional DELETE, so several instances running it at once only repeat each other's work.
 */
export async function purgeExpiredSessions(db: Executor, idleMinutes?: number, now = Date.now()): Promise<void> {
  const expired = lt(sessions.expiresAt, new Date(now));
  await db
    .delete(sessions)
    .where(
      idleMinutes === undefined ? expired : or(expired, lt(sessions.lastSeenAt, new Date(now - idleMinutes * 60_000))),
    );
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, new Date(now)));
  await purgeThrottles(db, now);
}
