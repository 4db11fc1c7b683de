/**
 * Administrative case handling of rights protection (issue 12, rights-cases): the case-handling guide and its document
 * templates. Thin: validate, authenticate, call one use case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client';
import { getCaseGuide, listCaseGuides } from '../domain/rights-cases/get-case-guide';
import { guideDocumentTemplate } from '../domain/rights-cases/guide-document-template';
import { importCaseGuide } from '../domain/rights-cases/import-case-guide';
import { XLSX_MIME } from '../export/xlsx-stream';
import { contentDisposition } from '../http/attachments';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams } from './common';

const tags = ['rights-cases'];

const GuideSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  title: z.string(),
  ownerJurisdictionCode: z.string(),
  ownerJurisdictionName: z.string(),
  stepCount: z.number(),
  documentCount: z.number(),
  createdAt: DateTime,
});
const GuideDetailSchema = GuideSummarySchema.extend({
  /** The guide document (steps, documents, fields). */
  definition: z.unknown(),
  /** The same document as YAML, for editing. */
  yaml: z.string(),
  mayEdit: z.boolean(),
  versions: z.array(z.object({ id: z.string(), version: z.number(), createdAt: DateTime })),
});

/** A guide document as YAML text or a JSON object. */
const GuideSourceSchema = z.union([
  z.object({ yaml: z.string().min(1, '请填写办案指南').max(1_000_000) }).strict(),
  z.object({ definition: z.record(z.string(), z.unknown()) }).strict(),
]);

export const rightsCaseRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/rights/guides',
      {
        schema: {
          tags,
          summary: '办案指南列表（各指南的最新版本）',
          response: { 200: z.object({ items: z.array(GuideSummarySchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await listCaseGuides(db, request.ctx) };
      },
    );
    app.post(
      '/rights/guides',
      {
        schema: {
          tags,
          summary: '保存办案指南（YAML 或 JSON；保存为该指南的新版本，已有案件沿用原版本；市级及以上部门）',
          body: GuideSourceSchema,
          response: { 201: GuideSummarySchema, ...errorResponses },
        },
        bodyLimit: 2 * 1024 * 1024,
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await importCaseGuide(db, request.ctx, request.body));
      },
    );
    app.get(
      '/rights/guides/:id',
      {
        schema: {
          tags,
          summary: '办案指南详情（步骤、文书及其栏目）',
          params: IdParams,
          response: { 200: GuideDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getCaseGuide(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/rights/guides/:id/templates/:documentKey',
      {
        schema: {
          tags,
          summary: '下载文书模板（Excel）',
          params: z
            .object({
              id: z.uuid('编号格式不正确'),
              documentKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '文书标识格式不正确'),
            })
            .strict(),
          produces: [XLSX_MIME],
        },
      },
      async (request, reply) => {
        requireActor(request);
        const file = await guideDocumentTemplate(db, request.ctx, request.params.id, request.params.documentKey);
        return reply
          .type(XLSX_MIME)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', contentDisposition(file.fileName, 'template.xlsx'))
          .send(file.content);
      },
    );
  };
