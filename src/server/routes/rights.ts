/**
 * Rights protection (维权受理、线索与案件, issue 12): intake from the four sources, the clue list and detail (content
 * only for handlers, supervisors and the reporter; metadata for others in scope), triage, the criminal-transfer
 * steps, extensions, messages, notes, duplicates, centres, the rules. The public report, its upload and following a
 * report with code + secret are public and rate-limited per address.
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RightsCivilGuidance,
  RightsClockUnit,
  RightsDuplicateMatch,
  RightsDuplicateStatus,
  RightsMessageAuthor,
  RightsPartyKind,
  RightsPoliceDecision,
  RightsReferralOrigin,
  RightsRequestedRoute,
  RightsRoute,
  RightsSource,
  RightsStatus,
  RightsUrgency,
} from '../../shared/enums-rights';
import {
  RightsAssignSchema,
  RightsCentreCreateSchema,
  RightsClueCreateSchema,
  RightsClueQuerySchema,
  RightsDuplicateDecisionSchema,
  RightsEvidenceLinkSchema,
  RightsExtensionRequestSchema,
  RightsFollowMessageSchema,
  RightsFollowSchema,
  RightsMessageSchema,
  RightsNoteSchema,
  RightsPublicReportSchema,
  RightsPublicUploadQuerySchema,
  RightsRuleUpdateSchema,
  RightsTransferStepSchema,
  RightsTriageSchema,
  RightsVersionSchema,
} from '../../shared/schemas/rights';
import { businessDate } from '../clock';
import type { Config } from '../config';
import { systemContext } from '../context';
import type { Db } from '../db/client';
import { ACCEPTED_TYPES } from '../domain/attachments/store-attachment';
import { assignHandlers, listHandlerCandidates } from '../domain/rights/assign-handlers';
import { designateCentre, listCentres } from '../domain/rights/centres';
import { getClueFile, storePublicRightsFile } from '../domain/rights/clue-files';
import { decideDuplicate } from '../domain/rights/decide-duplicate';
import { approveExtension, requestExtension } from '../domain/rights/extend-decision';
import { followPublicClue, postPublicMessage } from '../domain/rights/follow-public-clue';
import { getClue } from '../domain/rights/get-clue';
import { linkClueEvidence } from '../domain/rights/link-clue-evidence';
import { listClues } from '../domain/rights/list-clues';
import { notifyOverdueClues } from '../domain/rights/notify-overdue';
import { addNote, postMessage } from '../domain/rights/post-message';
import { recordTransferStep } from '../domain/rights/record-transfer-step';
import { reportClue, reportPublicClue } from '../domain/rights/report-clue';
import { isCityOfficer } from '../domain/rights/rights-access';
import { loadRightsRules, updateRightsRule } from '../domain/rights/rights-rules';
import { triageClue } from '../domain/rights/triage-clue';
import { forbidden } from '../errors';
import { readUpload, sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { AttachmentParams, DateTime, errorResponses, IdParams, pageOf, StoredAttachmentSchema } from './common';

const ClockSchema = z.object({
  code: z.string(),
  name: z.string(),
  source: z.string(),
  unit: RightsClockUnit.schema,
  startedOn: z.string(),
  deadline: z.string(),
  metOn: z.string().nullable(),
  left: z.number().nullable(),
  overdue: z.boolean(),
  label: z.string(),
});

const FileSchema = z.object({ sha256: z.string(), fileName: z.string() });

const MetadataSchema = z.object({
  id: z.string(),
  clueNo: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  source: RightsSource.schema,
  status: RightsStatus.schema,
  route: RightsRoute.schema.nullable(),
  urgency: RightsUrgency.schema,
  receivedOn: z.string(),
  decisionDeadline: z.string(),
  decidedOn: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  overdue: z.boolean(),
  clocks: z.array(ClockSchema),
  version: z.number(),
});

const ContentSchema = z.object({
  centreName: z.string().nullable(),
  reporterUnitName: z.string().nullable(),
  referralOrigin: RightsReferralOrigin.schema.nullable(),
  referralOrgan: z.string().nullable(),
  referralDocument: z.string().nullable(),
  holderName: z.string(),
  holderCreditCode: z.string().nullable(),
  holderRegistered: z.boolean(),
  infringers: z.array(
    z.object({
      kind: RightsPartyKind.schema,
      name: z.string(),
      creditCode: z.string().nullable(),
      relation: z.string().nullable(),
    }),
  ),
  secretKinds: z.array(z.string()),
  secretDescription: z.string(),
  leakChannels: z.array(z.string()),
  leakDescription: z.string().nullable(),
  protectionMeasures: z.array(z.string()),
  protectionDescription: z.string().nullable(),
  facts: z.string(),
  estimatedLossYuan: z.number().nullable(),
  illicitGainYuan: z.number().nullable(),
  requestedRoute: RightsRequestedRoute.schema,
  contact: z.string().nullable(),
  attachments: z.array(FileSchema),
  evidence: z.array(
    z.object({ certificateNo: z.string(), label: z.string(), digest: z.string(), sealedAt: z.string() }),
  ),
  decisionReason: z.string().nullable(),
  civilGuidance: RightsCivilGuidance.schema.nullable(),
  policeAgency: z.string().nullable(),
  transferSentAt: DateTime.nullable(),
  policeReceivedOn: z.string().nullable(),
  policeDecision: RightsPoliceDecision.schema.nullable(),
  policeDecisionOn: z.string().nullable(),
  extensionDays: z.number(),
  history: z.array(
    z.object({
      kind: z.string(),
      toStatus: RightsStatus.schema.nullable(),
      comment: z.string().nullable(),
      actorName: z.string().nullable(),
      businessDate: z.string(),
      at: DateTime,
    }),
  ),
  messages: z.array(
    z.object({
      author: RightsMessageAuthor.schema,
      authorName: z.string(),
      body: z.string(),
      attachments: z.array(FileSchema),
      at: DateTime,
    }),
  ),
});

const InternalSchema = z.object({
  handlers: z.array(z.object({ id: z.string(), name: z.string() })),
  recordedById: z.string().nullable(),
  proposal: z.object({ proposed: z.boolean(), reason: z.string(), amountYuan: z.number(), source: z.string() }),
  extensionRequested: z.boolean(),
  extensionReason: z.string().nullable(),
  transferReportedAt: DateTime.nullable(),
  transferApprovedAt: DateTime.nullable(),
  policeDecisionNote: z.string().nullable(),
  designationDocument: z.string().nullable(),
  transferredFromName: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  notes: z.array(z.object({ authorName: z.string(), body: z.string(), at: DateTime })),
  duplicates: z.array(
    z.object({
      id: z.string(),
      otherClueId: z.string(),
      otherClueNo: z.string(),
      otherStatus: RightsStatus.schema,
      otherJurisdictionName: z.string(),
      match: RightsDuplicateMatch.schema,
      matchValue: z.string(),
      status: RightsDuplicateStatus.schema,
      version: z.number(),
      /** The decisions the flag still allows (none once it is decided or both clues have ended). */
      decisions: z.array(z.enum(['linked', 'merged', 'dismissed'])),
    }),
  ),
});

