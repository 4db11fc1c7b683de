/**
 * The guides and rules library: bureaus publish and revise; every account reads public and registered-only documents,
 * the public (no login) the public ones under /public-guides.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GuideKind, GuideVisibility } from '../../shared/enums-services';
import { GuideInputSchema, GuideQuerySchema, GuideVersionInputSchema } from '../../shared/schemas/guides';
import type { Db } from '../db/client';
import { guideDetail, guideFile, searchGuides } from '../domain/guides/guide-queries';
import { publishGuide } from '../domain/guides/publish-guide';
import { reviseGuide } from '../domain/guides/revise-guide';
import { sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { errorResponses, IdParams, pageOf } from './common';

const tags = ['guides'];

const GuideSummarySchema = z.object({
  id: z.string(),
  kind: GuideKind.schema,
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  visibility: GuideVisibility.schema,
  version: z.number(),
  title: z.string(),
  summary: z.string(),
  fileName: z.string(),
  publishedOn: z.string(),
});

const GuideDetailSchema = GuideSummarySchema.extend({
  body: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      title: z.string(),
      fileName: z.string(),
      changeNote: z.string().nullable(),
      publishedOn: z.string(),
    }),
  ),
});

const VersionParams = z
  .object({ id: z.uuid('编号格式不正确'), version: z.coerce.number().int().min(1).max(100_000) })
  .strict();

export const guideRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/guides',
      {
        schema: {
          tags,
          summary: '指引与范本库（含仅注册单位可见的）：按标题、摘要、正文检索，按类型、行业筛选',
          querystring: GuideQuerySchema,
          response: { 200: pageOf(GuideSummarySchema), ...errorResponses },
        },
      },
      async (request) => searchGuides(db, requireActor(request), request.query),
    );
    app.post(
      '/guides',
      {
        schema: {
          tags,
          summary: '发布指引或范本（监管部门，第1版）',
          body: GuideInputSchema,
          response: { 201: GuideDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await publishGuide(db, request.ctx, request.body));
      },
    );
    app.get(
      '/guides/:id',
      {
        schema: {
          tags,
          summary: '指引或范本详情及版本历史',
          params: IdParams,
          response: { 200: GuideDetailSchema, ...errorResponses },
        },
      },
      async (request) => guideDetail(db, requireActor(request), request.params.id),
    );
    app.post(
      '/guides/:id/versions',
      {
        schema: {
          tags,
          summary: '发布新版本（旧版本保留）',
          params: IdParams,
          body: GuideVersionInputSchema,
          response: { 201: GuideDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await reviseGuide(db, request.ctx, request.params.id, request.body));
      },
    );
    app.get(
      '/guides/:id/versions/:version/file',
      { schema: { tags, summary: '下载某一版本的文件', params: VersionParams } },
      async (request, reply) =>
        sendFile(reply, await guideFile(db, requireActor(request), request.params.id, request.params.version)),
    );

    app.get(
      '/public-guides',
      {
        schema: {
          tags,
          summary: '公开的指引与范本（无需登录）',
          security: [],
          querystring: GuideQuerySchema,
          response: { 200: pageOf(GuideSummarySchema), ...errorResponses },
        },
      },
      async (request) => searchGuides(db, null, request.query),
    );
    app.get(
      '/public-guides/:id',
      {
        schema: {
          tags,
          summary: '公开的指引或范本详情（无需登录）',
          security: [],
          params: IdParams,
          response: { 200: GuideDetailSchema, ...errorResponses },
        },
      },
      async (request) => guideDetail(db, null, request.params.id),
    );
    app.get(
      '/public-guides/:id/file',
      { schema: { tags, summary: '下载公开指引或范本的现行版本（无需登录）', security: [], params: IdParams } },
      async (request, reply) => sendFile(reply, await guideFile(db, null, request.params.id)),
    );
  };
