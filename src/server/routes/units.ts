import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ContactRole, UnitKind } from '../../shared/enums';
import { UnitInputSchema, UnitPatchSchema } from '../../shared/schemas/unit';
import type { Db } from '../db/client';
import { createUnit } from '../domain/units/create-unit';
import { getUnit } from '../domain/units/get-unit';
import { listUnits } from '../domain/units/list-units';
import { updateUnit } from '../domain/units/update-unit';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, FieldWarnings, IdParams, PagingQuery, pageOf } from './common';

const UnitSummarySchema = z.object({
  id: z.string(),
  kind: UnitKind.schema,
  name: z.string(),
  creditCode: z.string(),
  legalRepresentative: z.string(),
  industryCode: z.string(),
  staffCount: z.number().nullable(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  createdAt: DateTime,
});

const UnitRefSchema = z.object({ id: z.string(), name: z.string() });

const UnitDetailSchema = z.object({
  id: z.string(),
  kind: UnitKind.schema,
  name: z.string(),
  creditCode: z.string(),
  legalRepresentative: z.string(),
  address: z.string(),
  postcode: z.string(),
  industryCode: z.string(),
  staffCount: z.number().nullable(),
  annualOutput: z.number().nullable(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  parkId: z.string().nullable(),
  park: UnitRefSchema.nullable(),
  version: z.number(),
  createdAt: DateTime,
  updatedAt: DateTime,
  contacts: z.array(
    z.object({
      id: z.string(),
      role: ContactRole.schema,
      name: z.string(),
      department: z.string().nullable(),
      position: z.string().nullable(),
      officePhone: z.string().nullable(),
      mobile: z.string().nullable(),
      email: z.string().nullable(),
      remark: z.string().nullable(),
    }),
  ),
  members: z.array(UnitRefSchema.extend({ kind: UnitKind.schema, creditCode: z.string() })),
  memberOf: z.array(UnitRefSchema),
  parkTenants: z.array(UnitRefSchema.extend({ kind: UnitKind.schema })),
});

const UnitSavedSchema = z.object({ unit: UnitDetailSchema, warnings: FieldWarnings });

export const UnitListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    kind: UnitKind.schema.optional(),
    jurisdictionCode: z
      .string()
      .regex(/^\d{6}$/, '辖区代码应为6位数字')
      .optional(),
    industryCode: z
      .string()
      .regex(/^\d{2}$/, '行业代码应为2位数字')
      .optional(),
    parkId: z.uuid().optional(),
    sort: z.enum(['name', 'createdAt']).default('createdAt'),
    ...PagingQuery,
  })
  .strict();

export const unitRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/units',
      {
        schema: {
          tags: ['units'],
          summary: '单位列表（按权限范围）',
          querystring: UnitListQuery,
          response: { 200: pageOf(UnitSummarySchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listUnits(db, request.ctx, request.query);
      },
    );
    app.post(
      '/units',
      {
        schema: {
          tags: ['units'],
          summary: '登记单位',
          body: UnitInputSchema,
          response: { 201: UnitSavedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await createUnit(db, request.ctx, request.body));
      },
    );
    app.get(
      '/units/:id',
      {
        schema: {
          tags: ['units'],
          summary: '单位详情',
          params: IdParams,
          response: { 200: UnitDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getUnit(db, request.ctx, request.params.id);
      },
    );
    app.patch(
      '/units/:id',
      {
        schema: {
          tags: ['units'],
          summary: '修改单位信息（需提交读取时的 version）',
          params: IdParams,
          body: UnitPatchSchema,
          response: { 200: UnitSavedSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return updateUnit(db, request.ctx, request.params.id, request.body);
      },
    );
  };
