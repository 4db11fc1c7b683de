/**
 * Administrative case handling of rights protection (issue 12, rights-cases): the case-handling guide and its document
 * templates. Thin: validate, authenticate, call one use case.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RightsStatus } from '../../shared/enums-rights';
import {
  AppraisalStatus,
  AppraisalSubject,
  CaseOutcome,
  CaseStepKind,
  PartnerDepartment,
  SupervisionStatus,
  TypicalCaseStatus,
} from '../../shared/enums-rights-cases';
import {
  AppraisalInputSchema,
  AppraisalUpdateSchema,
  CaseDocumentInputSchema,
  CaseExtensionRequestSchema,
  CaseStepInputSchema,
  CaseVersionSchema,
  CloseCaseInputSchema,
  ConsultationInputSchema,
  JointBureauInputSchema,
  SupervisionInputSchema,
  SupervisionUpdateSchema,
} from '../../shared/schemas/rights-cases';
import type { RequestContext } from '../context';
import type { Db } from '../db/client';
import { requestAppraisal, updateAppraisal } from '../domain/rights-cases/appraisals';
import { closeCase, closeTransferredClue } from '../domain/rights-cases/close-case';
import { approveCaseExtension, requestCaseExtension } from '../domain/rights-cases/extend-case';
import { getCase } from '../domain/rights-cases/get-case';
import { getCaseDocument } from '../domain/rights-cases/get-case-document';
import { getCaseGuide, listCaseGuides } from '../domain/rights-cases/get-case-guide';
import { guideDocumentTemplate } from '../domain/rights-cases/guide-document-template';
import { importCaseGuide } from '../domain/rights-cases/import-case-guide';
import { addJointBureau, recordConsultation } from '../domain/rights-cases/joint-handling';
import { recordCaseDocument } from '../domain/rights-cases/record-case-document';
import { recordCaseStep } from '../domain/rights-cases/record-case-step';
import { superviseCase, updateSupervision } from '../domain/rights-cases/supervise-case';
import { XLSX_MIME } from '../export/xlsx-stream';
import { contentDisposition, sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams } from './common';

const tags = ['rights-cases'];

const GuideSummarySchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  title: z.string(),
  ownerJurisdictionCode: z.string(),
  ownerJurisdictionName: z.string(),
  stepCount: z.number(),
  documentCount: z.number(),
  createdAt: DateTime,
});
const GuideDetailSchema = GuideSummarySchema.extend({
  /** The guide document (steps, documents, fields). */
  definition: z.unknown(),
  /** The same document as YAML, for editing. */
  yaml: z.string(),
  mayEdit: z.boolean(),
  versions: z.array(z.object({ id: z.string(), version: z.number(), createdAt: DateTime })),
});

/** A guide document as YAML text or a JSON object. */
const GuideSourceSchema = z.union([
  z.object({ yaml: z.string().min(1, '请填写办案指南').max(1_000_000) }).strict(),
  z.object({ definition: z.record(z.string(), z.unknown()) }).strict(),
]);

const StepSchema = z.object({
  kind: CaseStepKind.schema,
  label: z.string(),
  name: z.string(),
  description: z.string(),
  optional: z.boolean(),
  done: z.boolean(),
  completedOn: z.string().nullable(),
  completedBy: z.string().nullable(),
  note: z.string().nullable(),
  documents: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      required: z.boolean(),
      records: z.array(
        z.object({
          id: z.string(),
          step: CaseStepKind.schema,
          documentKey: z.string(),
          sha256: z.string(),
          fileName: z.string(),
          recordedBy: z.string(),
          createdAt: DateTime,
        }),
      ),
    }),
  ),
});

