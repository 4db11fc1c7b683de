import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SHEET_GAP_CODES } from '../../core/applications/panel-scores';
import { ApplicationStatus } from '../../core/applications/workflow';
import { AcceptanceMethod } from '../../core/programs/enums';
import { ConflictKind, ConflictStatus, ExpertField } from '../../shared/enums';
import {
  AcceptanceActivityInputSchema,
  AcceptanceOpinionSchema,
  PanelAssignSchema,
  PanelSheetSchema,
  RecusalSchema,
} from '../../shared/schemas/acceptance';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { assignExpert } from '../domain/acceptance/assign-expert';
import { getPanel } from '../domain/acceptance/get-panel';
import { listPanelResults } from '../domain/acceptance/list-panel-results';
import { listActivities, recordActivity } from '../domain/acceptance/record-activity';
import { recuseExpert } from '../domain/acceptance/recuse-expert';
import { saveAcceptanceOpinion } from '../domain/acceptance/save-acceptance-opinion';
import { savePanelSheet } from '../domain/acceptance/save-panel-sheet';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, PagingQuery } from './common';

export const PanelResultsQuery = z
  .object({ programmeId: z.uuid('工作方案编号格式不正确'), kindId: z.string().max(64).optional(), ...PagingQuery })
  .strict();

const PanelResultSchema = z.object({
  applicationId: z.string(),
  unitName: z.string(),
  jurisdictionName: z.string(),
  kindName: z.string(),
  status: ApplicationStatus.schema,
  form: z.enum(['scored', 'checklist']),
  panelSize: z.number(),
  sheetsComplete: z.number(),
  /** The reader may see the scores (the owning bureau, an administrator); otherwise the figures are null. */
  scoresVisible: z.boolean(),
  meanTotal: z.number().nullable(),
  maxTotal: z.number().nullable(),
  passMark: z.number().nullable(),
  metByMajority: z.number().nullable(),
  requirementCount: z.number().nullable(),
  passed: z.boolean().nullable(),
});

const PanelMemberSchema = z.object({
  expertId: z.string(),
  name: z.string(),
  affiliation: z.string(),
  field: ExpertField.schema,
  assignedAt: DateTime,
  recusedAt: DateTime.nullable(),
  recusalReason: z.string().nullable(),
  /** null in the applicant's view. */
  sheetStatus: z.enum(['pending', 'partial', 'complete', 'recused']).nullable(),
  scoredAt: DateTime.nullable(),
  /** The reader's own sheet. */
  mine: z.boolean(),
  /** The sheet: rubric answers with each item's comment in `note`; hidden where the reader may not see it. */
  answers: z.unknown(),
  comment: z.string().nullable(),
  /** What a saved sheet still lacks (a score or a comment per item); to the expert itself and the owning bureau. */
  missing: z.array(z.object({ nodeId: z.string(), code: z.enum(SHEET_GAP_CODES), message: z.string() })).nullable(),
  version: z.number().nullable(),
  /** The owning bureau's view: conflicts of interest that stand against a sitting expert. */
  conflicts: z.array(
    z.object({
      kind: ConflictKind.schema,
      status: ConflictStatus.schema.nullable(),
      unitName: z.string(),
      message: z.string(),
    }),
  ),
});

const PanelSchema = z.object({
  applicationId: z.string(),
  status: ApplicationStatus.schema,
  /** The application's version (for the opinion and the decision). */
  version: z.number(),
  /** full: the owning bureau; expert: a panel member; members: applicant and district (who sits, no scores). */
  view: z.enum(['full', 'expert', 'members']),
  methods: z.array(AcceptanceMethod.schema),
  /** The programme's rules for passing: methods that must be recorded, the smallest panel that may pass. */
  rules: z.object({ requiredMethods: z.array(AcceptanceMethod.schema), minPanelSize: z.number().nullable() }),
  /** The methods already recorded (not shown to the applicant and district). */
  recordedMethods: z.array(AcceptanceMethod.schema),
  rubric: z.unknown(),
  acceptanceOpinion: z.string().nullable(),
  members: z.array(PanelMemberSchema),
  /** src/core/applications/panel-scores.ts over the sheets of experts who have not recused. */
  aggregate: z.unknown(),
  /** The owning bureau's view: whether "pass" is possible now, and why not. */
  passCheck: z
    .object({
      ready: z.boolean(),
      problems: z.array(z.object({ code: z.string(), message: z.string() })),
    })
    .nullable(),
});

