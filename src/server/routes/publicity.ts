/**
 * Publicity notices (公示) and objections (异议). Reading notices, uploading an objection's attachments and filing
 * the objection are public (no login; both writes are rate-limited per IP like login); publishing a notice and
 * handling objections — reading their attachments too — are for the programme's owning bureau.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApplicationStatus } from '../../core/applications/workflow';
import {
  ObjectionCreateSchema,
  ObjectionQuerySchema,
  ObjectionResolutionSchema,
  PublicityCreateSchema,
  PublicityQuerySchema,
} from '../../shared/schemas/publicity';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { ACCEPTED_TYPES } from '../domain/attachments/store-attachment';
import { createPublicity } from '../domain/publicity/create-publicity';
import { fileObjection } from '../domain/publicity/file-objection';
import { getNotice } from '../domain/publicity/get-notice';
import { getObjectionAttachment } from '../domain/publicity/get-objection-attachment';
import { getObjectionReceipt } from '../domain/publicity/get-objection-receipt';
import { listObjections } from '../domain/publicity/list-objections';
import { listNotices } from '../domain/publicity/publicity-queries';
import { resolveObjection } from '../domain/publicity/resolve-objection';
import { storeObjectionAttachment } from '../domain/publicity/store-objection-attachment';
import { readUpload, sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { AttachmentParams, DateTime, errorResponses, IdParams, pageOf, StoredAttachmentSchema } from './common';

const NoticeSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeTitle: z.string(),
  programmeYear: z.number(),
  issuer: z.string(),
  ownerJurisdictionCode: z.string(),
  title: z.string(),
  body: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number(),
  state: z.enum(['upcoming', 'open', 'closed']),
  stateLabel: z.string(),
  acceptsObjections: z.boolean(),
  /** As published: who is proposed, for which kind of base, where. No contact data. */
  entries: z.array(
    z.object({
      applicationId: z.string(),
      unitName: z.string(),
      kindId: z.string(),
      kindName: z.string(),
      jurisdictionCode: z.string(),
      jurisdictionName: z.string(),
    }),
  ),
  createdAt: DateTime,
});

const ObjectionSchema = z.object({
  id: z.string(),
  /** The code on the objector's receipt, for answering a phone enquiry. */
  receiptCode: z.string(),
  noticeId: z.string(),
  noticeTitle: z.string(),
  applicationId: z.string(),
  unitName: z.string(),
  applicationStatus: ApplicationStatus.schema,
  name: z.string(),
  contact: z.string(),
  reasons: z.string(),
  attachments: z.array(z.object({ sha256: z.string(), fileName: z.string() })),
  state: z.enum(['unresolved', 'resolved']),
  resolution: z.string().nullable(),
  upheld: z.boolean().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: DateTime.nullable(),
  version: z.number(),
  createdAt: DateTime,
});

const ObjectionReceiptSchema = z.object({
  receiptCode: z.string(),
  noticeId: z.string(),
  noticeTitle: z.string(),
  unitName: z.string(),
  filedAt: DateTime,
  progress: z.enum(['received', 'handling', 'decided']),
  progressLabel: z.string(),
  upheld: z.boolean().nullable(),
  resolution: z.string().nullable(),
  resolvedAt: DateTime.nullable(),
});

