import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditAction, AuditEntityType } from '../../shared/enums';
import type { Db } from '../db/client';
import { listAudit } from '../domain/audit/list-audit';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, PagingQuery, pageOf } from './common';

const AuditEntrySchema = z.object({
  id: z.number(),
  at: DateTime,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The subject's name (unit, account, programme …), or what the entry recorded; null when it has none. */
  entityName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

const IsoDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: '时间格式不正确，应为 YYYY-MM-DD 或 ISO 8601' })
  .transform((s) => new Date(s));

export const AuditQuery = z
  .object({
    action: AuditAction.schema.optional(),
    entityType: AuditEntityType.schema.optional(),
    entityId: z.string().max(64).optional(),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    ...PagingQuery,
  })
  .strict();

export const auditRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags: ['audit'],
          summary: '操作日志（本辖区）',
          querystring: AuditQuery,
          response: { 200: pageOf(AuditEntrySchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listAudit(db, request.ctx, request.query);
      },
    );
  };
