import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseProgrammeYaml, stringifyProgrammeYaml } from '../../core/programs/load';
import type { Programme } from '../../core/programs/schema';
import { ProgrammeStatus } from '../../shared/enums';
import type { Db } from '../db/client';
import { cloneProgramme } from '../domain/programmes/clone-programme';
import { getProgramme } from '../domain/programmes/get-programme';
import { importProgramme } from '../domain/programmes/import-programme';
import { unitJurisdictionPath } from '../domain/programmes/programme-eligibility';
import { requireProgrammeManager, requireValidProgramme } from '../domain/programmes/programme-guards';
import { listProgrammes } from '../domain/programmes/programme-queries';
import { publishProgramme } from '../domain/programmes/publish-programme';
import { updateProgramme } from '../domain/programmes/update-programme';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams } from './common';

const ProgrammeSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  status: ProgrammeStatus.schema,
  ownerJurisdictionCode: z.string(),
  ownerJurisdictionName: z.string(),
  year: z.number(),
  title: z.string(),
  publishedAt: DateTime.nullable(),
  createdAt: DateTime,
});

const ProgrammeDetailSchema = ProgrammeSummarySchema.extend({
  /** The programme document (docs/programme.schema.json). */
  definition: z.unknown(),
  /** Per kind of base: the rubric's computed maximum total, bonus caps and pass mark (or checklist size). */
  kinds: z.array(z.unknown()),
  /** Whether the caller may edit, publish and clone this programme (its own jurisdiction's). */
  mayManage: z.boolean().optional(),
});

/** A programme document as YAML text or as a JSON object. */
const ProgrammeSourceSchema = z.union([
  z.object({ yaml: z.string().min(1).max(2_000_000) }).strict(),
  z.object({ definition: z.record(z.string(), z.unknown()) }).strict(),
]);

function documentOf(body: z.infer<typeof ProgrammeSourceSchema>): unknown {
  if ('definition' in body) return body.definition;
  const parsed = parseProgrammeYaml(body.yaml);
  return requireValidProgramme(parsed);
}

export const programmeRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/programs',
      {
        schema: {
          tags: ['programmes'],
          summary: '工作方案列表（已发布的所有人可见；草稿仅管理者可见）',
          querystring: z
            .object({
              code: z.string().max(64).optional(),
              status: ProgrammeStatus.schema.optional(),
              openToMyUnit: z
                .stringbool({ error: 'openToMyUnit 应为 true 或 false' })
                .optional()
                .describe('申报单位：仅列出本单位可以自评、申报的方案（本辖区及上级辖区发布的最新版本）'),
            })
            .strict(),
          response: { 200: z.object({ items: z.array(ProgrammeSummarySchema) }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const { openToMyUnit, ...filter } = request.query;
        const openToUnitPath = openToMyUnit ? await unitJurisdictionPath(db, actor) : undefined;
        return { items: await listProgrammes(db, actor, { ...filter, openToUnitPath }) };
      },
    );
    app.post(
      '/programs',
      {
        schema: {
          tags: ['programmes'],
          summary: '导入工作方案（新草稿版本；YAML 或 JSON；列出全部问题）',
          body: ProgrammeSourceSchema,
          response: { 201: ProgrammeDetailSchema, ...errorResponses },
        },
        bodyLimit: 2 * 1024 * 1024,
      },
      async (request, reply) => {
        // Only a bureau may import: others are refused before the document's problems are listed.
        requireProgrammeManager(requireActor(request));
        return reply.status(201).send(await importProgramme(db, request.ctx, documentOf(request.body)));
      },
    );
    app.get(
      '/programs/:id',
      {
        schema: {
          tags: ['programmes'],
          summary: '工作方案详情（含各类基地评分上限、加分封顶与合格线）',
          params: IdParams,
          response: { 200: ProgrammeDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getProgramme(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/programs/:id/export',
      { schema: { tags: ['programmes'], summary: '导出工作方案（YAML）', params: IdParams } },
      async (request, reply) => {
        requireActor(request);
        const detail = await getProgramme(db, request.ctx, request.params.id);
        return reply
          .type('application/yaml; charset=utf-8')
          .header('content-disposition', `attachment; filename="${detail.code}-v${detail.version}.yaml"`)
          .send(stringifyProgrammeYaml(detail.definition as Programme));
      },
    );
    app.patch(
      '/programs/:id',
      {
        schema: {
          tags: ['programmes'],
          summary: '修改草稿（已发布版本不可修改）',
          params: IdParams,
          body: ProgrammeSourceSchema,
          response: { 200: ProgrammeDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return updateProgramme(db, request.ctx, request.params.id, () => documentOf(request.body));
      },
    );
    app.post(
      '/programs/:id/publish',
      {
        schema: {
          tags: ['programmes'],
          summary: '发布（之后不可修改）',
          params: IdParams,
          response: { 200: ProgrammeDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return publishProgramme(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/programs/:id/clone',
      {
        schema: {
          tags: ['programmes'],
          summary: '复制为新草稿版本',
          params: IdParams,
          response: { 201: ProgrammeDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await cloneProgramme(db, request.ctx, request.params.id));
      },
    );
  };
