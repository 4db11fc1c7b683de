/**
 * The public registry of demonstration bases (no login to read); its keeping (annual reviews, rectification,
 * incentives) is in oversight.ts. Certification and revocation are workflow actions on the base's application (POST
 * /applications/:id/transitions with `decision` or `revocation`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BaseKind, BaseLevel } from '../../core/programs/enums';
import { DecisionForm, RevocationGround } from '../../shared/enums';
import { IncentiveKind, RectificationOutcome, ReviewOutcome } from '../../shared/enums-oversight';
import { BaseStatus, CertificateParams, RegistryQuerySchema } from '../../shared/schemas/publicity';
import type { Db } from '../db/client';
import { registryDetail, searchRegistry } from '../domain/registry/registry-queries';
import { DateTime, errorResponses, pageOf } from './common';

export const ReviewedConditionSchema = z.object({
  id: z.string(),
  text: z.string(),
  status: z.enum(['met', 'not_met', 'unknown']),
  computed: z.boolean(),
  detail: z.string().optional(),
});

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

export const BaseDetailSchema = BaseSummarySchema.extend({
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
  reviews: z.array(
    z.object({
      year: z.number(),
      outcome: ReviewOutcome.schema,
      outcomeLabel: z.string(),
      recordedAt: DateTime,
      /** Findings, conditions and rectification: for the certifying bureau and the unit only. */
      detail: z
        .object({
          findings: z.string(),
          conditions: z.array(ReviewedConditionSchema),
          rectifyBy: z.string().nullable(),
          rectificationOutcome: RectificationOutcome.schema.nullable(),
          rectificationOutcomeLabel: z.string().nullable(),
          rectificationFindings: z.string().nullable(),
          rectifiedOn: z.string().nullable(),
          version: z.number(),
        })
        .nullable(),
    }),
  ),
  incentives: z.array(
    z.object({
      kind: IncentiveKind.schema,
      kindLabel: z.string(),
      measure: z.string(),
      grantedOn: z.string(),
      document: z.string().nullable(),
      amountYuan: z.number().nullable(),
    }),
  ),
  /** holder: the reader may download the certificate and plaque (the unit, its bureaus, the certifying bureau). */
  documents: z.object({ holder: z.boolean(), keeper: z.boolean() }),
});

export const registryRoutes =
  (db: Db): FastifyPluginAsyncZod =>
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
  };
