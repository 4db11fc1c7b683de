/**
 * The register of people beyond the registry's CRUD (routes/experts.ts): records of use per person, and suggested
 * members for an acceptance panel.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ExpertField } from '../../shared/enums';
import { PersonRecordKind, Profession } from '../../shared/enums-people';
import { PersonRecordInputSchema, PersonRecordQuerySchema } from '../../shared/schemas/people';
import type { Db } from '../db/client';
import { suggestPanel } from '../domain/acceptance/suggest-panel';
import { createPersonRecord, listPersonRecords } from '../domain/experts/person-records';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, pageOf } from './common';

const PersonRecordSchema = z.object({
  id: z.string(),
  expertId: z.string(),
  kind: PersonRecordKind.schema,
  occurredOn: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  caseRef: z.string().nullable(),
  rightsClueId: z.string().nullable(),
  rightsClueNo: z.string().nullable(),
  /** The module record this one stands for (e.g. `training`), null for records typed in. */
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  recordedByName: z.string().nullable(),
  createdAt: DateTime,
});

const SuggestionsSchema = z.object({
  applicationId: z.string(),
  unitName: z.string(),
  /** The applicant's GB/T 4754 division, named. */
  unitIndustry: z.string(),
  items: z.array(
    z.object({
      expertId: z.string(),
      name: z.string(),
      affiliation: z.string(),
      profession: Profession.schema.nullable(),
      fields: z.array(ExpertField.schema),
      jurisdictionName: z.string(),
      openAssignments: z.number(),
      score: z.number(),
      /** Why, in Chinese, one line per point given or taken. */
      reasons: z.array(z.string()),
    }),
  ),
  /** Acceptance experts left out for a conflict of interest with the applicant, and the conflict. */
  excluded: z.array(
    z.object({ expertId: z.string(), name: z.string(), affiliation: z.string(), conflicts: z.array(z.string()) }),
  ),
});

export const peopleRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/experts/:id/records',
      {
        schema: {
          tags: ['experts'],
          summary: '人员的使用记录（咨询论证、课题研究、参与办案、授课、参加培训），可按类别筛选',
          params: IdParams,
          querystring: PersonRecordQuerySchema,
          response: { 200: pageOf(PersonRecordSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listPersonRecords(db, request.ctx, request.params.id, request.query.kind);
      },
    );
    app.post(
      '/experts/:id/records',
      {
        schema: {
          tags: ['experts'],
          summary: '记录人员的使用情况（可查看该人员的监管部门）',
          params: IdParams,
          body: PersonRecordInputSchema,
          response: { 201: PersonRecordSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await createPersonRecord(db, request.ctx, request.params.id, request.body));
      },
    );
    app.get(
      '/applications/:id/panel/suggestions',
      {
        schema: {
          tags: ['acceptance'],
          summary:
            '验收专家推荐：按行业与领域匹配、单位分布和在办任务排序，排除利益冲突，附推荐理由（工作方案主管部门）',
          params: IdParams,
          response: { 200: SuggestionsSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return suggestPanel(db, request.ctx, request.params.id);
      },
    );
  };
