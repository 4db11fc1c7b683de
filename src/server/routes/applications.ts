import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationAction, ApplicationStatus } from '../../core/applications/workflow';
import {
  ApplicationCreateSchema,
  ApplicationPatchSchema,
  DistrictReviewSchema,
  TransitionSchema,
} from '../../shared/schemas/application';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { createApplication } from '../domain/applications/create-application';
import { reviewInDistrict } from '../domain/applications/district-review';
import { getApplication } from '../domain/applications/get-application';
import { getApplicationAttachment } from '../domain/applications/get-application-attachment';
import { listApplications } from '../domain/applications/list-applications';
import { transitionApplication } from '../domain/applications/transition-application';
import { updateApplication } from '../domain/applications/update-application';
import { sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { AttachmentParams, DateTime, errorResponses, IdParams, PagingQuery, pageOf } from './common';

export const ApplicationSummarySchema = z.object({
  id: z.string(),
  status: ApplicationStatus.schema,
  unitId: z.string(),
  unitName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  programmeId: z.string(),
  programmeTitle: z.string(),
  programmeYear: z.number(),
  kindId: z.string(),
  kindName: z.string(),
  districtScore: z.number().nullable(),
  submittedAt: DateTime.nullable(),
  version: z.number(),
  updatedAt: DateTime,
});

const ApplicationDetailSchema = ApplicationSummarySchema.extend({
  formData: z.record(z.string(), z.unknown()),
  narrative: z.string(),
  applicantOpinion: z.string(),
  attachments: z.array(z.object({ sha256: z.string(), fileName: z.string() })),
  answers: z.unknown(),
  districtAnswers: z.unknown(),
  districtOpinion: z.string().nullable(),
  returnReason: z.string().nullable(),
  acceptanceOpinion: z.string().nullable(),
  /** The programme's kind, form and rubric for this application. */
  kind: z.unknown(),
  form: z.unknown(),
  rubric: z.unknown(),
  metrics: z.record(z.string(), z.number().optional()),
  /** The applicant's answers evaluated now (score or conditions, gaps). */
  evaluation: z.unknown(),
  districtEvaluation: z.unknown(),
  /** Officers: the district's candidates for the same programme and kind, best first, and the quota. */
  ranking: z
    .object({
      quota: z.number().nullable(),
      recommended: z.number(),
      candidates: z.array(
        z.object({
          id: z.string(),
          unitName: z.string(),
          score: z.number(),
          status: ApplicationStatus.schema,
          rank: z.number(),
          withinQuota: z.boolean(),
        }),
      ),
    })
    .nullable(),
  base: z
    .object({
      certificateNo: z.string(),
      decisionNumber: z.string().nullable(),
      decidedOn: z.string(),
      revokedOn: z.string().nullable(),
    })
    .nullable(),
  /** The programme's stages, with the signed opinion block each fills in on the form. */
  stages: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), opinion: z.string().nullable() })),
  history: z.array(
    z.object({
      action: z.string(),
      fromStatus: ApplicationStatus.schema.nullable(),
      toStatus: ApplicationStatus.schema,
      actorName: z.string().nullable(),
      comment: z.string().nullable(),
      at: DateTime,
      /** The business date the action was taken on (YYYY-MM-DD); null for events recorded before it was kept. */
      businessDate: z.string().nullable(),
    }),
  ),
  roles: z.array(z.string()),
  /** The actions the reader may take now. */
  allowedActions: z.array(ApplicationAction.schema),
  /** Offered actions outside their stage's published dates today: a warning, or a refusal when enforced. */
  scheduleNotices: z.array(
    z.object({
      action: ApplicationAction.schema,
      code: z.enum(['before_schedule', 'after_schedule']),
      enforced: z.boolean(),
      message: z.string(),
    }),
  ),
});

export const ApplicationQuery = z
  .object({
    status: ApplicationStatus.schema.optional(),
    programmeId: z.uuid().optional(),
    kindId: z.string().max(64).optional(),
    unitId: z.uuid().optional(),
    /** Only what waits on the reader (its to-do list). */
    todo: z.enum(['true', 'false']).optional(),
    ...PagingQuery,
  })
  .strict();

export const applicationRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/applications',
      {
        schema: {
          tags: ['applications'],
          summary: '申报列表（申报单位：本单位；监管部门：本辖区，不含草稿；专家：所评审的）',
          querystring: ApplicationQuery,
          response: { 200: pageOf(ApplicationSummarySchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const { todo, ...filter } = request.query;
        return listApplications(db, request.ctx, { ...filter, todo: todo === 'true' });
      },
    );
    app.post(
      '/applications',
      {
        schema: {
          tags: ['applications'],
          summary: '由自评新建申报草稿',
          body: ApplicationCreateSchema,
          response: { 201: ApplicationDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const id = await createApplication(db, request.ctx, request.body, businessDate(config));
        return reply.status(201).send(await getApplication(db, request.ctx, id));
      },
    );
    app.get(
      '/applications/:id',
      {
        schema: {
          tags: ['applications'],
          summary: '申报详情（含评价、排名、流转记录与可进行的操作）',
          params: IdParams,
          response: { 200: ApplicationDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getApplication(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/applications/:id/attachments/:sha256',
      {
        schema: {
          tags: ['applications'],
          summary: '下载申报材料（申报附件与自评佐证；凡可查看该申报者）',
          params: AttachmentParams,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { id, sha256 } = request.params;
        return sendFile(reply, await getApplicationAttachment(db, request.ctx, id, sha256));
      },
    );
    app.patch(
      '/applications/:id',
      {
        schema: {
          tags: ['applications'],
          summary: '修改申报（草稿或退回补充材料时；需提交读取时的 version）',
          params: IdParams,
          body: ApplicationPatchSchema,
          response: { 200: ApplicationDetailSchema, ...errorResponses },
        },
        bodyLimit: 2 * 1024 * 1024,
      },
      async (request) => {
        requireActor(request);
        return updateApplication(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/applications/:id/transitions',
      {
        schema: {
          tags: ['applications'],
          summary:
            '申报流转（submit、withdraw、return、resubmit、recommend、not_recommend …）；非法操作 409 并列出可进行的操作',
          params: IdParams,
          body: TransitionSchema,
          response: {
            200: ApplicationDetailSchema.extend({
              /** What the officer should know about the action just taken (e.g. outside the published dates). */
              warnings: z.array(z.object({ code: z.string(), message: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        const { warnings } = await transitionApplication(
          db,
          request.ctx,
          request.params.id,
          request.body,
          businessDate(config),
        );
        return { ...(await getApplication(db, request.ctx, request.params.id)), warnings };
      },
    );
    app.put(
      '/applications/:id/district-review',
      {
        schema: {
          tags: ['applications'],
          summary: '区县审核评分与推荐意见',
          params: IdParams,
          body: DistrictReviewSchema,
          response: { 200: ApplicationDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return reviewInDistrict(db, request.ctx, request.params.id, request.body);
      },
    );
  };
