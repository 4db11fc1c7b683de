/**
 * Services and campaigns (issue 13): partner organisations, service records, "三进" campaign visits, associations'
 * self-discipline conventions and their statistics. Thin: validate, call one use case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CampaignKind, PartnerKind, ServiceKind, ServiceProvider } from '../../shared/enums-services';
import {
  CampaignVisitInputSchema,
  CampaignVisitQuerySchema,
  ConventionInputSchema,
  PartnerInputSchema,
  ServiceRecordInputSchema,
  ServiceRecordPatchSchema,
  ServiceRecordQuerySchema,
  ServiceRecordVoidSchema,
  StatisticsQuerySchema,
} from '../../shared/schemas/services';
import type { Db } from '../db/client';
import { createPartner } from '../domain/services/create-partner';
import { listCampaignVisits } from '../domain/services/list-campaign-visits';
import { listConventions } from '../domain/services/list-conventions';
import { listPartners } from '../domain/services/list-partners';
import { listServiceRecords } from '../domain/services/list-services';
import { recordCampaignVisit } from '../domain/services/record-campaign-visit';
import { recordConvention } from '../domain/services/record-convention';
import { recordService } from '../domain/services/record-service';
import { serviceStatistics } from '../domain/services/service-statistics';
import { updateServiceRecord } from '../domain/services/update-service-record';
import { voidServiceRecord } from '../domain/services/void-service-record';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, pageOf } from './common';

const tags = ['services'];

const PartnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: PartnerKind.schema,
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  attackAccredited: z.boolean(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
});

const ServiceRecordSchema = z.object({
  id: z.string(),
  kind: ServiceKind.schema,
  unitId: z.string(),
  unitName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  provider: ServiceProvider.schema,
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  occurredOn: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  ledgerEntryId: z.string().nullable(),
  voidedAt: DateTime.nullable(),
  voidReason: z.string().nullable(),
  version: z.number().int(),
  createdAt: DateTime,
});

const CampaignVisitSchema = z.object({
  id: z.string(),
  kind: CampaignKind.schema,
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  placeName: z.string(),
  occurredOn: z.string(),
  firmsReached: z.number(),
  participants: z.number().nullable(),
  summary: z.string().nullable(),
  ledgerEntryId: z.string().nullable(),
});

const ConventionSchema = z.object({
  id: z.string(),
  associationId: z.string(),
  associationName: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  title: z.string(),
  signedOn: z.string(),
  content: z.string().nullable(),
  signatories: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const StatisticsRowSchema = z.object({
  month: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  category: z.enum(['service', 'campaign', 'convention', 'attack']),
  kind: z.string(),
  kindLabel: z.string(),
  count: z.number(),
  reached: z.number(),
});

export const PartnerQuery = z
  .object({
    kind: PartnerKind.schema.optional(),
    attackAccredited: z.enum(['true', 'false']).optional(),
  })
  .strict();

export const serviceRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/service-partners',
      {
        schema: {
          tags,
          summary: '合作机构名录（律师事务所、知识产权服务机构、司法鉴定机构等）',
          querystring: PartnerQuery,
          response: { 200: pageOf(PartnerSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const { kind, attackAccredited } = request.query;
        return listPartners(db, request.ctx, {
          kind,
          attackAccredited: attackAccredited === undefined ? undefined : attackAccredited === 'true',
        });
      },
    );
    app.post(
      '/service-partners',
      {
        schema: {
          tags,
          summary: '登记合作机构（本辖区）',
          body: PartnerInputSchema,
          response: { 201: PartnerSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await createPartner(db, request.ctx, request.body));
      },
    );

    app.get(
      '/service-records',
      {
        schema: {
          tags,
          summary: '服务记录（行政指导、法律咨询、维权援助、诉讼代理、培训宣传）',
          querystring: ServiceRecordQuerySchema,
          response: { 200: pageOf(ServiceRecordSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listServiceRecords(db, request.ctx, request.query);
      },
    );
    app.post(
      '/service-records',
      {
        schema: {
          tags,
          summary: '登记服务记录（计入服务对象的台账）',
          body: ServiceRecordInputSchema,
          response: { 201: ServiceRecordSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await recordService(db, request.ctx, request.body));
      },
    );
    app.patch(
      '/service-records/:id',
      {
        schema: {
          tags,
          summary: '修改服务记录（同步修改其台账记录；类型与服务对象不可改，登记错误请作废后重新登记）',
          params: IdParams,
          body: ServiceRecordPatchSchema,
          response: { 200: ServiceRecordSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return updateServiceRecord(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/service-records/:id/void',
      {
        schema: {
          tags,
          summary: '作废服务记录（保留记录与原因，撤下其台账记录）',
          params: IdParams,
          body: ServiceRecordVoidSchema,
          response: { 200: ServiceRecordSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return voidServiceRecord(db, request.ctx, request.params.id, request.body);
      },
    );

    app.get(
      '/campaign-visits',
      {
        schema: {
          tags,
          summary: '"三进"活动（进园区、进企业、进市场）',
          querystring: CampaignVisitQuerySchema,
          response: { 200: pageOf(CampaignVisitSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listCampaignVisits(db, request.ctx, request.query);
      },
    );
    app.post(
      '/campaign-visits',
      {
        schema: {
          tags,
          summary: '登记"三进"活动',
          body: CampaignVisitInputSchema,
          response: { 201: CampaignVisitSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await recordCampaignVisit(db, request.ctx, request.body));
      },
    );

    app.get(
      '/conventions',
      {
        schema: {
          tags,
          summary: '行业协会自律公约及签约会员单位',
          response: { 200: pageOf(ConventionSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listConventions(db, request.ctx);
      },
    );
    app.post(
      '/conventions',
      {
        schema: {
          tags,
          summary: '登记自律公约（协会本身或其辖区监管部门）',
          body: ConventionInputSchema,
          response: { 201: ConventionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await recordConvention(db, request.ctx, request.body));
      },
    );

    app.get(
      '/service-statistics',
      {
        schema: {
          tags,
          summary: '服务统计：按辖区、类型、月份（本辖区及下级）',
          querystring: StatisticsQuerySchema,
          response: { 200: z.object({ items: z.array(StatisticsRowSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await serviceStatistics(db, request.ctx, request.query) };
      },
    );
  };
