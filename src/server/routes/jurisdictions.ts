import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { JurisdictionLevel } from '../../shared/enums';
import type { Db } from '../db/client';
import { createJurisdiction } from '../domain/jurisdictions/create-jurisdiction';
import { listAllJurisdictions } from '../domain/jurisdictions/jurisdiction-queries';
import { requireActor } from '../http/session';
import { errorResponses } from './common';

const JurisdictionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: JurisdictionLevel.schema,
  parentCode: z.string().nullable(),
  path: z.string(),
});

const JurisdictionInputSchema = z
  .object({
    code: z.string().regex(/^\d{6}$/, '辖区代码应为6位数字（GB/T 2260）'),
    name: z.string().trim().min(1, '请填写名称').max(50),
    level: JurisdictionLevel.schema.exclude(['national']),
    parentCode: z.string().regex(/^\d{6}$/, '请选择上级辖区'),
  })
  .strict();

export const jurisdictionRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    // Public: the registration form needs the tree before anyone is logged in, and it names only public bodies.
    app.get(
      '/jurisdictions',
      {
        schema: {
          tags: ['jurisdictions'],
          summary: '辖区列表（按树序）',
          security: [],
          response: { 200: z.object({ items: z.array(JurisdictionSchema) }) },
        },
      },
      async () => ({ items: await listAllJurisdictions(db) }),
    );
    app.post(
      '/jurisdictions',
      {
        schema: {
          tags: ['jurisdictions'],
          summary: '新增辖区（管理员）',
          body: JurisdictionInputSchema,
          response: { 201: JurisdictionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const created = await createJurisdiction(db, request.ctx, request.body);
        return reply.status(201).send({ ...created });
      },
    );
  };
