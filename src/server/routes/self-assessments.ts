import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecordVersion } from '../../shared/schemas/version';
import type { Db } from '../db/client';
import { createSelfAssessment } from '../domain/self-assessments/create-self-assessment';
import { getSelfAssessmentAttachment } from '../domain/self-assessments/get-self-assessment-attachment';
import { getSelfAssessment, listSelfAssessments } from '../domain/self-assessments/list-self-assessments';
import { saveSelfAssessment } from '../domain/self-assessments/save-self-assessment';
import { sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { AttachmentParams, DateTime, errorResponses, IdParams } from './common';

const DetailSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  programmeId: z.string(),
  programmeTitle: z.string(),
  baseKind: z.string(),
  practice: z.boolean().describe('练习自评：不能转为申报'),
  answers: z.unknown(),
  version: z.number(),
  updatedAt: DateTime,
  kind: z.unknown(),
  rubric: z.unknown(),
  /** Values the platform computed from the ledger and the registry, by metric id. */
  metrics: z.record(z.string(), z.number().optional()),
  /** Live result: score against the pass mark or conditions met, per-item results and the gap list. */
  evaluation: z.unknown(),
});

export const selfAssessmentRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/self-assessments',
      {
        schema: {
          tags: ['self-assessments'],
          summary: '自评列表（本单位或本辖区）',
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.string(),
                  unitId: z.string(),
                  unitName: z.string(),
                  programmeId: z.string(),
                  programmeTitle: z.string(),
                  baseKind: z.string(),
                  kindName: z.string().describe('基地类型名称，如“示范点”'),
                  practice: z.boolean().describe('练习自评：不能转为申报'),
                  version: z.number(),
                  updatedAt: DateTime,
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await listSelfAssessments(db, request.ctx) };
      },
    );
    app.post(
      '/self-assessments',
      {
        schema: {
          tags: ['self-assessments'],
          summary: '开始自评（选择已发布的工作方案与基地类型；申报已截止的方案为练习自评）',
          body: z
            .object({
              programmeId: z.uuid('工作方案编号格式不正确'),
              kindId: z.string().min(1).max(64),
              practice: z
                .boolean({ error: 'practice 应为 true 或 false' })
                .optional()
                .describe('以练习方式自评（已截止的方案只能练习）'),
            })
            .strict(),
          response: { 201: DetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await createSelfAssessment(db, request.ctx, request.body));
      },
    );
    app.get(
      '/self-assessments/:id',
      {
        schema: {
          tags: ['self-assessments'],
          summary: '自评详情与实时评估（得分/条件、差距清单）',
          params: IdParams,
          response: { 200: DetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getSelfAssessment(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/self-assessments/:id/attachments/:sha256',
      {
        schema: {
          tags: ['self-assessments'],
          summary: '下载自评佐证材料（凡可查看该自评者）',
          params: AttachmentParams,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { id, sha256 } = request.params;
        return sendFile(reply, await getSelfAssessmentAttachment(db, request.ctx, id, sha256));
      },
    );
    app.patch(
      '/self-assessments/:id',
      {
        schema: {
          tags: ['self-assessments'],
          summary: '保存自评草稿（需提交读取时的 version）',
          params: IdParams,
          body: z.object({ answers: z.record(z.string(), z.unknown()), version: RecordVersion }).strict(),
          response: { 200: DetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return saveSelfAssessment(db, request.ctx, request.params.id, request.body);
      },
    );
  };
