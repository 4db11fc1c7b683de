import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client';
import { listNotifications, markNotificationsRead } from '../domain/notifications/notification-inbox';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, PagingQuery } from './common';

const NotificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: DateTime.nullable(),
  createdAt: DateTime,
});

export const notificationRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: '我的通知（最新在前）',
          querystring: z.object({ unreadOnly: z.enum(['true', 'false']).optional(), ...PagingQuery }).strict(),
          response: {
            200: z.object({ items: z.array(NotificationSchema), total: z.number(), unread: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        const { unreadOnly, ...paging } = request.query;
        return listNotifications(db, request.ctx, { ...paging, unreadOnly: unreadOnly === 'true' });
      },
    );
    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: '标为已读',
          params: IdParams,
          response: { 200: z.object({ marked: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return markNotificationsRead(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: '全部标为已读',
          response: { 200: z.object({ marked: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return markNotificationsRead(db, request.ctx);
      },
    );
  };
