/**
 * The simulated network-attack service (001 (三)): a firm's request, the bureau's schedule, the provider's
 * confidential report (read by the three parties only, every read audited) and the follow-up of its findings.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AttackStatus, FindingSeverity, FindingStatus } from '../../shared/enums-services';
import {
  AttackQuerySchema,
  AttackReportSchema,
  AttackRequestSchema,
  AttackScheduleSchema,
  FindingPatchSchema,
} from '../../shared/schemas/services';
import type { Db } from '../db/client';
import { getAttackAssessment, listAttackAssessments } from '../domain/services/attack-queries';
import { readAttackReport } from '../domain/services/read-attack-report';
import { reportAttackAssessment } from '../domain/services/report-attack-assessment';
import { requestAttackAssessment } from '../domain/services/request-attack-assessment';
import { scheduleAttackAssessment } from '../domain/services/schedule-attack-assessment';
import { updateAttackFinding } from '../domain/services/update-attack-finding';
import { sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { DateTime, errorResponses, IdParams, pageOf } from './common';

const tags = ['attack-assessments'];

const AttackSummarySchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  jurisdictionName: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  status: AttackStatus.schema,
  scope: z.string(),
  requestedOn: z.string(),
  responsibleOfficerId: z.string().nullable(),
  responsibleOfficerName: z.string().nullable(),
  scheduledOn: z.string().nullable(),
  reportedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  hasReport: z.boolean(),
  /** The caller is one of the three parties (firm, provider, responsible officer): it sees the report. */
  party: z.boolean(),
  version: z.number(),
});

const AttackDetailSchema = AttackSummarySchema.extend({
  report: z.object({ fileName: z.string(), summary: z.string() }).nullable(),
  findings: z
    .array(
      z.object({
        id: z.string(),
        title: z.string(),
        severity: FindingSeverity.schema,
        recommendation: z.string().nullable(),
        status: FindingStatus.schema,
        followUp: z.string().nullable(),
        version: z.number(),
        updatedAt: DateTime,
      }),
    )
    .nullable(),
});

export const attackRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/attack-assessments',
      {
        schema: {
          tags,
          summary: '模拟网络攻击评估列表（本单位、本机构或本辖区）',
          querystring: AttackQuerySchema,
          response: { 200: pageOf(AttackSummarySchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listAttackAssessments(db, request.ctx, request.query);
      },
    );
    app.post(
      '/attack-assessments',
      {
        schema: {
          tags,
          summary: '申请模拟网络攻击评估（企业，选择具备资质的合作机构）',
          body: AttackRequestSchema,
          response: { 201: AttackDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await requestAttackAssessment(db, request.ctx, request.body));
      },
    );
    app.get(
      '/attack-assessments/:id',
      {
        schema: {
          tags,
          summary: '模拟网络攻击评估详情（报告与问题仅对企业、评估机构和责任监管人员可见）',
          params: IdParams,
          response: { 200: AttackDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getAttackAssessment(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/attack-assessments/:id/schedule',
      {
        schema: {
          tags,
          summary: '安排评估（辖区监管部门，安排人成为责任监管人员）',
          params: IdParams,
          body: AttackScheduleSchema,
          response: { 200: AttackDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return scheduleAttackAssessment(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/attack-assessments/:id/report',
      {
        schema: {
          tags,
          summary: '提交评估报告及发现的问题（评估机构或责任监管人员）',
          params: IdParams,
          body: AttackReportSchema,
          response: { 200: AttackDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return reportAttackAssessment(db, request.ctx, request.params.id, request.body);
      },
    );
    app.get(
      '/attack-assessments/:id/report',
      {
        schema: {
          tags,
          summary: '下载评估报告（仅企业、评估机构和责任监管人员；每次查阅均记入审计日志）',
          params: IdParams,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendFile(reply, await readAttackReport(db, request.ctx, request.params.id));
      },
    );
    app.patch(
      '/attack-findings/:id',
      {
        schema: {
          tags,
          summary: '更新问题整改情况（企业、评估机构或责任监管人员）',
          params: IdParams,
          body: FindingPatchSchema,
          response: { 200: AttackDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return updateAttackFinding(db, request.ctx, request.params.id, request.body);
      },
    );
  };