const CaseSchema = z.object({
  clueId: z.string(),
  clueNo: z.string(),
  status: RightsStatus.schema,
  version: z.number(),
  caseVersion: z.number(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  holderName: z.string(),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  outcome: CaseOutcome.schema.nullable(),
  closingSummary: z.string().nullable(),
  guide: z.object({ id: z.string(), title: z.string(), version: z.number() }),
  steps: z.array(StepSchema),
  clock: z.object({
    code: z.string(),
    name: z.string(),
    source: z.string(),
    startedOn: z.string(),
    deadline: z.string(),
    metOn: z.string().nullable(),
    left: z.number().nullable(),
    overdue: z.boolean(),
    label: z.string(),
    extensions: z.number(),
    maxExtensions: z.number(),
    extensionPeriod: z.number(),
  }),
  extensionRequest: z.object({ reason: z.string(), requestedAt: DateTime, requestedBy: z.string() }).nullable(),
  appraisals: z.array(
    z.object({
      id: z.string(),
      institution: z.string(),
      subject: AppraisalSubject.schema,
      matters: z.string(),
      requestedOn: z.string(),
      cost: z.number(),
      status: AppraisalStatus.schema,
      result: z.string().nullable(),
      completedOn: z.string().nullable(),
      version: z.number(),
    }),
  ),
  supervisions: z.array(
    z.object({
      id: z.string(),
      supervisorJurisdictionCode: z.string(),
      supervisorName: z.string(),
      instructions: z.string(),
      dueOn: z.string(),
      status: SupervisionStatus.schema,
      report: z.string().nullable(),
      reportedOn: z.string().nullable(),
      closedOn: z.string().nullable(),
      version: z.number(),
    }),
  ),
  jointBureaus: z.array(
    z.object({ jurisdictionCode: z.string(), name: z.string(), task: z.string(), createdAt: DateTime }),
  ),
  consultations: z.array(
    z.object({
      id: z.string(),
      heldOn: z.string(),
      departments: z.array(PartnerDepartment.schema),
      participants: z.string(),
      topic: z.string(),
      conclusions: z.string(),
    }),
  ),
  typicalCases: z.array(z.object({ id: z.string(), title: z.string(), status: TypicalCaseStatus.schema })),
  mayHandle: z.boolean(),
  mayApproveExtension: z.boolean(),
  maySupervise: z.boolean(),
});

const CaseParams = (child: string) =>
  z.object({ id: z.uuid('编号格式不正确'), [child]: z.uuid('编号格式不正确') }).strict();

export const rightsCaseRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/rights/guides',
      {
        schema: {
          tags,
          summary: '办案指南列表（各指南的最新版本）',
          response: { 200: z.object({ items: z.array(GuideSummarySchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await listCaseGuides(db, request.ctx) };
      },
    );
    app.post(
      '/rights/guides',
      {
        schema: {
          tags,
          summary: '保存办案指南（YAML 或 JSON；保存为该指南的新版本，已有案件沿用原版本；市级及以上部门）',
          body: GuideSourceSchema,
          response: { 201: GuideSummarySchema, ...errorResponses },
        },
        bodyLimit: 2 * 1024 * 1024,
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await importCaseGuide(db, request.ctx, request.body));
      },
    );
    app.get(
      '/rights/guides/:id',
      {
        schema: {
          tags,
          summary: '办案指南详情（步骤、文书及其栏目）',
          params: IdParams,
          response: { 200: GuideDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getCaseGuide(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/rights/guides/:id/templates/:documentKey',
      {
        schema: {
          tags,
          summary: '下载文书模板（Excel）',
          params: z
            .object({
              id: z.uuid('编号格式不正确'),
              documentKey: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, '文书标识格式不正确'),
            })
            .strict(),
          produces: [XLSX_MIME],
        },
      },
      async (request, reply) => {
        requireActor(request);
        const file = await guideDocumentTemplate(db, request.ctx, request.params.id, request.params.documentKey);
        return reply
          .type(XLSX_MIME)
          .header('x-content-type-options', 'nosniff')
          .header('content-disposition', contentDisposition(file.fileName, 'template.xlsx'))
          .send(file.content);
      },
    );

    app.get(
      '/rights/cases/:id',
      {
        schema: {
          tags,
          summary: '行政案件办案记录（线索立案后；办案指南步骤、结案期限、鉴定、督办、会商；查阅留痕）',
          params: IdParams,
          response: { 200: CaseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getCase(db, request.ctx, request.params.id);
      },
    );
    const casePost = <B extends z.ZodType>(
      path: string,
      summary: string,
      body: B,
      run: (id: string, input: z.infer<B>, ctx: RequestContext) => Promise<unknown>,
    ) =>
      app.post(
        `/rights/cases/:id/${path}`,
        { schema: { tags, summary, params: IdParams, body, response: { 200: CaseSchema, ...errorResponses } } },
        async (request) => {
          requireActor(request);
          return run(request.params.id, request.body as z.infer<B>, request.ctx) as Promise<z.infer<typeof CaseSchema>>;
        },
      );
    casePost('steps', '记录办案步骤完成（承办人）', CaseStepInputSchema, (id, input, ctx) =>
      recordCaseStep(db, ctx, id, input),
    );
    casePost('documents', '登记办案文书（承办人；先上传附件）', CaseDocumentInputSchema, (id, input, ctx) =>
      recordCaseDocument(db, ctx, id, input),
    );
    casePost('extension', '申请延长结案期限（承办人）', CaseExtensionRequestSchema, (id, input, ctx) =>
      requestCaseExtension(db, ctx, id, input),
    );
    casePost('extension/approve', '批准延长结案期限（申请人以外的负责人）', CaseVersionSchema, (id, input, ctx) =>
      approveCaseExtension(db, ctx, id, input),
    );
    casePost('close', '结案（承办人；必经步骤均已完成）', CloseCaseInputSchema, (id, input, ctx) =>
      closeCase(db, ctx, id, input),
    );
    casePost('appraisals', '委托鉴定（承办人；含鉴定费用）', AppraisalInputSchema, (id, input, ctx) =>
      requestAppraisal(db, ctx, id, input),
    );
    casePost('supervisions', '重点案件督办（上级市级部门）', SupervisionInputSchema, (id, input, ctx) =>
      superviseCase(db, ctx, id, input),
    );
    casePost('joint-bureaus', '组织联合办案（上级市级部门）', JointBureauInputSchema, (id, input, ctx) =>
      addJointBureau(db, ctx, id, input),
    );
    casePost('consultations', '记录会商会办（承办人或上级部门）', ConsultationInputSchema, (id, input, ctx) =>
      recordConsultation(db, ctx, id, input),
    );
    app.patch(
      '/rights/cases/:id/appraisals/:appraisalId',
      {
        schema: {
          tags,
          summary: '登记鉴定意见或撤回委托（承办人）',
          params: CaseParams('appraisalId'),
          body: AppraisalUpdateSchema,
          response: { 200: CaseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const { id, appraisalId } = request.params as { id: string; appraisalId: string };
        return updateAppraisal(db, request.ctx, id, appraisalId, request.body);
      },
    );
    app.patch(
      '/rights/cases/:id/supervisions/:supervisionId',
      {
        schema: {
          tags,
          summary: '督办反馈（承办人报告办理情况；督办部门办结）',
          params: CaseParams('supervisionId'),
          body: SupervisionUpdateSchema,
          response: { 200: CaseSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const { id, supervisionId } = request.params as { id: string; supervisionId: string };
        return updateSupervision(db, request.ctx, id, supervisionId, request.body);
      },
    );
    app.get(
      '/rights/cases/:id/documents/:documentId',
      { schema: { tags, summary: '下载办案文书（查阅留痕）', params: CaseParams('documentId') } },
      async (request, reply) => {
        requireActor(request);
        const { id, documentId } = request.params as { id: string; documentId: string };
        return sendFile(reply, await getCaseDocument(db, request.ctx, id, documentId));
      },
    );
    app.post(
      '/rights/transfers/:id/close',
      {
        schema: {
          tags,
          summary: '移送公安的线索办结（承办人；须已登记公安机关接收）',
          params: IdParams,
          body: z
            .object({
              summary: z.string().trim().min(1, '请填写办结情况').max(2000, '办结情况不能超过2000个字'),
              version: z.number().int().positive().max(2_147_483_647, '版本号不正确'),
            })
            .strict(),
          response: {
            200: z.object({ id: z.string(), status: RightsStatus.schema, closedOn: z.string(), version: z.number() }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return closeTransferredClue(db, request.ctx, request.params.id, request.body);
      },
    );
  };
