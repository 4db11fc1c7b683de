/**
 * Login throttles counted in the database, so every instance on one PostgreSQL shares them (an in-memory counter
 * lets an attacker spread tries over instances). Each rule is a fixed window per key: `ip:<address>` for attempts
 * from one client, `user:<name>` for failures against one account from anywhere, `global` for failures across all
 * accounts. The counter is raised before the password is checked, so concurrent tries cannot slip past the limit;
 * a successful login gives its reservation back on the failure-only rules.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Config } from '../config';
import type { Executor } from '../db/client';
import { loginThrottles } from '../db/schema';
import { rateLimited } from '../http/error-handler';

export interface ThrottleRule {
  key: string;
  max: number;
  windowMs: number;
}

const windowStart = (rule: ThrottleRule, now: number) => new Date(Math.floor(now / rule.windowMs) * rule.windowMs);

/**
 * Counts one attempt on every rule and throws the 429 `rate_limited` error (with retryAfterSeconds) when any rule is
 * over its limit; the wait is until the last of the exceeded windows ends.
 */
export async function consumeThrottles(db: Executor, rules: ThrottleRule[], now = Date.now()): Promise<void> {
  let waitMs = 0;
  for (const rule of rules) {
    const start = windowStart(rule, now);
    const [row] = await db
      .insert(loginThrottles)
      .values({ key: rule.key, windowStart: start, count: 1 })
      .onConflictDoUpdate({
        target: [loginThrottles.key, loginThrottles.windowStart],
        set: { count: sql`${loginThrottles.count} + 1` },
      })
      .returning({ count: loginThrottles.count });
    if (row && row.count > rule.max) waitMs = Math.max(waitMs, start.getTime() + rule.windowMs - now);
  }
  if (waitMs > 0) throw rateLimited(waitMs);
}

/** Gives back the attempt `consumeThrottles` counted (a login that succeeded is not a failure). */
export async function releaseThrottles(db: Executor, rules: ThrottleRule[], now = Date.now()): Promise<void> {
  for (const rule of rules) {
    await db
      .update(loginThrottles)
      .set({ count: sql`greatest(${loginThrottles.count} - 1, 0)` })
      .where(and(eq(loginThrottles.key, rule.key), eq(loginThrottles.windowStart, windowStart(rule, now))));
  }
}

type ThrottleConfig = Pick<
  Config,
  | 'LOGIN_RATE_LIMIT_PER_MINUTE'
  | 'LOGIN_FAILURES_PER_ACCOUNT'
  | 'LOGIN_FAILURES_GLOBAL'
  | 'LOGIN_THROTTLE_WINDOW_MINUTES'
>;

/** The rules of one login step: attempts per IP (all of them count), failures per account and globally. */
export function loginRules(
  config: ThrottleConfig,
  ip: string,
  account: string,
): { perIp: ThrottleRule[]; failures: ThrottleRule[] } {
  const windowMs = config.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000;
  return {
    perIp: [{ key: `ip:${ip}`, max: config.LOGIN_RATE_LIMIT_PER_MINUTE, windowMs: 60_000 }],
    failures: [
      { key: `user:${account.trim().toLowerCase()}`, max: config.LOGIN_FAILURES_PER_ACCOUNT, windowMs },
      { key: 'global', max: config.LOGIN_FAILURES_GLOBAL, windowMs },
    ],
  };
}

/** Deletes counters whose window ended more than a day ago (no rule's window is longer). */
export async function purgeThrottles(db: Executor, now = Date.now()): Promise<void> {
  await db.delete(loginThrottles).where(lt(loginThrottles.windowStart, new Date(now - 2 * 24 * 3600_000)));
}
