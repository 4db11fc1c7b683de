/**
 * Typical cases (典型案例: officers write, a second officer approves, the public reads) and the statistics of clues
 * and cases (charts and Excel). Thin: validate, authenticate, call one use case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { TypicalCaseStatus } from '../../shared/enums-rights-cases';
import {
  PublicTypicalCaseQuerySchema,
  RightsStatisticsQuerySchema,
  TypicalCaseInputSchema,
  TypicalCasePatchSchema,
  TypicalCaseReturnSchema,
  TypicalCaseVersionSchema,
} from '../../shared/schemas/rights-cases';
import type { Db } from '../db/client';
import { rightsStatistics, statisticsRows } from '../domain/rights-cases/rights-statistics';
import {
  getPublishedTypicalCase,
  listPublishedTypicalCases,
  listTypicalCases,
  loadTypicalCase,
} from '../domain/rights-cases/typical-case-queries';
import {
  createTypicalCase,
  reviewTypicalCase,
  submitTypicalCase,
  updateTypicalCase,
} from '../domain/rights-cases/write-typical-case';
import { onePage, sendXlsx } from '../export/xlsx-stream';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, pageOf } from './common';

const tags = ['rights-cases'];

const TypicalCaseSchema = z.object({
  id: z.string(),
  clueId: z.string(),
  clueNo: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  significance: z.string().nullable(),
  secretCategory: z.string().nullable(),
  industry: z.string().nullable(),
  status: TypicalCaseStatus.schema,
  authorId: z.string(),
  authorName: z.string(),
  approvedById: z.string().nullable(),
  approverName: z.string().nullable(),
  returnReason: z.string().nullable(),
  publishedOn: z.string().nullable(),
  version: z.number(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const PublicTypicalCaseSchema = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  secretCategory: z.string().nullable(),
  industry: z.string().nullable(),
  jurisdictionName: z.string(),
  publishedOn: z.string(),
});

const BucketSchema = z.array(z.object({ key: z.string(), label: z.string(), count: z.number() }));
const StatisticsSchema = z.object({
  totals: z.object({
    clues: z.number(),
    decided: z.number(),
    avgDecisionDays: z.number().nullable(),
    maxDecisionDays: z.number().nullable(),
    cases: z.number(),
    closedCases: z.number(),
    overdueDecisions: z.number(),
    overdueCases: z.number(),
    transfers: z.number(),
    appraisals: z.number(),
    appraisalCost: z.number(),
  }),
  bySource: BucketSchema,
  byStatus: BucketSchema,
  byRoute: BucketSchema,
  bySecretKind: BucketSchema,
  byIndustry: BucketSchema,
  byDistrict: BucketSchema,
  byMonth: BucketSchema,
  transfersByOutcome: BucketSchema,
});

const TypicalCaseList = { 200: z.object({ items: z.array(TypicalCaseSchema) }), ...errorResponses };
const TypicalCaseOne = { 200: TypicalCaseSchema, ...errorResponses };

export const rightsTypicalCaseRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/rights/typical-cases',
      { schema: { tags, summary: '典型案例（本辖区及下级；含草稿和待审核）', response: TypicalCaseList } },
      async (request) => {
        requireActor(request);
        return { items: await listTypicalCases(db, request.ctx) };
      },
    );
    app.post(
      '/rights/typical-cases',
      {
        schema: {
          tags,
          summary: '撰写典型案例（已结案案件；公开文本由办案人员撰写，不自动引用案件材料）',
          body: TypicalCaseInputSchema,
          response: { 201: TypicalCaseSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await createTypicalCase(db, request.ctx, request.body));
      },
    );
    app.get(
      '/rights/typical-cases/:id',
      { schema: { tags, summary: '典型案例详情（办案部门）', params: IdParams, response: TypicalCaseOne } },
      async (request) => {
        requireActor(request);
        return loadTypicalCase(db, request.ctx, request.params.id);
      },
    );
    app.patch(
      '/rights/typical-cases/:id',
      {
        schema: {
          tags,
          summary: '修改典型案例草稿（撰写人）',
          params: IdParams,
          body: TypicalCasePatchSchema,
          response: TypicalCaseOne,
        },
      },
      async (request) => {
        requireActor(request);
        return updateTypicalCase(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/rights/typical-cases/:id/submit',
      {
        schema: {
          tags,
          summary: '提交审核（撰写人）',
          params: IdParams,
          body: TypicalCaseVersionSchema,
          response: TypicalCaseOne,
        },
      },
      async (request) => {
        requireActor(request);
        return submitTypicalCase(db, request.ctx, request.params.id, request.body.version);
      },
    );
    app.post(
      '/rights/typical-cases/:id/approve',
      {
        schema: {
          tags,
          summary: '审核发布（撰写人以外的另一名人员）',
          params: IdParams,
          body: TypicalCaseVersionSchema,
          response: TypicalCaseOne,
        },
      },
      async (request) => {
        requireActor(request);
        return reviewTypicalCase(db, request.ctx, request.params.id, { version: request.body.version, approve: true });
      },
    );
    app.post(
      '/rights/typical-cases/:id/return',
      {
        schema: {
          tags,
          summary: '退回修改（撰写人以外的另一名人员）',
          params: IdParams,
          body: TypicalCaseReturnSchema,
          response: TypicalCaseOne,
        },
      },
      async (request) => {
        requireActor(request);
        return reviewTypicalCase(db, request.ctx, request.params.id, { ...request.body, approve: false });
      },
    );
    app.get(
      '/typical-cases',
      {
        schema: {
          tags,
          summary: '典型案例（公开，无需登录；按关键词检索）',
          security: [],
          querystring: PublicTypicalCaseQuerySchema,
          response: { 200: pageOf(PublicTypicalCaseSchema), ...errorResponses },
        },
      },
      async (request) => listPublishedTypicalCases(db, request.query),
    );
    app.get(
      '/typical-cases/:id',
      {
        schema: {
          tags,
          summary: '典型案例详情（公开，无需登录）',
          security: [],
          params: IdParams,
          response: {
            200: PublicTypicalCaseSchema.extend({ body: z.string(), significance: z.string().nullable() }),
            ...errorResponses,
          },
        },
      },
      async (request) => getPublishedTypicalCase(db, request.params.id),
    );
    app.get(
      '/rights/statistics',
      {
        schema: {
          tags,
          summary:
            '维权统计（本辖区及下级：来源、途径、秘密类型、行业、辖区、月份、研判用时、超期、移送结果、鉴定经费）',
          querystring: RightsStatisticsQuerySchema,
          response: { 200: StatisticsSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return rightsStatistics(db, request.ctx, request.query);
      },
    );
    app.get(
      '/rights/statistics/export.xlsx',
      {
        schema: {
          tags: ['exports'],
          summary: '导出维权统计（Excel；条件与统计页相同）',
          querystring: RightsStatisticsQuerySchema,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const stats = await rightsStatistics(db, request.ctx, request.query);
        return sendXlsx(reply, '维权统计.xlsx', {
          name: '维权统计',
          columns: [
            { header: '维度', width: 16, value: (r) => r.dimension },
            { header: '项目', width: 36, value: (r) => r.label },
            { header: '数量', width: 14, value: (r) => r.count },
          ],
          pages: onePage(async () => statisticsRows(stats)),
        });
      },
    );
  };