const ActivitySchema = z.object({
  id: z.string(),
  method: AcceptanceMethod.schema,
  occurredOn: z.string(),
  people: z.string(),
  findings: z.string(),
  recordedByName: z.string().nullable(),
  createdAt: DateTime,
});

const PanelMemberParams = z.object({ id: z.uuid('编号格式不正确'), expertId: z.uuid('专家编号格式不正确') }).strict();

export const acceptanceRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/panel-results',
      {
        schema: {
          tags: ['acceptance'],
          summary: '工作方案的验收结果列表（范围与申报列表相同；评分仅主管部门可见）',
          querystring: PanelResultsQuery,
          response: { 200: z.object({ items: z.array(PanelResultSchema), total: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listPanelResults(db, request.ctx, request.query);
      },
    );
    app.get(
      '/applications/:id/panel',
      {
        schema: {
          tags: ['acceptance'],
          summary: '验收组与评分汇总（主管部门：全部；专家：本人评分，完成后可见汇总；申报单位：组成人员）',
          params: IdParams,
          response: { 200: PanelSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getPanel(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/applications/:id/panel',
      {
        schema: {
          tags: ['acceptance'],
          summary: '指派验收专家（工作方案主管部门；存在利益冲突或已在验收组中 409）',
          params: IdParams,
          body: PanelAssignSchema,
          response: { 201: PanelSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        await assignExpert(db, request.ctx, request.params.id, request.body);
        return reply.status(201).send(await getPanel(db, request.ctx, request.params.id));
      },
    );
    app.post(
      '/applications/:id/panel/:expertId/recusal',
      {
        schema: {
          tags: ['acceptance'],
          summary: '专家回避（专家本人或工作方案主管部门）；其评分不再计入',
          params: PanelMemberParams,
          body: RecusalSchema,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        await recuseExpert(db, request.ctx, request.params.id, request.params.expertId, request.body);
        return reply.status(204).send(null);
      },
    );
    app.put(
      '/applications/:id/panel/me',
      {
        schema: {
          tags: ['acceptance'],
          summary: '专家保存本人评分表（验收中；各项说明写在 answers[项].note）',
          params: IdParams,
          body: PanelSheetSchema,
          response: { 200: PanelSchema, ...errorResponses },
        },
        bodyLimit: 2 * 1024 * 1024,
      },
      async (request) => {
        requireActor(request);
        return savePanelSheet(db, request.ctx, request.params.id, request.body);
      },
    );
    app.get(
      '/applications/:id/acceptance-activities',
      {
        schema: {
          tags: ['acceptance'],
          summary: '验收活动记录（书面预审、重点抽查、会议验收、实地考察……）',
          params: IdParams,
          response: { 200: z.object({ items: z.array(ActivitySchema), total: z.number().int() }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listActivities(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/applications/:id/acceptance-activities',
      {
        schema: {
          tags: ['acceptance'],
          summary: '记录验收活动（工作方案主管部门；验收方式须为本方案所列）',
          params: IdParams,
          body: AcceptanceActivityInputSchema,
          response: { 201: ActivitySchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const id = await recordActivity(db, request.ctx, request.params.id, request.body, businessDate(config));
        const { items } = await listActivities(db, request.ctx, request.params.id);
        return reply.status(201).send(items.find((a) => a.id === id)!);
      },
    );
    app.put(
      '/applications/:id/acceptance-opinion',
      {
        schema: {
          tags: ['acceptance'],
          summary: '填写综合验收意见（工作方案主管部门；需提交申报的 version）',
          params: IdParams,
          body: AcceptanceOpinionSchema,
          response: { 200: PanelSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return saveAcceptanceOpinion(db, request.ctx, request.params.id, request.body);
      },
    );
  };
