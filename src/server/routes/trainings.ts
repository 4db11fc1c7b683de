/** Trainings, the lecture series and forums: events, registrations, check-in, feedback, certificates, reach. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  TrainingAudience,
  TrainingKind,
  TrainingRegistrationKind,
  TrainingVenueRole,
} from '../../shared/enums-trainings';
import {
  SurveyQuestionSchema,
  TrainingEventInputSchema,
  TrainingEventPatchSchema,
  TrainingFeedbackInputSchema,
  TrainingListQuerySchema,
  TrainingRegistrationInputSchema,
  TrainingStatsQuerySchema,
  TrainingWalkInInputSchema,
} from '../../shared/schemas/trainings';
import type { Db } from '../db/client';
import { attendanceCertificate } from '../domain/trainings/attendance-certificate';
import { cancelRegistration } from '../domain/trainings/cancel-registration';
import { checkInRegistration } from '../domain/trainings/check-in-registration';
import { createTraining } from '../domain/trainings/create-training';
import { feedbackSummary } from '../domain/trainings/feedback-summary';
import { getTraining } from '../domain/trainings/get-training';
import { getTrainingMaterial } from '../domain/trainings/get-training-material';
import { getRegistration, listRegistrations } from '../domain/trainings/list-registrations';
import { listTrainings } from '../domain/trainings/list-trainings';
import { recordWalkIn } from '../domain/trainings/record-walk-in';
import { registerAttendees } from '../domain/trainings/register-attendees';
import { submitFeedback } from '../domain/trainings/submit-feedback';
import { exportTrainingStats, trainingStats } from '../domain/trainings/training-stats';
import { updateTraining } from '../domain/trainings/update-training';
import { sendXlsx } from '../export/xlsx-stream';
import { contentDisposition, sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { AttachmentParams, DateTime, errorResponses, IdParams, pageOf } from './common';

const tags = ['trainings'];

const VenueSchema = z.object({
  id: z.string(),
  role: TrainingVenueRole.schema,
  name: z.string(),
  hostJurisdictionCode: z.string(),
  hostName: z.string(),
  capacity: z.number(),
  address: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  registered: z.number(),
  checkedIn: z.number(),
});

const EventSummary = {
  id: z.string(),
  kind: TrainingKind.schema,
  title: z.string(),
  description: z.string().nullable(),
  ownerJurisdictionCode: z.string(),
  ownerName: z.string(),
  audience: TrainingAudience.schema,
  startsOn: z.string(),
  endsOn: z.string(),
  cancelled: z.boolean(),
  version: z.number(),
};

const EventListItem = z.object({ ...EventSummary, venues: z.array(VenueSchema) });

const EventDetail = z.object({
  ...EventSummary,
  sessions: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      startsAt: z.string().nullable(),
      speakerExpertId: z.string().nullable(),
      speakerName: z.string().nullable(),
      speakerTitle: z.string().nullable(),
    }),
  ),
  venues: z.array(VenueSchema.extend({ hosting: z.boolean() })),
  materials: z.array(z.object({ sha256: z.string(), fileName: z.string() })),
  survey: z.array(SurveyQuestionSchema),
  canManage: z.boolean(),
});

const RegistrationSchema = z.object({
  id: z.string(),
  eventId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  kind: TrainingRegistrationKind.schema,
  unitId: z.string().nullable(),
  unitName: z.string(),
  attendeeName: z.string(),
  position: z.string().nullable(),
  mobile: z.string().nullable(),
  checkedInAt: DateTime.nullable(),
  cancelledAt: DateTime.nullable(),
  createdAt: DateTime,
  feedbackAt: DateTime.nullable(),
});

const RegistrationDetail = RegistrationSchema.extend({
  event: z.object({
    id: z.string(),
    title: z.string(),
    kind: TrainingKind.schema,
    startsOn: z.string(),
    endsOn: z.string(),
    ownerName: z.string(),
  }),
  canCheckIn: z.boolean(),
});

const ReachRowSchema = z.object({
  dimension: z.enum(['district', 'industry', 'month']),
  key: z.string(),
  label: z.string(),
  events: z.number(),
  venues: z.number(),
  units: z.number(),
  people: z.number(),
});

export const trainingRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/trainings',
      {
        schema: {
          tags,
          summary: '培训、大讲堂、论坛列表（按可见范围）',
          querystring: TrainingListQuerySchema,
          response: { 200: pageOf(EventListItem), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listTrainings(db, request.ctx, request.query);
      },
    );
    app.post(
      '/trainings',
      {
        schema: {
          tags,
          summary: '发布培训活动（主会场、分会场、议程、资料）',
          body: TrainingEventInputSchema,
          response: { 201: EventDetail, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const created = await createTraining(db, request.ctx, request.body);
        return reply.status(201).send(await getTraining(db, request.ctx, created.event.id));
      },
    );
    app.get(
      '/trainings/:id',
      {
        schema: { tags, summary: '培训活动详情', params: IdParams, response: { 200: EventDetail, ...errorResponses } },
      },
      async (request) => {
        requireActor(request);
        return getTraining(db, request.ctx, request.params.id);
      },
    );
    app.patch(
      '/trainings/:id',
      {
        schema: {
          tags,
          summary: '修改培训活动（需提交读取时的 version；cancelled 取消或恢复）',
          params: IdParams,
          body: TrainingEventPatchSchema,
          response: { 200: EventDetail, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        await updateTraining(db, request.ctx, request.params.id, request.body);
        return getTraining(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/trainings/:id/materials/:sha256',
      { schema: { tags, summary: '下载活动资料', params: AttachmentParams } },
      async (request, reply) => {
        requireActor(request);
        return sendFile(reply, await getTrainingMaterial(db, request.ctx, request.params.id, request.params.sha256));
      },
    );
    app.get(
      '/trainings/:id/registrations',
      {
        schema: {
          tags,
          summary: '报名与签到名单（主办单位全部，承办单位本会场，参会单位本单位）',
          params: IdParams,
          response: {
            200: z.object({ items: z.array(RegistrationSchema.extend({ hosting: z.boolean() })) }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await listRegistrations(db, request.ctx, request.params.id) };
      },
    );
    app.post(
      '/trainings/:id/registrations',
      {
        schema: {
          tags,
          summary: '单位报名参会人员（按会场，名额已满或重复报名 409）',
          params: IdParams,
          body: TrainingRegistrationInputSchema,
          response: { 201: z.object({ items: z.array(RegistrationSchema) }), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply
          .status(201)
          .send({ items: await registerAttendees(db, request.ctx, request.params.id, request.body) });
      },
    );
    app.post(
      '/trainings/:id/walk-ins',
      {
        schema: {
          tags,
          summary: '承办单位现场登记未报名人员（即时签到）',
          params: IdParams,
          body: TrainingWalkInInputSchema,
          response: { 201: RegistrationSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await recordWalkIn(db, request.ctx, request.params.id, request.body));
      },
    );
    app.get(
      '/trainings/:id/feedback',
      {
        schema: {
          tags,
          summary: '反馈问卷汇总',
          params: IdParams,
          response: {
            200: z.object({
              responses: z.number(),
              questions: z.array(
                z.object({
                  id: z.string(),
                  type: z.enum(['rating', 'text']),
                  text: z.string(),
                  answered: z.number(),
                  average: z.number().nullable(),
                  counts: z.array(z.number()),
                  texts: z.array(z.string()),
                }),
              ),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return feedbackSummary(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/training-registrations/:id',
      {
        schema: {
          tags,
          summary: '报名记录（签到二维码打开的页面）',
          params: IdParams,
          response: { 200: RegistrationDetail, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getRegistration(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/training-registrations/:id/check-in',
      {
        schema: {
          tags,
          summary: '扫码签到（承办会场的监管部门；重复签到 409）',
          params: IdParams,
          response: { 200: RegistrationSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return checkInRegistration(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/training-registrations/:id/cancellation',
      {
        schema: {
          tags,
          summary: '取消报名（签到前）',
          params: IdParams,
          response: { 200: RegistrationSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return cancelRegistration(db, request.ctx, request.params.id);
      },
    );
    app.post(
      '/training-registrations/:id/feedback',
      {
        schema: {
          tags,
          summary: '提交反馈问卷（签到后，每人一次）',
          params: IdParams,
          body: TrainingFeedbackInputSchema,
          response: {
            201: z.object({
              registrationId: z.string(),
              answers: z.record(z.string(), z.union([z.number(), z.string()])),
            }),
            ...errorResponses,
          },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await submitFeedback(db, request.ctx, request.params.id, request.body));
      },
    );
    app.get(
      '/training-registrations/:id/certificate',
      {
        schema: { tags, summary: '参训证明（PDF）', params: IdParams, produces: ['application/pdf'] },
      },
      async (request, reply) => {
        requireActor(request);
        const { pdf, fileName } = await attendanceCertificate(db, request.ctx, request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition(fileName, 'training-certificate.pdf'))
          .header('x-content-type-options', 'nosniff')
          .send(Buffer.from(pdf));
      },
    );
    app.get(
      '/training-stats',
      {
        schema: {
          tags,
          summary: '培训覆盖统计（活动、会场、单位、人次，按辖区、行业、月份）',
          querystring: TrainingStatsQuerySchema,
          response: {
            200: z.object({
              totals: z.object({ events: z.number(), venues: z.number(), units: z.number(), people: z.number() }),
              byDistrict: z.array(ReachRowSchema),
              byIndustry: z.array(ReachRowSchema),
              byMonth: z.array(ReachRowSchema),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return trainingStats(db, request.ctx, request.query);
      },
    );
    app.get(
      '/training-stats/export.xlsx',
      {
        schema: {
          tags: ['exports'],
          summary: '导出培训覆盖统计（Excel；条件与统计页相同）',
          querystring: TrainingStatsQuerySchema,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '培训覆盖统计.xlsx', await exportTrainingStats(db, request.ctx, request.query));
      },
    );
  };
