/**
 * Bureau assessment (评估考核, 001 (十一)): schemes imported as YAML, published (then fixed), scored by hand where the
 * scheme says so, computed from the platform's data elsewhere; scorecards, ranking, praise list, drill-down.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AssessmentStatus } from '../../shared/enums-assessment';
import { AttachmentRefSchema } from '../../shared/schemas/ledger';
import { RecordVersion } from '../../shared/schemas/version';
import type { Db } from '../db/client';
import { listSchemes } from '../domain/assessment/list-schemes';
import { recordScore } from '../domain/assessment/record-score';
import { advanceScheme, importScheme } from '../domain/assessment/scheme-commands';
import { readableScheme, schemeSummary } from '../domain/assessment/scheme-queries';
import { scorecard, scorecardAttachment, scorecards } from '../domain/assessment/scorecards';
import { sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { errorResponses, IdParams } from './common';

const tags = ['assessments'];
const JurisdictionCode = z.string().regex(/^\d{6}$/, '辖区代码应为6位数字');
const CardParams = z.object({ id: z.uuid('编号格式不正确'), jurisdictionCode: JurisdictionCode }).strict();

const SchemeSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  year: z.number(),
  title: z.string(),
  issuer: z.string(),
  ownerJurisdictionCode: z.string(),
  ownerName: z.string(),
  status: AssessmentStatus.schema,
  statusLabel: z.string(),
  totalPoints: z.number(),
  indicatorCount: z.number(),
  version: z.number(),
  publishedAt: z.string().nullable(),
  resultsPublishedAt: z.string().nullable(),
  mayManage: z.boolean(),
});

const IndicatorScoreSchema = z.object({
  id: z.string(),
  text: z.string(),
  maxPoints: z.number(),
  kind: z.enum(['computed', 'scored']),
  metricLabel: z.string().nullable(),
  unit: z.string().nullable(),
  full: z.number().nullable(),
  value: z.number().nullable(),
  points: z.number().nullable(),
  note: z.string().nullable(),
  scoreVersion: z.number().nullable(),
});

const CardSchema = z.object({
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  total: z.number(),
  /** Hand-scored indicators not yet scored. */
  pending: z.number(),
});

const ScorecardsSchema = z.object({
  scheme: SchemeSummarySchema,
  definition: z.record(z.string(), z.unknown()),
  rows: z.array(
    CardSchema.extend({
      rank: z.number().nullable(),
      praised: z.boolean(),
      indicators: z.array(IndicatorScoreSchema),
    }),
  ),
});

const ScorecardSchema = z.object({
  scheme: SchemeSummarySchema,
  card: CardSchema.extend({
    indicators: z.array(
      IndicatorScoreSchema.extend({
        records: z.array(z.object({ label: z.string(), detail: z.string(), link: z.string().optional() })),
      }),
    ),
  }),
});

const ScoreBody = z
  .object({
    jurisdictionCode: JurisdictionCode,
    indicatorId: z.string().min(1).max(32),
    points: z.number({ error: '得分应为数字' }).min(0, '得分不能为负数').max(1000),
    note: z.string().trim().min(1, '请填写评分说明').max(5000, '评分说明不能超过5000个字'),
    attachments: z.array(AttachmentRefSchema).max(20, '附件最多20个').default([]),
    version: RecordVersion.optional(),
  })
  .strict();

export const assessmentRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/assessments',
      {
        schema: {
          tags,
          summary: '评估考核方案列表（制定方案的监管部门；被考核的监管部门在方案发布后可见）',
          response: { 200: z.object({ items: z.array(SchemeSummarySchema), total: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listSchemes(db, request.ctx);
      },
    );
    app.post(
      '/assessments',
      {
        schema: {
          tags,
          summary: '导入评估考核方案（YAML，存为草稿；本辖区及下级辖区的监管部门）',
          body: z.object({ yaml: z.string().min(1, '请提供方案文件').max(2_000_000) }).strict(),
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await importScheme(db, request.ctx, request.body.yaml));
      },
    );
    app.get(
      '/assessments/:id',
      {
        schema: {
          tags,
          summary: '评估考核方案详情',
          params: IdParams,
          response: {
            200: SchemeSummarySchema.extend({ definition: z.record(z.string(), z.unknown()) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        const { row, manages } = await readableScheme(db, request.ctx.actor, request.params.id);
        return { ...schemeSummary(row, manages), definition: row.scheme.definition };
      },
    );
    for (const [path, step, summary] of [
      ['publish', 'publish', '发布评估考核方案（发布后不可修改，开始评分）'],
      ['publish-results', 'publish_results', '公布评估考核结果（被考核单位可见排名与表扬名单）'],
    ] as const) {
      app.post(
        `/assessments/:id/${path}`,
        {
          schema: {
            tags,
            summary,
            params: IdParams,
            body: z
              .object({
                version: RecordVersion,
                /** Results only: publish although hand-scored indicators are unscored (else 409 listing them). */
                allowPending: z.boolean().optional(),
              })
              .strict(),
            response: { 200: SchemeSummarySchema, ...errorResponses },
          },
        },
        async (request) => {
          requireActor(request);
          const { version, allowPending } = request.body;
          await advanceScheme(db, request.ctx, request.params.id, step, version, allowPending);
          const { row, manages } = await readableScheme(db, request.ctx.actor, request.params.id);
          return schemeSummary(row, manages);
        },
      );
    }
    app.put(
      '/assessments/:id/scores',
      {
        schema: {
          tags,
          summary: '人工评分：为被考核单位的一项人工评分指标打分，附评分依据（制定方案的监管部门）',
          params: IdParams,
          body: ScoreBody,
          response: { 200: ScorecardSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        await recordScore(db, request.ctx, request.params.id, request.body);
        return scorecard(db, request.ctx, request.params.id, request.body.jurisdictionCode);
      },
    );
    app.get(
      '/assessments/:id/scorecards',
      {
        schema: {
          tags,
          summary: '评估考核得分与排名（被考核单位在结果公布前只见本单位）',
          params: IdParams,
          response: { 200: ScorecardsSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return scorecards(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/assessments/:id/scorecards/:jurisdictionCode',
      {
        schema: {
          tags,
          summary: '单个被考核单位的得分明细，含每项得分所依据的记录',
          params: CardParams,
          response: { 200: ScorecardSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return scorecard(db, request.ctx, request.params.id, request.params.jurisdictionCode);
      },
    );
    app.get(
      '/assessments/:id/scorecards/:jurisdictionCode/attachments/:sha256',
      {
        schema: {
          tags,
          summary: '下载人工评分的评分依据',
          params: CardParams.extend({
            sha256: z.string().regex(/^[0-9a-f]{64}$/, '附件标识应为64位十六进制 SHA-256'),
          }),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { id, jurisdictionCode, sha256 } = request.params;
        return sendFile(reply, await scorecardAttachment(db, request.ctx, id, jurisdictionCode, sha256));
      },
    );
  };
