import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Role } from '../../shared/enums';
import { UserCreateSchema, UserPatchSchema } from '../../shared/schemas/user';
import type { Db } from '../db/client';
import { createUser } from '../domain/users/create-user';
import { listUsers } from '../domain/users/list-users';
import { updateUser } from '../domain/users/update-user';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, PagingQuery, pageOf } from './common';

const UserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role.schema,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  jurisdictionCode: z.string().nullable(),
  jurisdictionName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  disabled: z.boolean(),
  version: z.number(),
  createdAt: DateTime,
});

const UserListQuery = z
  .object({ q: z.string().trim().max(64).optional(), role: Role.schema.optional(), ...PagingQuery })
  .strict();

export const userRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: '账号列表（管理员）',
          querystring: UserListQuery,
          response: { 200: pageOf(UserSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listUsers(db, request.ctx, request.query);
      },
    );
    app.post(
      '/users',
      {
        schema: {
          tags: ['users'],
          summary: '创建账号（管理员）',
          body: UserCreateSchema,
          response: { 201: UserSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await createUser(db, request.ctx, request.body));
      },
    );
    app.patch(
      '/users/:id',
      {
        schema: {
          tags: ['users'],
          summary: '修改账号、停用或重置密码（管理员）',
          params: IdParams,
          body: UserPatchSchema,
          response: { 200: UserSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const user = await updateUser(db, request.ctx, request.params.id, request.body);
        // Disabled, reset, or another role or binding: this instance re-reads the account's sessions at once (other
        // instances within SESSION_CACHE_SECONDS).
        request.server.sessionCache.forgetUser(request.params.id);
        return user;
      },
    );
  };