export const publicityRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/publicity',
      {
        schema: {
          tags: ['publicity'],
          summary: '公示列表（公开，无需登录；公示开始前仅主管部门可见）',
          security: [],
          querystring: PublicityQuerySchema,
          response: { 200: pageOf(NoticeSchema), ...errorResponses },
        },
      },
      async (request) => listNotices(db, request.ctx.actor, request.query, businessDate(config)),
    );
    app.get(
      '/publicity/:id',
      {
        schema: {
          tags: ['publicity'],
          summary: '公示详情（公开，无需登录）',
          security: [],
          params: IdParams,
          response: { 200: NoticeSchema, ...errorResponses },
        },
      },
      async (request) => getNotice(db, request.ctx.actor, request.params.id, businessDate(config)),
    );
    app.post(
      '/publicity',
      {
        schema: {
          tags: ['publicity'],
          summary: '发布公示（方案主管部门；所列申报须为本方案验收通过的，发布后进入公示）',
          body: PublicityCreateSchema,
          response: {
            201: NoticeSchema.extend({
              /** What the officer should know: the period reaches a year the calendar lacks, dates outside the stage. */
              warnings: z.array(z.string()),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const today = businessDate(config);
        const { noticeId, warnings } = await createPublicity(db, request.ctx, request.body, today);
        return reply.status(201).send({ ...(await getNotice(db, request.ctx.actor, noticeId, today)), warnings });
      },
    );
    app.post(
      '/publicity/:id/objections',
      {
        schema: {
          tags: ['publicity'],
          summary: '提出异议（公开，无需登录；仅在公示期内；须留姓名和联系方式）',
          security: [],
          params: IdParams,
          body: ObjectionCreateSchema,
          response: {
            201: z.object({ id: z.string(), receiptCode: z.string(), message: z.string() }),
            ...errorResponses,
          },
        },
        config: {
          rateLimit: {
            max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
            timeWindow: '1 minute',
            keyGenerator: (request) => `objection|${request.ip}`,
          },
        },
      },
      async (request, reply) => {
        const filed = await fileObjection(db, request.ctx, request.params.id, request.body, businessDate(config));
        return reply.status(201).send({ ...filed, message: '异议已收到，主管部门将核查处理' });
      },
    );
    app.get(
      '/objection-receipts/:code',
      {
        schema: {
          tags: ['publicity'],
          summary: '凭回执码查询异议处理进度（公开，无需登录；不含异议人信息）',
          security: [],
          params: z.object({ code: z.string().max(40) }),
          response: { 200: ObjectionReceiptSchema, ...errorResponses },
        },
        // Like the other public endpoints: a code cannot be found by trying many.
        config: {
          rateLimit: {
            max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
            timeWindow: '1 minute',
            keyGenerator: (request) => `objection-receipt|${request.ip}`,
          },
        },
      },
      async (request) => getObjectionReceipt(db, request.params.code, businessDate(config)),
    );
    app.post(
      '/publicity/:id/attachments',
      {
        schema: {
          tags: ['publicity'],
          summary: `上传异议附件（公开，无需登录；仅在公示期内；multipart，字段 file；不超过 20 MB；${[...new Set(Object.values(ACCEPTED_TYPES))].join('、')}）`,
          security: [],
          consumes: ['multipart/form-data'],
          params: IdParams,
          response: { 201: StoredAttachmentSchema, ...errorResponses },
        },
        config: {
          rateLimit: {
            max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
            timeWindow: '1 minute',
            keyGenerator: (request) => `objection-attachment|${request.ip}`,
          },
        },
      },
      async (request, reply) => {
        const { upload, stored } = await storeObjectionAttachment(
          db,
          request.ctx,
          request.params.id,
          () => readUpload(request),
          businessDate(config),
        );
        return reply.status(201).send({ ...stored, fileName: upload.fileName });
      },
    );
    app.get(
      '/objections',
      {
        schema: {
          tags: ['publicity'],
          summary: '异议列表（方案主管部门，含异议人联系方式）',
          querystring: ObjectionQuerySchema,
          response: { 200: pageOf(ObjectionSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listObjections(db, request.ctx, request.query);
      },
    );
    app.get(
      '/objections/:id/attachments/:sha256',
      {
        schema: {
          tags: ['publicity'],
          summary: '下载异议附件（方案主管部门）',
          params: AttachmentParams,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { id, sha256 } = request.params;
        return sendFile(reply, await getObjectionAttachment(db, request.ctx, id, sha256));
      },
    );
    app.post(
      '/objections/:id/resolution',
      {
        schema: {
          tags: ['publicity'],
          summary: '处理异议：填写核查处理结果与异议是否成立（方案主管部门；需提交读取时的 version）',
          params: IdParams,
          body: ObjectionResolutionSchema,
          response: { 200: ObjectionSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return resolveObjection(db, request.ctx, request.params.id, request.body);
      },
    );
  };
