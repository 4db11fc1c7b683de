/**
 * The public registry of demonstration bases (no login to read) and its keeping: annual reviews by the certifying
 * bureau. Certification and revocation are workflow actions on the base's application (POST
 * /applications/:id/transitions with `decision` or `revocation`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BaseKind, BaseLevel } from '../../core/programs/enums';
import { DecisionForm, RevocationGround } from '../../shared/enums';
import { AnnualReviewSchema, BaseStatus, CertificateParams, RegistryQuerySchema } from '../../shared/schemas/publicity';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { recordReview } from '../domain/registry/record-review';
import { registryDetail, searchRegistry } from '../domain/registry/registry-queries';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, pageOf } from './common';

const BaseSummarySchema = z.object({
  certificateNo: z.string(),
  unitName: z.string(),
  title: z.string(),
  category: BaseKind.schema,
  categoryLabel: z.string(),
  level: BaseLevel.schema,
  levelLabel: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  industryCode: z.string(),
  industryName: z.string().nullable(),
  year: z.number(),
  issuer: z.string(),
  decidedOn: z.string(),
  status: BaseStatus,
  statusLabel: z.string(),
  revokedOn: z.string().nullable(),
});

const BaseDetailSchema = BaseSummarySchema.extend({
  programmeTitle: z.string(),
  ownerJurisdictionCode: z.string(),
  /** The programme title of the kind as certificate and plaque print it, e.g. 普陀区商业秘密保护示范点. */
  designation: z.string(),
  decision: z.object({
    form: DecisionForm.schema,
    formLabel: z.string(),
    number: z.string().nullable(),
    decidedOn: z.string(),
  }),
  plaqueText: z.string(),
  revocation: z
    .object({
      revokedOn: z.string(),
      ground: RevocationGround.schema.nullable(),
      /** Verbatim 002 art. 15. */
      groundLabel: z.string().nullable(),
      document: z.string().nullable(),
      /** The bureau's internal note: only for the certifying bureau. */
      note: z.string().nullable(),
    })
    .nullable(),
  reviews: z.array(z.object({ year: z.number(), passed: z.boolean(), findings: z.string(), recordedAt: DateTime })),
  /** holder: the reader may download the certificate and plaque (the unit, its bureaus, the certifying bureau). */
  documents: z.object({ holder: z.boolean() }),
});

export const registryRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/registry',
      {
        schema: {
          tags: ['registry'],
          summary: '示范基地名录（公开，无需登录）：按单位名称、级别、类型、辖区（含下级）、行业、年度、状态查询',
          security: [],
          querystring: RegistryQuerySchema,
          response: { 200: pageOf(BaseSummarySchema), ...errorResponses },
        },
      },
      async (request) => searchRegistry(db, request.query),
    );
    app.get(
      '/registry/:certificateNo',
      {
        schema: {
          tags: ['registry'],
          summary: '示范基地详情（公开，无需登录）：认定决定、牌匾、撤销情况与年度复核',
          security: [],
          params: CertificateParams,
          response: { 200: BaseDetailSchema, ...errorResponses },
        },
      },
      async (request) => registryDetail(db, request.ctx.actor, request.params.certificateNo),
    );
    app.post(
      '/registry/:certificateNo/reviews',
      {
        schema: {
          tags: ['registry'],
          summary: '年度复核（认定该基地的监管部门）',
          params: CertificateParams,
          body: AnnualReviewSchema,
          response: { 201: BaseDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { certificateNo } = request.params;
        await recordReview(db, request.ctx, certificateNo, request.body, businessDate(config));
        return reply.status(201).send(await registryDetail(db, request.ctx.actor, certificateNo));
      },
    );
  };
