/**
 * The ongoing management of certified bases (动态管理): the annual review worklist of a programme, each base's
 * review with its maintenance conditions, rectification follow-ups, and incentives — with their Excel exports.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IncentiveKind, RectificationOutcome, ReviewOutcome } from '../../shared/enums-oversight';
import {
  AnnualReviewSchema,
  BaseReviewsQuerySchema,
  IncentiveSchema,
  IncentivesQuerySchema,
  RectificationSchema,
  ReviewParams,
} from '../../shared/schemas/oversight';
import { CertificateParams } from '../../shared/schemas/publicity';
import type { Db } from '../db/client';
import { exportBaseReviews, exportIncentives } from '../domain/oversight/export-oversight';
import { listIncentives, recordIncentive } from '../domain/oversight/incentives';
import { listBaseReviews } from '../domain/oversight/list-base-reviews';
import { recordRectification } from '../domain/oversight/record-rectification';
import { recordReview } from '../domain/oversight/record-review';
import { reviewCheck } from '../domain/oversight/review-check';
import { registryDetail } from '../domain/registry/registry-queries';
import { sendXlsx } from '../export/xlsx-stream';
import { requireActor } from '../http/session';
import { errorResponses } from './common';
import { BaseDetailSchema, ReviewedConditionSchema } from './registry';

const tags = ['oversight'];
const unpaged = { page: true, pageSize: true } as const;
const YearQuery = z.object({ year: ReviewParams.shape.year }).strict();

const ReviewCheckSchema = z.object({
  certificateNo: z.string(),
  year: z.number(),
  asOf: z.string(),
  conditions: z.array(ReviewedConditionSchema),
  suggestedRectifyBy: z.string().nullable(),
  revocationGrounds: z.array(z.string()),
});

const BaseReviewListSchema = z.object({
  programme: z.object({ id: z.string(), title: z.string() }),
  year: z.number(),
  asOf: z.string(),
  mayReview: z.boolean(),
  counts: z.object({
    all: z.number(),
    unreviewed: z.number(),
    rectifying: z.number(),
    overdue: z.number(),
    revoked: z.number(),
  }),
  total: z.number(),
  items: z.array(
    z.object({
      certificateNo: z.string(),
      unitName: z.string(),
      title: z.string(),
      jurisdictionName: z.string(),
      decidedOn: z.string(),
      revokedOn: z.string().nullable(),
      check: z.object({ met: z.number(), notMet: z.number(), toJudge: z.number() }).nullable(),
      review: z
        .object({
          year: z.number(),
          outcome: ReviewOutcome.schema,
          outcomeLabel: z.string(),
          findings: z.string(),
          conditions: z.array(ReviewedConditionSchema),
          rectifyBy: z.string().nullable(),
          daysLeft: z.number().nullable(),
          rectificationOutcome: RectificationOutcome.schema.nullable(),
          rectificationOutcomeLabel: z.string().nullable(),
          rectificationFindings: z.string().nullable(),
          rectifiedOn: z.string().nullable(),
          version: z.number(),
          recordedAt: z.string(),
        })
        .nullable(),
    }),
  ),
});

const IncentiveListSchema = z.object({
  total: z.number(),
  totalAmountYuan: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      certificateNo: z.string(),
      title: z.string(),
      unitName: z.string(),
      jurisdictionName: z.string(),
      kind: IncentiveKind.schema,
      kindLabel: z.string(),
      measure: z.string(),
      amountYuan: z.number().nullable(),
      grantedOn: z.string(),
      document: z.string().nullable(),
      note: z.string().nullable(),
      recordedBy: z.string().nullable(),
    }),
  ),
});

export const oversightRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/base-reviews',
      {
        schema: {
          tags,
          summary: '年度复核工作台：某工作方案认定的示范基地在某年度的复核、整改与撤销情况（监管部门）',
          querystring: BaseReviewsQuerySchema,
          response: { 200: BaseReviewListSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listBaseReviews(db, request.ctx, request.query, request.ctx.today);
      },
    );
    app.get(
      '/base-reviews/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出年度复核情况（Excel；筛选条件与年度复核工作台相同）',
          querystring: BaseReviewsQuerySchema.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const sheet = exportBaseReviews(db, request.ctx, request.query, request.ctx.today);
        return sendXlsx(reply, `${request.query.year}年度复核.xlsx`, sheet);
      },
    );
    app.get(
      '/registry/:certificateNo/review-check',
      {
        schema: {
          tags,
          summary:
            '年度复核条件核验：按工作方案的复核条件，平台数据能判断的自动判断，其余由复核人判断（认定该基地的监管部门）',
          params: CertificateParams,
          querystring: YearQuery,
          response: { 200: ReviewCheckSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return reviewCheck(db, request.ctx, request.params.certificateNo, request.query.year, request.ctx.today);
      },
    );
    app.post(
      '/registry/:certificateNo/reviews',
      {
        schema: {
          tags,
          summary: '年度复核：通过、限期整改或撤销认定（认定该基地的监管部门）',
          params: CertificateParams,
          body: AnnualReviewSchema,
          response: { 201: BaseDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { certificateNo } = request.params;
        await recordReview(db, request.ctx, certificateNo, request.body, request.ctx.today);
        return reply.status(201).send(await registryDetail(db, request.ctx.actor, certificateNo));
      },
    );
    app.post(
      '/registry/:certificateNo/reviews/:year/rectification',
      {
        schema: {
          tags,
          summary: '整改验收：整改到位，或整改不到位撤销认定（认定该基地的监管部门）',
          params: ReviewParams,
          body: RectificationSchema,
          response: { 200: BaseDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const { certificateNo, year } = request.params;
        await recordRectification(db, request.ctx, certificateNo, year, request.body, request.ctx.today);
        return registryDetail(db, request.ctx.actor, certificateNo);
      },
    );
    app.post(
      '/registry/:certificateNo/incentives',
      {
        schema: {
          tags,
          summary: '记录示范基地获得的激励措施（表彰奖励、经费补助等；认定该基地的监管部门）',
          params: CertificateParams,
          body: IncentiveSchema,
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const created = await recordIncentive(
          db,
          request.ctx,
          request.params.certificateNo,
          request.body,
          request.ctx.today,
        );
        return reply.status(201).send(created);
      },
    );
    app.get(
      '/base-incentives',
      {
        schema: {
          tags,
          summary: '激励措施列表（辖区内示范基地获得的表彰奖励、经费补助等；单位只见本单位）',
          querystring: IncentivesQuerySchema,
          response: { 200: IncentiveListSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listIncentives(db, request.ctx, request.query);
      },
    );
    app.get(
      '/base-incentives/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出激励措施（Excel；筛选条件与激励措施列表相同）',
          querystring: IncentivesQuerySchema.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '激励措施.xlsx', exportIncentives(db, request.ctx, request.query));
      },
    );
  };