const ClueSchema = MetadataSchema.extend({
  /** content: handler/supervisor view; reporter: the reporter's; metadata: existence and status only. */
  access: z.enum(['content', 'reporter', 'metadata', 'public']),
  content: ContentSchema.nullable(),
  internal: InternalSchema.nullable(),
});

const ListItemSchema = MetadataSchema.extend({
  access: z.enum(['content', 'reporter', 'metadata', 'none']),
  mine: z.boolean(),
  assigned: z.boolean(),
});

const CreatedSchema = z.object({
  id: z.string(),
  clueNo: z.string(),
  receiptCode: z.string().nullable(),
  decisionDeadline: z.string(),
  duplicates: z.number(),
});

const ClockRuleSchema = z.object({
  code: z.string(),
  name: z.string(),
  period: z.number(),
  unit: RightsClockUnit.schema,
  maxExtensions: z.number(),
  extensionPeriod: z.number(),
  startsAt: z.string(),
  source: z.string(),
  version: z.number(),
});
const RulesSchema = z.object({
  clocks: z.array(ClockRuleSchema),
  threshold: z.object({
    code: z.string(),
    name: z.string(),
    amountYuan: z.number(),
    source: z.string(),
    version: z.number(),
  }),
});

const CentreSchema = z.object({
  id: z.string(),
  name: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  routesToCode: z.string(),
  routesToName: z.string(),
  designatedOn: z.string(),
});

const VersionAnswer = z.object({ id: z.string(), version: z.number() }).passthrough();

const rulesView = (rules: Awaited<ReturnType<typeof loadRightsRules>>) => ({
  clocks: Object.values(rules.clocks),
  threshold: rules.threshold,
});

