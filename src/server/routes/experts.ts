import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictKind, ConflictStatus, ExpertField, Role } from '../../shared/enums';
import { Availability, PersonLevel, PersonRole, Profession } from '../../shared/enums-people';
import {
  ConflictDecisionSchema,
  ConflictDeclareSchema,
  ExpertInputSchema,
  ExpertListQuerySchema,
  ExpertPatchSchema,
} from '../../shared/schemas/acceptance';
import type { Db } from '../db/client';
import { createExpert } from '../domain/experts/create-expert';
import { decideConflict } from '../domain/experts/decide-conflict';
import { declareConflict } from '../domain/experts/declare-conflict';
import { listConflicts, listExpertConflicts } from '../domain/experts/list-conflicts';
import { getExpert, getMyExpert, listExperts } from '../domain/experts/list-experts';
import { updateExpert } from '../domain/experts/update-expert';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams } from './common';

export const ExpertSchema = z.object({
  id: z.string(),
  name: z.string(),
  affiliation: z.string(),
  field: ExpertField.schema,
  /** GB/T 4754 division codes. */
  industries: z.array(z.string()),
  /** The register of people (issue 13). */
  roles: z.array(PersonRole.schema),
  profession: Profession.schema.nullable(),
  fields: z.array(ExpertField.schema),
  /** Codes of the bureau's own industry list (src/shared/data/bureau-industries.ts). */
  localIndustries: z.array(z.string()),
  level: PersonLevel.schema.nullable(),
  availability: Availability.schema,
  availabilityNote: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  background: z.string().nullable(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
  createdAt: DateTime,
  updatedAt: DateTime,
  manageable: z.boolean(),
});

const ConflictSchema = z.object({
  id: z.string(),
  expertId: z.string(),
  expertName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  kind: ConflictKind.schema,
  status: ConflictStatus.schema,
  note: z.string().nullable(),
  declaredByName: z.string().nullable(),
  declaredByRole: Role.schema.nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: DateTime.nullable(),
  createdAt: DateTime,
});

const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });

export const expertRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/experts',
      {
        schema: {
          tags: ['experts'],
          summary: '专家库（监管部门：本级、上级与下级专家库；可按领域、行业、关键词筛选）',
          querystring: ExpertListQuerySchema,
          response: { 200: listOf(ExpertSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listExperts(db, request.ctx, request.query);
      },
    );
    app.get(
      '/experts/me',
      {
        schema: {
          tags: ['experts'],
          summary: '本人的专家信息（专家账号）',
          response: { 200: ExpertSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getMyExpert(db, request.ctx);
      },
    );
    app.get(
      '/experts/:id',
      {
        schema: {
          tags: ['experts'],
          summary: '专家详情',
          params: IdParams,
          response: { 200: ExpertSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getExpert(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/experts',
      {
        schema: {
          tags: ['experts'],
          summary: '登记专家（本辖区或下级辖区的专家库）',
          body: ExpertInputSchema,
          response: { 201: ExpertSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await createExpert(db, request.ctx, request.body));
      },
    );
    app.patch(
      '/experts/:id',
      {
        schema: {
          tags: ['experts'],
          summary: '修改专家信息（需提交读取时的 version）',
          params: IdParams,
          body: ExpertPatchSchema,
          response: { 200: ExpertSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return updateExpert(db, request.ctx, request.params.id, request.body);
      },
    );
    app.get(
      '/experts/:id/conflicts',
      {
        schema: {
          tags: ['experts'],
          summary: '专家的利益冲突记录',
          params: IdParams,
          response: { 200: listOf(ConflictSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listExpertConflicts(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/experts/:id/conflicts',
      {
        schema: {
          tags: ['experts'],
          summary: '申报利益冲突（专家本人、申报单位为本单位、监管部门）',
          params: IdParams,
          body: ConflictDeclareSchema,
          response: { 201: ConflictSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await declareConflict(db, request.ctx, request.params.id, request.body));
      },
    );
    app.get(
      '/conflicts',
      {
        schema: {
          tags: ['experts'],
          summary: '本辖区单位的利益冲突记录（监管部门）',
          querystring: z.object({ status: ConflictStatus.schema.optional() }).strict(),
          response: { 200: listOf(ConflictSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listConflicts(db, request.ctx, request.query);
      },
    );
    app.post(
      '/conflicts/:id/decision',
      {
        schema: {
          tags: ['experts'],
          summary: '确认利益冲突或认定不构成冲突（监管部门）',
          params: IdParams,
          body: ConflictDecisionSchema,
          response: { 200: ConflictSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return decideConflict(db, request.ctx, request.params.id, request.body);
      },
    );
  };
