/**
 * Resolves the session cookie on every request into `request.ctx` (who is acting, from where), and enforces CSRF:
 * a state-changing request that rides on a session cookie must echo that session's CSRF token in a header.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SessionCache } from '../auth/session-cache';
import { CSRF_HEADER, findSession, purgeExpiredSessions, SESSION_COOKIE, sessionIdOf } from '../auth/sessions';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Actor, RequestContext } from '../context';
import type { Db } from '../db/client';
import { AppError, unauthenticated } from '../errors';

declare module 'fastify' {
  interface FastifyInstance {
    /** This instance's short-lived copies of resolved sessions (auth/session-cache.ts). Routes that end a session or
     * change an account drop them here, so this instance refuses the next request at once. */
    sessionCache: SessionCache;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    sessionId: string | null;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installSessions(
  app: FastifyInstance,
  db: Db,
  config: Pick<Config, 'BUSINESS_DATE' | 'SESSION_IDLE_MINUTES' | 'SESSION_CACHE_SECONDS'>,
): void {
  const cache = new SessionCache(config.SESSION_CACHE_SECONDS * 1000);
  app.decorate('sessionCache', cache);
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    request.ctx = {
      actor: null,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? null,
      // Read per request: an administrator may move the business date in demonstration deployments.
      today: businessDate(config),
    };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    let session = cache.get(sessionIdOf(token));
    if (!session) {
      session = await findSession(db, token, config.SESSION_IDLE_MINUTES);
      if (!session) return;
      cache.set(session);
    }
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError('csrf_failed', '页面已过期或请求来源不可信，请刷新页面后重试');
    }
    request.ctx.actor = session.actor;
    request.sessionId = session.sessionId;
    request.csrfToken = session.csrfToken;
  });
}

/** The logged-in actor, or 401. */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.ctx.actor) throw unauthenticated();
  return request.ctx.actor;
}

/** Secure always with COOKIE_SECURE, else when the request came over HTTPS: directly, or as a proxy trusted by
 * TRUST_PROXY says in X-Forwarded-Proto (an untrusted client cannot claim it). */
export function cookieSecure(request: FastifyRequest, config: Pick<Config, 'COOKIE_SECURE'>): boolean {
  return config.COOKIE_SECURE || request.protocol === 'https';
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Deletes expired and idle sessions (with stale login challenges and counters) when the app is ready and then every
 * SESSION_PURGE_INTERVAL_MINUTES. Every instance runs it; the deletes are conditional and idempotent, so instances
 * running it at the same time only repeat each other's work. A failure (database away) is logged and retried next
 * time, never thrown.
 */
export function startSessionPurge(
  app: FastifyInstance,
  db: Db,
  config: Pick<Config, 'SESSION_IDLE_MINUTES' | 'SESSION_PURGE_INTERVAL_MINUTES'>,
): void {
  let timer: NodeJS.Timeout | undefined;
  const purge = async () => {
    try {
      await purgeExpiredSessions(db, config.SESSION_IDLE_MINUTES);
    } catch (error) {
      app.log.warn({ err: error }, 'session purge failed');
    }
  };
  app.addHook('onReady', async () => {
    await purge();
    timer = setInterval(purge, config.SESSION_PURGE_INTERVAL_MINUTES * 60_000);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));
}
