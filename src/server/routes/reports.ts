/**
 * The "五个一" picture of a jurisdiction and the reports upward (issue 14): figures against plan, rolled up the tree
 * with last year's comparison; quarterly and annual reports submitted to the bureau above (frozen), who has and has
 * not reported, and each report as Excel and PDF.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BaseKind, BaseLevel } from '../../core/programs/enums';
import { ReportKind } from '../../shared/enums-oversight';
import { PictureQuerySchema, ReportStatusQuerySchema, SubmitReportSchema } from '../../shared/schemas/reports';
import type { Db } from '../db/client';
import { jurisdictionPicture } from '../domain/oversight/jurisdiction-picture';
import { reportFileName, reportPdf, reportSheet } from '../domain/oversight/report-documents';
import { readSubmission, reportStatus, submitReport } from '../domain/oversight/report-submissions';
import { sendXlsx } from '../export/xlsx-stream';
import { requireActor } from '../http/session';
import { errorResponses, IdParams } from './common';
import { sendPdf } from './documents';
import { TargetRowSchema } from './targets';

const tags = ['reports'];

const PeriodSchema = z.object({
  year: z.number(),
  quarter: z.number().nullable(),
  from: z.string(),
  to: z.string(),
  label: z.string(),
});
const Values = z.record(z.string(), z.number().nullable());

export const PictureSchema = z.object({
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  /** The jurisdiction above (the reports go there); `readable`: the reader may open its picture. */
  parent: z.object({ code: z.string(), name: z.string(), readable: z.boolean() }).nullable(),
  period: PeriodSchema,
  previousPeriod: PeriodSchema,
  figures: z.array(
    z.object({ metric: z.string(), group: z.string(), label: z.string(), unit: z.string(), description: z.string() }),
  ),
  /** The jurisdiction (isTotal, its subtree's figures) and each jurisdiction directly below it. */
  rows: z.array(
    z.object({
      jurisdictionCode: z.string(),
      jurisdictionName: z.string(),
      isTotal: z.boolean(),
      hasChildren: z.boolean(),
      values: Values,
      previous: Values,
    }),
  ),
  bases: z.array(
    z.object({
      jurisdictionCode: z.string(),
      kind: BaseKind.schema,
      kindLabel: z.string(),
      level: BaseLevel.schema,
      levelLabel: z.string(),
      certified: z.number(),
      active: z.number(),
      previousCertified: z.number(),
    }),
  ),
  programme: z.object({ id: z.string(), code: z.string(), title: z.string(), asOf: z.string() }).nullable(),
  targets: z.array(TargetRowSchema),
});

const SubmissionSummarySchema = z.object({
  id: z.string(),
  jurisdictionCode: z.string(),
  kind: ReportKind.schema,
  year: z.number(),
  quarter: z.number().nullable(),
  periodLabel: z.string(),
  reason: z.string().nullable(),
  submittedByName: z.string(),
  submittedAt: z.string(),
  superseded: z.boolean(),
});

const BureauStatusSchema = z.object({
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  submitted: z.boolean(),
  current: SubmissionSummarySchema.nullable(),
  history: z.array(SubmissionSummarySchema),
});

export const reportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/picture',
      {
        schema: {
          tags,
          summary: '“五个一”工作统计：辖区及下级辖区的基地、贯标、培训、服务、案件、人才数据，对照目标任务与上年同期',
          querystring: PictureQuerySchema,
          response: { 200: PictureSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return jurisdictionPicture(db, request.ctx, request.query);
      },
    );
    app.get(
      '/reports/status',
      {
        schema: {
          tags,
          summary: '报送情况：本级及下一级各监管部门某期统计报表是否已报送',
          querystring: ReportStatusQuerySchema,
          response: {
            200: z.object({
              period: PeriodSchema,
              own: BureauStatusSchema,
              subordinates: z.array(BureauStatusSchema),
              missing: z.array(z.string()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return reportStatus(db, request.ctx, request.query);
      },
    );
    app.post(
      '/reports',
      {
        schema: {
          tags,
          summary: '报送统计报表：本级监管部门向上级报送季度或年度报表（数据在报送时固定；重新报送须说明原因）',
          body: SubmitReportSchema,
          response: { 201: SubmissionSummarySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const row = await submitReport(db, request.ctx, request.body);
        const { figures: _figures, ...submission } = await readSubmission(db, request.ctx, row.id);
        return reply.status(201).send(submission);
      },
    );
    app.get(
      '/reports/:id',
      {
        schema: {
          tags,
          summary: '已报送的统计报表（报送时固定的数据）',
          params: IdParams,
          response: { 200: SubmissionSummarySchema.extend({ figures: PictureSchema }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return readSubmission(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/reports/:id/report.xlsx',
      { schema: { tags, summary: '统计报表（Excel）', params: IdParams } },
      async (request, reply) => {
        requireActor(request);
        const submission = await readSubmission(db, request.ctx, request.params.id);
        return sendXlsx(reply, reportFileName(submission, 'xlsx'), reportSheet(submission));
      },
    );
    app.get(
      '/reports/:id/report.pdf',
      { schema: { tags, summary: '统计报表（PDF）', params: IdParams, produces: ['application/pdf'] } },
      async (request, reply) => {
        requireActor(request);
        const submission = await readSubmission(db, request.ctx, request.params.id);
        return sendPdf(reply, await reportPdf(submission), reportFileName(submission, 'pdf'), 'report.pdf');
      },
    );
  };