export const rightsRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const perIp = (name: string) => ({
      rateLimit: {
        max: config.LOGIN_RATE_LIMIT_PER_MINUTE,
        timeWindow: '1 minute',
        keyGenerator: (request: { ip: string }) => `${name}|${request.ip}`,
      },
    });
    app.get(
      '/rights/clues',
      {
        schema: {
          tags: ['rights'],
          summary: '维权线索列表（监管部门：本辖区及下级；申报单位：本单位；仅元数据与期限）',
          querystring: RightsClueQuerySchema,
          response: { 200: pageOf(ListItemSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listClues(db, request.ctx, request.query);
      },
    );
    app.post(
      '/rights/clues',
      {
        schema: {
          tags: ['rights'],
          summary: '登记维权线索（申报单位为本单位申请；执法人员登记检查发现或部门移送的线索；维权中心代企业登记）',
          body: RightsClueCreateSchema,
          response: { 201: CreatedSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await reportClue(db, request.ctx, request.body));
      },
    );
    app.get(
      '/rights/clues/:id',
      {
        schema: {
          tags: ['rights'],
          summary: '维权线索详情（承办人、上级部门、举报/申请人见内容，其他有权部门仅见状态；每次查阅记入审计）',
          params: IdParams,
          response: { 200: ClueSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getClue(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/rights/clues/:id/attachments/:sha256',
      {
        schema: { tags: ['rights'], summary: '下载维权线索附件（仅能查看内容者；记入审计）', params: AttachmentParams },
      },
      async (request, reply) => {
        requireActor(request);
        return sendFile(reply, await getClueFile(db, request.ctx, request.params.id, request.params.sha256));
      },
    );
    app.post(
      '/rights/clues/:id/handlers',
      {
        schema: {
          tags: ['rights'],
          summary: '指定承办人（管辖部门或上级部门；承办人须为管辖部门人员）',
          params: IdParams,
          body: RightsAssignSchema,
          response: { 200: VersionAnswer, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return assignHandlers(db, request.ctx, request.params.id, request.body);
      },
    );
    app.get(
      '/rights/clues/:id/handler-candidates',
      {
        schema: {
          tags: ['rights'],
          summary: '可指定的承办人（管辖部门的在职执法人员；管辖部门或上级部门查看）',
          params: IdParams,
          response: {
            200: z.array(z.object({ id: z.string(), name: z.string(), assigned: z.boolean() })),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return listHandlerCandidates(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/rights/clues/:id/evidence',
      {
        schema: {
          tags: ['rights'],
          summary: '补充关联存证证书（申请单位选本单位存证；承办人填证书编号；关联时核验并记入审计）',
          params: IdParams,
          body: RightsEvidenceLinkSchema,
          response: { 200: z.object({ id: z.string(), linked: z.array(z.string()) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return linkClueEvidence(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/rights/clues/:id/triage',
      {
        schema: {
          tags: ['rights'],
          summary: '研判：行政立案、移送公安、引导民事、不予立案或移交其他部门（承办人；并发时仅一次成功）',
          params: IdParams,
          body: RightsTriageSchema,
          response: { 200: VersionAnswer, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return triageClue(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/rights/clues/:id/extension',
      {
        schema: {
          tags: ['rights'],
          summary: '申请延长立案审查期限（承办人；仅一次）',
          params: IdParams,
          body: RightsExtensionRequestSchema,
          response: { 200: VersionAnswer, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return requestExtension(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/rights/clues/:id/extension/approval',
      {
        schema: {
          tags: ['rights'],
          summary: '批准延长立案审查期限（管辖部门或上级部门的申请人以外人员）',
          params: IdParams,
          body: RightsVersionSchema,
          response: { 200: VersionAnswer, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return approveExtension(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/rights/clues/:id/transfer-steps',
      {
        schema: {
          tags: ['rights'],
          summary: '登记移送公安环节：批准移送、移送、公安接收、公安决定（国务院令第310号）',
          params: IdParams,
          body: RightsTransferStepSchema,
          response: { 200: VersionAnswer, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return recordTransferStep(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/rights/clues/:id/messages',
      {
        schema: {
          tags: ['rights'],
          summary: '承办人与举报/申请人之间的留言',
          params: IdParams,
          body: RightsMessageSchema,
          response: { 201: z.object({ id: z.number() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await postMessage(db, request.ctx, request.params.id, request.body));
      },
    );
    app.post(
      '/rights/clues/:id/notes',
      {
        schema: {
          tags: ['rights'],
          summary: '内部备注（承办人和上级部门；举报/申请人不可见）',
          params: IdParams,
          body: RightsNoteSchema,
          response: { 201: z.object({ id: z.number() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await addNote(db, request.ctx, request.params.id, request.body));
      },
    );
    app.post(
      '/rights/duplicates/:id/decision',
      {
        schema: {
          tags: ['rights'],
          summary: '处理疑似重复线索：关联、并案或排除（相关承办人或上级部门）',
          params: IdParams,
          body: RightsDuplicateDecisionSchema,
          response: { 200: z.object({ id: z.string(), status: z.string(), version: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return decideDuplicate(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/rights/overdue-notices',
      {
        schema: {
          tags: ['rights'],
          summary: '立即检查并提醒超期线索（市级及以上部门；系统每小时自动执行）',
          response: { 200: z.object({ notified: z.number() }), ...errorResponses },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        if (!isCityOfficer(actor) || actor.role !== 'officer') throw forbidden('只有市级及以上市场监管部门可以执行');
        return { notified: await notifyOverdueClues(db, request.ctx) };
      },
    );
    app.get(
      '/rights/rules',
      {
        schema: {
          tags: ['rights'],
          summary: '维权期限与刑事移送标准（含依据；公开）',
          security: [],
          response: { 200: RulesSchema, ...errorResponses },
        },
      },
      async () => rulesView(await loadRightsRules(db)),
    );
    app.put(
      '/rights/rules/:code',
      {
        schema: {
          tags: ['rights'],
          summary: '修改维权期限或刑事移送标准（市级及以上部门）',
          params: z.object({ code: z.string().regex(/^[a-z_]{1,40}$/, '规则编号不正确') }).strict(),
          body: RightsRuleUpdateSchema,
          response: { 200: RulesSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return rulesView(await updateRightsRule(db, request.ctx, request.params.code, request.body));
      },
    );
    app.get(
      '/rights/centres',
      {
        schema: {
          tags: ['rights'],
          summary: '维权中心名录（公开）',
          security: [],
          response: { 200: z.array(CentreSchema), ...errorResponses },
        },
      },
      async () => listCentres(db),
    );
    app.post(
      '/rights/centres',
      {
        schema: {
          tags: ['rights'],
          summary: '设立维权中心（市级及以上部门，在本辖区内）',
          body: RightsCentreCreateSchema,
          response: { 201: z.object({ id: z.string() }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await designateCentre(db, request.ctx, request.body));
      },
    );
    // --- Public: anonymous report, its files, following it with code + secret --------------------------------
    app.post(
      '/rights/public/reports',
      {
        schema: {
          tags: ['rights'],
          summary: '匿名举报侵犯商业秘密线索（公开，无需登录；返回查询码，凭查询码和自设密码查询进度）',
          security: [],
          body: RightsPublicReportSchema,
          response: { 201: CreatedSchema, ...errorResponses },
        },
        config: perIp('rights-report'),
      },
      async (request, reply) => reply.status(201).send(await reportPublicClue(db, request.ctx, request.body)),
    );
    app.post(
      '/rights/public/attachments',
      {
        schema: {
          tags: ['rights'],
          summary: `上传举报附件（公开，无需登录；multipart，字段 file；不超过 20 MB；${[...new Set(Object.values(ACCEPTED_TYPES))].join('、')}；uploadKey 为举报页为本次举报生成的随机凭据，提交举报时一并提交）`,
          security: [],
          consumes: ['multipart/form-data'],
          querystring: RightsPublicUploadQuerySchema,
          response: { 201: StoredAttachmentSchema, ...errorResponses },
        },
        config: perIp('rights-attachment'),
      },
      async (request, reply) => {
        const upload = await readUpload(request);
        const stored = await storePublicRightsFile(db, request.ctx, upload.content, request.query.uploadKey);
        return reply.status(201).send({ ...stored, fileName: upload.fileName });
      },
    );
    app.post(
      '/rights/public/follow',
      {
        schema: {
          tags: ['rights'],
          summary: '凭查询码和查询密码查看举报进展（公开，无需登录；限制尝试次数）',
          security: [],
          body: RightsFollowSchema,
          response: { 200: ClueSchema.extend({ receiptCode: z.string().nullable() }), ...errorResponses },
        },
        config: perIp('rights-follow'),
      },
      async (request) => followPublicClue(db, request.ctx, request.body),
    );
    app.post(
      '/rights/public/messages',
      {
        schema: {
          tags: ['rights'],
          summary: '举报人凭查询码和查询密码给承办人留言（公开，无需登录）',
          security: [],
          body: RightsFollowMessageSchema,
          response: { 201: z.object({ ok: z.boolean() }), ...errorResponses },
        },
        config: perIp('rights-follow'),
      },
      async (request, reply) => reply.status(201).send(await postPublicMessage(db, request.ctx, request.body)),
    );
  };

/** Overdue clocks are checked hourly by every instance (a notice is claimed once per clue, clock and deadline). */
export function scheduleRightsOverdue(app: FastifyInstance, db: Db, config: Config): void {
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(
      () =>
        void notifyOverdueClues(db, systemContext(businessDate(config))).catch((error) =>
          app.log.warn({ err: error }, 'rights overdue check failed'),
        ),
      60 * 60 * 1000,
    );
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
}
