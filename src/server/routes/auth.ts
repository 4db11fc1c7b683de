import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JurisdictionLevel, Role } from '../../shared/enums';
import { LoginSchema, SelfRegistrationSchema } from '../../shared/schemas/user';
import { consumeThrottles, loginRules, releaseThrottles } from '../auth/throttle';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { loginChallenges, users } from '../db/schema';
import { completeSecondFactor, type LoginResult, login } from '../domain/auth/login';
import { logout } from '../domain/auth/logout';
import { registerApplicant } from '../domain/auth/register-applicant';
import {
  confirmEnrolment,
  disableSecondFactor,
  resetSecondFactor,
  secondFactorStatus,
  startEnrolment,
} from '../domain/auth/second-factor';
import { clearSessionCookie, cookieSecure, requireActor, setSessionCookie } from '../http/session';
import { errorResponses, FieldWarnings, IdParams } from './common';

export const ActorSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role.schema,
  unitId: z.string().nullable(),
  jurisdictionCode: z.string().nullable(),
  /** Chooses what the interface offers (programme management is for city level and above). */
  jurisdictionLevel: JurisdictionLevel.schema.nullable(),
});
const SessionSchema = z.object({ user: ActorSchema, csrfToken: z.string() });
/** The password was right and the account has a second factor: send the code with this challenge (5 minutes). */
const SecondFactorChallengeSchema = z.object({
  secondFactorRequired: z.literal(true),
  challenge: z.string(),
  expiresAt: z.string(),
});
const CodeSchema = z
  .string({ error: '请输入验证码' })
  .trim()
  .regex(/^\d{6}$/, '验证码为6位数字');
/** `/auth/me` for everyone: an anonymous visitor is a normal state (public pages ask too), not a 401. */
const SessionProbeSchema = z.union([SessionSchema, z.object({ user: z.null(), csrfToken: z.null() })]);

export const authRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    /** Opens the session (cookie) of a completed login, or answers the challenge of its code step. */
    const answer = (request: FastifyRequest, reply: FastifyReply, result: LoginResult) => {
      if (result.kind === 'second_factor') {
        return {
          secondFactorRequired: true as const,
          challenge: result.challenge,
          expiresAt: result.expiresAt.toISOString(),
        };
      }
      setSessionCookie(reply, result.token, result.expiresAt, cookieSecure(request, config));
      return { user: result.actor, csrfToken: result.csrfToken };
    };

    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: '登录（启用两步验证的账号随后提交验证码）',
          security: [],
          body: LoginSchema,
          response: { 200: z.union([SessionSchema, SecondFactorChallengeSchema]), ...errorResponses },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        // Counted in the database before the password is checked (auth/throttle.ts); a right password gives the
        // account's and the global failure count back.
        const rules = loginRules(config, request.ip, username);
        await consumeThrottles(db, [...rules.perIp, ...rules.failures]);
        const result = await login(db, request.ctx, username, password, config.SESSION_TTL_HOURS);
        await releaseThrottles(db, rules.failures);
        return answer(request, reply, result);
      },
    );

    app.post(
      '/auth/login/second-factor',
      {
        schema: {
          tags: ['auth'],
          summary: '登录第二步：提交验证器中的6位验证码',
          security: [],
          body: z.object({ challenge: z.string().min(1).max(100), code: CodeSchema }).strict(),
          response: { 200: SessionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { challenge, code } = request.body;
        // A wrong code counts as a failed login of the account, from this IP (a challenge also allows 5 codes only).
        const [pending] = await db
          .select({ username: users.username })
          .from(loginChallenges)
          .innerJoin(users, eq(users.id, loginChallenges.userId))
          .where(eq(loginChallenges.id, createHash('sha256').update(challenge).digest('hex')));
        const rules = loginRules(config, request.ip, pending?.username ?? '');
        await consumeThrottles(db, [...rules.perIp, ...(pending ? rules.failures : [])]);
        const result = await completeSecondFactor(db, request.ctx, challenge, code, config.SESSION_TTL_HOURS);
        if (pending) await releaseThrottles(db, rules.failures);
        return answer(request, reply, result) as z.infer<typeof SessionSchema>;
      },
    );

    app.get(
      '/auth/second-factor',
      {
        schema: {
          tags: ['auth'],
          summary: '本账号的两步验证状态',
          response: { 200: z.object({ available: z.boolean(), enabled: z.boolean() }), ...errorResponses },
        },
      },
      async (request) => secondFactorStatus(db, requireActor(request)),
    );

    app.post(
      '/auth/second-factor/enrolment',
      {
        schema: {
          tags: ['auth'],
          summary: '开始设置两步验证：生成密钥与二维码（确认验证码后才生效）',
          response: {
            200: z.object({ secret: z.string(), otpauthUri: z.string(), qrCode: z.string() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return startEnrolment(db, request.ctx);
      },
    );

    app.post(
      '/auth/second-factor/confirmation',
      {
        schema: {
          tags: ['auth'],
          summary: '确认两步验证：提交验证器显示的验证码后启用',
          body: z.object({ code: CodeSchema }).strict(),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        await consumeThrottles(db, secondFactorRules(actor.id));
        await confirmEnrolment(db, request.ctx, request.body.code);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/second-factor/disable',
      {
        schema: {
          tags: ['auth'],
          summary: '停用两步验证（需当前验证码）',
          body: z.object({ code: CodeSchema }).strict(),
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        // A stolen session must not be able to guess its way to turning the factor off.
        await consumeThrottles(db, secondFactorRules(actor.id));
        await disableSecondFactor(db, request.ctx, request.body.code);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/users/:id/second-factor',
      {
        schema: {
          tags: ['users'],
          summary: '重置账号的两步验证（管理员；如验证器丢失）',
          params: IdParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        await resetSecondFactor(db, request.ctx, request.params.id);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        requireActor(request);
        await logout(db, request.ctx, request.sessionId!);
        // Refused here from the next request on; other instances drop their copy within SESSION_CACHE_SECONDS.
        request.server.sessionCache.forgetSession(request.sessionId!);
        clearSessionCookie(reply);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/auth/me',
      {
        schema: {
          tags: ['auth'],
          summary: '当前用户（未登录时 user 为 null）',
          security: [],
          response: { 200: SessionProbeSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = request.ctx.actor;
        if (!actor) return { user: null, csrfToken: null };
        return { user: actor, csrfToken: request.csrfToken! };
      },
    );

    app.post(
      '/auth/register',
      {
        schema: {
          tags: ['auth'],
          summary: '申报单位自助注册（单位与首个账号；登录名由平台在所选用户名后加随机后缀）',
          security: [],
          body: SelfRegistrationSchema,
          response: {
            201: z.object({ userId: z.string(), unitId: z.string(), username: z.string(), warnings: FieldWarnings }),
            ...errorResponses,
          },
        },
        config: { rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const result = await registerApplicant(db, request.ctx, request.body);
        return reply.status(201).send({
          userId: result.userId,
          unitId: result.unit.id,
          username: result.username,
          warnings: result.warnings,
        });
      },
    );
  };

/** Codes tried on enrolment or disable: 5 per account per 15 minutes. */
const secondFactorRules = (userId: string) => [{ key: `totp:${userId}`, max: 5, windowMs: 15 * 60_000 }];
