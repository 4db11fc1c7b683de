import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LedgerKind } from '../../shared/enums';
import { LedgerEntryInputSchema, LedgerEntryPatchSchema } from '../../shared/schemas/ledger';
import type { Db } from '../db/client';
import { ACCEPTED_TYPES, storeAttachment } from '../domain/attachments/store-attachment';
import { assignGuide, guideCandidates, listGuides, unassignGuide } from '../domain/ledger/assign-guide';
import { getLedgerAttachment } from '../domain/ledger/get-ledger-attachment';
import { listLedgerEntries } from '../domain/ledger/list-ledger-entries';
import { recordLedgerEntry } from '../domain/ledger/record-ledger-entry';
import { updateLedgerEntry } from '../domain/ledger/update-ledger-entry';
import { readUpload, sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, PagingQuery, pageOf, StoredAttachmentSchema } from './common';

const LedgerEntrySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: LedgerKind.schema,
  occurredOn: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  participants: z.number().nullable(),
  reachPercent: z.number().nullable(),
  firmsCovered: z.number().nullable(),
  guideId: z.string().nullable(),
  guideName: z.string().nullable(),
  details: z.unknown(),
  version: z.number(),
  createdAt: DateTime,
  updatedAt: DateTime,
  attachments: z.array(z.object({ id: z.string(), sha256: z.string(), fileName: z.string() })),
});

export const LedgerQuery = z
  .object({
    unitId: z.uuid().optional(),
    kind: LedgerKind.schema.optional(),
    from: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
    to: z.iso.date('日期格式应为 YYYY-MM-DD').optional(),
    ...PagingQuery,
  })
  .strict();

const GuideSchema = z.object({ id: z.string(), username: z.string(), displayName: z.string(), assignedAt: DateTime });

export const ledgerRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/attachments',
      {
        schema: {
          tags: ['ledger'],
          summary: `上传附件（multipart，字段 file；不超过 20 MB；${[...new Set(Object.values(ACCEPTED_TYPES))].join('、')}）`,
          consumes: ['multipart/form-data'],
          response: {
            201: StoredAttachmentSchema,
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { content, fileName } = await readUpload(request);
        const stored = await storeAttachment(db, request.ctx, content);
        return reply.status(201).send({ ...stored, fileName });
      },
    );

    app.get(
      '/ledger',
      {
        schema: {
          tags: ['ledger'],
          summary: '台账列表',
          querystring: LedgerQuery,
          response: { 200: pageOf(LedgerEntrySchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listLedgerEntries(db, request.ctx, request.query);
      },
    );

    app.post(
      '/ledger',
      {
        schema: {
          tags: ['ledger'],
          summary: '新增台账记录',
          body: LedgerEntryInputSchema,
          response: { 201: LedgerEntrySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await recordLedgerEntry(db, request.ctx, request.body));
      },
    );

    app.patch(
      '/ledger/:id',
      {
        schema: {
          tags: ['ledger'],
          summary: '修改台账记录（需提交读取时的 version）',
          params: IdParams,
          body: LedgerEntryPatchSchema,
          response: { 200: LedgerEntrySchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return updateLedgerEntry(db, request.ctx, request.params.id, request.body);
      },
    );

    app.get(
      '/ledger/:id/attachments/:attachmentId',
      {
        schema: {
          tags: ['ledger'],
          summary: '下载台账附件',
          params: z.object({ id: z.uuid(), attachmentId: z.uuid() }).strict(),
        },
      },
      async (request, reply) => {
        requireActor(request);
        const file = await getLedgerAttachment(db, request.ctx, request.params.id, request.params.attachmentId);
        return sendFile(reply, file);
      },
    );

    app.get(
      '/units/:id/guides',
      {
        schema: {
          tags: ['ledger'],
          summary: '单位的指导员',
          params: IdParams,
          response: { 200: z.object({ items: z.array(GuideSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await listGuides(db, request.ctx, request.params.id) };
      },
    );
    app.get(
      '/units/:id/guide-candidates',
      {
        schema: {
          tags: ['ledger'],
          summary: '可指派为指导员的监管人员（单位所在辖区及上级）',
          params: IdParams,
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), username: z.string(), displayName: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await guideCandidates(db, request.ctx, request.params.id) };
      },
    );
    app.post(
      '/units/:id/guides',
      {
        schema: {
          tags: ['ledger'],
          summary: '指派指导员',
          params: IdParams,
          body: z.object({ guideId: z.uuid('指导员编号格式不正确') }).strict(),
          response: { 200: z.object({ items: z.array(GuideSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await assignGuide(db, request.ctx, request.params.id, request.body.guideId) };
      },
    );
    app.delete(
      '/units/:id/guides/:guideId',
      {
        schema: {
          tags: ['ledger'],
          summary: '取消指导员',
          params: z.object({ id: z.uuid(), guideId: z.uuid() }).strict(),
          response: { 200: z.object({ items: z.array(GuideSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await unassignGuide(db, request.ctx, request.params.id, request.params.guideId) };
      },
    );
  };
