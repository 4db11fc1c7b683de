/**
 * The business date the rules are applied on (src/server/clock.ts). Anyone logged in may read it; in demonstration
 * and training deployments (BUSINESS_DATE_ADJUSTABLE) an administrator may move it, audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { AppError, forbidden } from '../errors';
import { requireActor } from '../http/session';
import { errorResponses } from './common';

const BusinessDateSchema = z.object({ date: z.string(), adjustable: z.boolean() });

export const systemRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/system/business-date',
      {
        schema: {
          tags: ['system'],
          summary: '业务日期（申报截止、公示期、撤销后两年等规则据此计算）',
          response: { 200: BusinessDateSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { date: businessDate(config), adjustable: config.BUSINESS_DATE_ADJUSTABLE };
      },
    );
    app.put(
      '/system/business-date',
      {
        schema: {
          tags: ['system'],
          summary: '调整业务日期（仅演示、培训部署；管理员）',
          body: z.object({ date: z.iso.date('日期格式应为 YYYY-MM-DD') }).strict(),
          response: { 200: BusinessDateSchema, ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (actor.role !== 'admin') throw forbidden('只有系统管理员可以调整业务日期');
        if (!config.BUSINESS_DATE_ADJUSTABLE) {
          throw new AppError('forbidden', '本部署的业务日期为实际日期，不能调整');
        }
        const before = businessDate(config);
        await db.transaction(async (tx) => {
          await recordAudit(tx, request.ctx, {
            action: 'calendar.business_date',
            entityType: 'calendar',
            entityId: request.body.date,
            before: { date: before },
            after: { date: request.body.date },
          });
        });
        config.BUSINESS_DATE = request.body.date;
        return { date: request.body.date, adjustable: true };
      },
    );
  };
