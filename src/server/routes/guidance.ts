/** "What to do next": the applicant's and the officer's home summaries, judged on the business date. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { StageTiming, WindowState } from '../../core/applications/guidance';
import { ApplicationAction, WorkflowRole } from '../../core/applications/workflow';
import { StageKind } from '../../core/programs/enums';
import type { Db } from '../db/client';
import { getApplicantGuidance } from '../domain/guidance/get-applicant-guidance';
import { getOfficerGuidance } from '../domain/guidance/get-officer-guidance';
import { requireActor } from '../http/session';
import { ApplicationSummarySchema } from './applications';
import { DateTime, errorResponses, pageOf } from './common';

const WindowSchema = z.object({
  state: WindowState.schema,
  opens: z.string().nullable(),
  closes: z.string().nullable(),
  daysLeft: z.number().int().nullable().describe('申报中：含当天在内的剩余天数'),
  daysUntilOpen: z.number().int().nullable().describe('尚未开始：距开始的天数'),
});

const ProgrammeHead = {
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  year: z.number().int(),
  ownerJurisdictionName: z.string(),
};

const ApplicantGuidanceSchema = z.object({
  today: z.string().describe('业务日期'),
  programmes: z.array(
    z.object({
      ...ProgrammeHead,
      window: WindowSchema,
      kinds: z.array(z.object({ id: z.string(), name: z.string() })),
    }),
  ),
  selfAssessments: z.array(
    z.object({
      id: z.string(),
      programmeId: z.string(),
      programmeTitle: z.string(),
      kindName: z.string(),
      practice: z.boolean(),
      updatedAt: DateTime,
    }),
  ),
  applications: z.array(
    ApplicationSummarySchema.extend({
      waitingOn: WorkflowRole.schema.nullable(),
      nextStep: z.string().describe('等待谁、做什么'),
      myActions: z.array(z.object({ action: ApplicationAction.schema, label: z.string() })),
      window: WindowSchema,
    }),
  ),
});

const OfficerGuidanceSchema = z.object({
  today: z.string().describe('业务日期'),
  programmes: z.array(
    z.object({
      ...ProgrammeHead,
      stages: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: StageKind.schema,
          label: z.string().nullable(),
          opens: z.string().nullable(),
          closes: z.string().nullable(),
          timing: StageTiming.schema,
        }),
      ),
    }),
  ),
  todo: pageOf(ApplicationSummarySchema),
  late: z.array(
    ApplicationSummarySchema.extend({
      waitingOn: WorkflowRole.schema.nullable(),
      onMe: z.boolean().describe('是否待本账号处理'),
      reasons: z.array(z.object({ reason: z.string(), due: z.string(), daysLate: z.number().int() })),
      daysLate: z.number().int(),
    }),
  ),
});

export const guidanceRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/guidance/applicant',
      {
        schema: {
          tags: ['guidance'],
          summary: '申报单位首页：可申报的方案与截止日期、草稿、各申报的下一步',
          response: { 200: ApplicantGuidanceSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getApplicantGuidance(db, request.ctx);
      },
    );
    app.get(
      '/guidance/officer',
      {
        schema: {
          tags: ['guidance'],
          summary: '监管部门首页：方案阶段安排、待办、逾期事项',
          response: { 200: OfficerGuidanceSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getOfficerGuidance(db, request.ctx);
      },
    );
  };
