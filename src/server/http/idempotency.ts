/**
 * The HTTP side of idempotent creates (the mechanism is described in src/server/idempotency.ts). Every POST under
 * /api/v1 honours `Idempotency-Key` unless it is listed in NOT_CREATES below, so a create added later is covered
 * without a line of its own:
 * - preValidation: check the header (400), then look the key up for this caller and route. A stored answer is
 *   replayed (with `Idempotent-Replayed: true`); a key used with another request is refused (422); a key whose create
 *   committed without a stored answer is refused (409). Otherwise the key travels in `request.ctx.idempotency` into
 *   the create's transaction.
 * - onSend: store the answer under the key (not 5xx: the retry should then learn the outcome, not a crash).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { Db } from '../db/client';
import { AppError } from '../errors';
import {
  findKey,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  keyReused,
  newClaim,
  purgeExpiredKeys,
  requestFingerprint,
  storeAnswer,
  unansweredKey,
} from '../idempotency';

/** POST operations that are not creates, so they ignore the header, each with the reason. */
export const NOT_CREATES: Record<string, string> = {
  'POST /api/v1/auth/login': 'opens a session: the answer sets a cookie a replay could not give',
  'POST /api/v1/auth/logout': 'ends the session; repeating it is harmless',
  'POST /api/v1/evidence/verify': 'a read that takes its input in the body',
  'POST /api/v1/attachments': 'content-addressed upload: a retry stores the same file under the same hash',
  'POST /api/v1/publicity/:id/attachments':
    'content-addressed upload: a retry stores the same file under the same hash',
  // rights (issue 12)
  'POST /api/v1/rights/public/attachments':
    'content-addressed upload: a retry stores the same file under the same hash',
  'POST /api/v1/rights/public/follow': 'a read that takes the receipt code and secret in the body',
  'POST /api/v1/rights/overdue-notices': 'a check that notifies each overdue clock once; repeating it is harmless',
};

/** Whether a route honours Idempotency-Key: every POST except the listed non-creates. */
export function honoursIdempotencyKey(method: string, url: string): boolean {
  return method === 'POST' && !(`POST ${url}` in NOT_CREATES);
}

/** Where the key is documented: the OpenAPI header parameter of every operation that honours it. */
export const IDEMPOTENCY_HEADER_SCHEMA = {
  type: 'object',
  properties: {
    [IDEMPOTENCY_HEADER]: {
      type: 'string',
      pattern: IDEMPOTENCY_KEY_PATTERN.source,
      description:
        '幂等键：每次新的提交生成一个新的随机值（如 UUID），因超时等原因重试同一提交时沿用原值，服务器返回首次的结果而不重复创建（保留 24 小时）',
    },
  },
} as const;

declare module 'fastify' {
  interface FastifyRequest {
    /** This answer replays a stored one: it must not be stored again. */
    idempotentReplay: boolean;
  }
}

/** Installs the hooks on the /api/v1 scope (after authentication, so anonymous callers of private routes get 401). */
export function installIdempotency(scope: FastifyInstance, db: Db): void {
  scope.decorateRequest('idempotentReplay', false);
  scope.addHook('preValidation', async (request, reply) => {
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (header === undefined || !honoursIdempotencyKey(request.method, request.routeOptions.url ?? '')) return;
    if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
      throw new AppError(
        'idempotency_key_invalid',
        'Idempotency-Key 请求头格式不正确：应为 8 至 128 位的字母、数字或 - _ . : 字符（建议使用 UUID），且只能有一个',
      );
    }
    const claim = newClaim({
      scope: callerScope(request),
      route: `${request.method} ${request.routeOptions.url}`,
      key: header,
      fingerprint: requestFingerprint(request),
    });
    const stored = await findKey(db, claim);
    if (stored) {
      if (stored.fingerprint !== claim.fingerprint) throw keyReused();
      if (stored.responseStatus === null || stored.responseBody === null) throw unansweredKey(stored);
      request.idempotentReplay = true;
      return reply
        .status(stored.responseStatus)
        .header('idempotent-replayed', 'true')
        .type(stored.responseType ?? 'application/json; charset=utf-8')
        .send(stored.responseBody);
    }
    request.ctx.idempotency = claim;
  });
  scope.addHook('onSend', async (request, reply, payload) => {
    const claim = request.ctx.idempotency;
    if (!claim || request.idempotentReplay || reply.statusCode >= 500 || typeof payload !== 'string') return payload;
    try {
      const type = String(reply.getHeader('content-type') ?? '') || 'application/json; charset=utf-8';
      await storeAnswer(db, claim, { status: reply.statusCode, type, body: payload });
    } catch (error) {
      // The answer still goes out; a retry then meets the claimed key without an answer (409), never a duplicate.
      request.log.error({ err: error }, 'could not store the idempotent answer');
    }
    return payload;
  });
}

/**
 * A session's key is its user's; a public create's key is shared by all anonymous callers, so its fingerprint (the
 * whole body, e.g. the objector's name and contact) must match too before anything is replayed.
 */
function callerScope(request: FastifyRequest): string {
  return request.ctx.actor ? `user:${request.ctx.actor.id}` : 'anonymous';
}

/** Purges expired keys every hour while the app runs (each instance; the delete is idempotent). */
export function scheduleIdempotencyPurge(app: FastifyInstance, db: Db): void {
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(
      () => void purgeExpiredKeys(db).catch((error) => app.log.warn({ err: error }, 'idempotency purge failed')),
      60 * 60 * 1000,
    );
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}

type SchemaTransform = typeof jsonSchemaTransform;

/** Wraps the OpenAPI transform so every operation that honours the key documents the header. */
export const documentIdempotencyKey =
  (transform: SchemaTransform): SchemaTransform =>
  (input) => {
    const result = transform(input);
    const schema = result.schema as { hide?: boolean; headers?: unknown } | undefined;
    const methods = [input.route.method].flat();
    if (!schema || schema.hide || schema.headers || !methods.some((m) => honoursIdempotencyKey(m, input.url))) {
      return result;
    }
    return { ...result, schema: { ...schema, headers: IDEMPOTENCY_HEADER_SCHEMA } };
  };
