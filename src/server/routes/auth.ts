import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JurisdictionLevel, Role } from '../../shared/enums';
import { LoginSchema, SelfRegistrationSchema } from '../../shared/schemas/user';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { login } from '../domain/auth/login';
import { logout } from '../domain/auth/logout';
import { registerApplicant } from '../domain/auth/register-applicant';
import { clearSessionCookie, requireActor, setSessionCookie } from '../http/session';
import { errorResponses, FieldWarnings } from './common';

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
/** `/auth/me` for everyone: an anonymous visitor is a normal state (public pages ask too), not a 401. */
const SessionProbeSchema = z.union([SessionSchema, z.object({ user: z.null(), csrfToken: z.null() })]);

export const authRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: '登录',
          security: [],
          body: LoginSchema,
          response: { 200: SessionSchema, ...errorResponses },
        },
        config: {
          rateLimit: {
            max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
            timeWindow: '1 minute',
            // Keyed by IP and username: one person mistyping does not lock out a whole office behind one NAT.
            keyGenerator: (request) =>
              `${request.ip}|${(request.body as { username?: string } | undefined)?.username ?? ''}`,
          },
        },
      },
      async (request, reply) => {
        const { username, password } = request.body;
        const session = await login(db, request.ctx, username, password, config.SESSION_TTL_HOURS);
        setSessionCookie(reply, session.token, session.expiresAt, config.COOKIE_SECURE);
        return { user: session.actor, csrfToken: session.csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      { schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null(), ...errorResponses } } },
      async (request, reply) => {
        requireActor(request);
        await logout(db, request.ctx, request.sessionId!);
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
          summary: '申报单位自助注册（单位与首个账号）',
          security: [],
          body: SelfRegistrationSchema,
          response: {
            201: z.object({ userId: z.string(), unitId: z.string(), warnings: FieldWarnings }),
            ...errorResponses,
          },
        },
        config: { rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const result = await registerApplicant(db, request.ctx, request.body);
        return reply.status(201).send({ userId: result.userId, unitId: result.unit.id, warnings: result.warnings });
      },
    );
  };
