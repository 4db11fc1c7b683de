/** Contact firms (联系企业) with their contact log, and standard adopters (贯标企业) declared and confirmed. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AdoptionStatus, ContactWay } from '../../shared/enums-people';
import { AttachmentRefSchema } from '../../shared/schemas/ledger';
import {
  AdoptionDecisionSchema,
  AdoptionInputSchema,
  AdoptionQuerySchema,
  ContactFirmInputSchema,
  ContactFirmPatchSchema,
  ContactFirmQuerySchema,
  ContactLogInputSchema,
} from '../../shared/schemas/people';
import type { Db } from '../db/client';
import { designateContactFirm } from '../domain/contact-firms/designate-contact-firm';
import { listContactFirms } from '../domain/contact-firms/list-contact-firms';
import { getContactFirmDetail, logContact } from '../domain/contact-firms/log-contact';
import { getUnitContactFirm, listLiaisonCandidates } from '../domain/contact-firms/unit-contact-firm';
import { updateContactFirm } from '../domain/contact-firms/update-contact-firm';
import { decideAdoption } from '../domain/standard-adoptions/decide-adoption';
import { declareAdoption } from '../domain/standard-adoptions/declare-adoption';
import { getAdoptionAttachment, listAdoptions } from '../domain/standard-adoptions/list-adoptions';
import { sendFile } from '../http/attachments';
import { requireActor } from '../http/session';
import { AttachmentParams, DateTime, errorResponses, IdParams, pageOf } from './common';

const ContactFirmSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  unitIndustryCode: z.string(),
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  designatedByCode: z.string(),
  designatedByName: z.string(),
  liaisonOfficerId: z.string(),
  liaisonName: z.string(),
  contactName: z.string(),
  contactPosition: z.string().nullable(),
  contactPhone: z.string().nullable(),
  intervalDays: z.number(),
  designatedOn: z.string(),
  note: z.string().nullable(),
  active: z.boolean(),
  lastContactOn: z.string().nullable(),
  /** Last contact (or designation) plus the interval. */
  nextDueOn: z.string(),
  due: z.boolean(),
  version: z.number(),
});

const ContactLogSchema = z.object({
  id: z.string(),
  contactedOn: z.string(),
  way: ContactWay.schema,
  content: z.string(),
  sharedWithFirm: z.boolean(),
  recordedByName: z.string().nullable(),
  createdAt: DateTime,
});

const ContactFirmDetailSchema = ContactFirmSchema.extend({ contacts: z.array(ContactLogSchema) });

const UnitContactFirmSchema = z.object({
  contactFirm: z
    .object({
      active: z.boolean(),
      designatedOn: z.string(),
      designatedByName: z.string(),
      liaisonName: z.string(),
      liaisonPhone: z.string().nullable(),
      contactName: z.string(),
      lastContactOn: z.string().nullable(),
      /** The entries meant for the firm, without the bureau's bookkeeping. */
      contacts: z.array(ContactLogSchema.omit({ sharedWithFirm: true, createdAt: true })),
    })
    .nullable(),
});

const AdoptionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  jurisdictionName: z.string(),
  standard: z.string(),
  adoptedOn: z.string(),
  statement: z.string(),
  attachments: z.array(AttachmentRefSchema),
  status: AdoptionStatus.schema,
  decidedByName: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionNote: z.string().nullable(),
  version: z.number(),
  createdAt: DateTime,
  decidable: z.boolean(),
});

export const outreachRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/contact-firms',
      {
        schema: {
          tags: ['outreach'],
          summary: '联系企业（本辖区及下级；可按区县、是否到期筛选），含最近联系与下次应联系日期',
          querystring: ContactFirmQuerySchema,
          response: { 200: pageOf(ContactFirmSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listContactFirms(db, request.ctx, request.query);
      },
    );
    app.post(
      '/contact-firms',
      {
        schema: {
          tags: ['outreach'],
          summary: '确定联系企业，指定联络员和企业联系人',
          body: ContactFirmInputSchema,
          response: { 201: ContactFirmSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await designateContactFirm(db, request.ctx, request.body));
      },
    );
    app.get(
      '/contact-firms/:id',
      {
        schema: {
          tags: ['outreach'],
          summary: '联系企业详情与联系记录',
          params: IdParams,
          response: { 200: ContactFirmDetailSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getContactFirmDetail(db, request.ctx, request.params.id);
      },
    );
    app.patch(
      '/contact-firms/:id',
      {
        schema: {
          tags: ['outreach'],
          summary: '修改联系企业（联络员、联系人、联系周期、停止联系；需提交读取时的 version）',
          params: IdParams,
          body: ContactFirmPatchSchema,
          response: { 200: ContactFirmSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return updateContactFirm(db, request.ctx, request.params.id, request.body);
      },
    );
    app.post(
      '/contact-firms/:id/contacts',
      {
        schema: {
          tags: ['outreach'],
          summary: '记录一次企业联系（日期、方式、内容）',
          params: IdParams,
          body: ContactLogInputSchema,
          response: { 201: ContactFirmDetailSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await logContact(db, request.ctx, request.params.id, request.body));
      },
    );
    app.get(
      '/units/:id/contact-firm',
      {
        schema: {
          tags: ['outreach'],
          summary: '本单位是否为联系企业：确定部门、联络员及发给本单位的联系记录（本单位账号与辖区监管部门）',
          params: IdParams,
          response: { 200: UnitContactFirmSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return getUnitContactFirm(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/units/:id/liaison-candidates',
      {
        schema: {
          tags: ['outreach'],
          summary: '可担任该企业联络员的监管人员（与确定联系企业时的校验同一规则）',
          params: IdParams,
          response: {
            200: z.object({
              items: z.array(z.object({ id: z.string(), displayName: z.string(), jurisdictionName: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return listLiaisonCandidates(db, request.ctx, request.params.id);
      },
    );
    app.get(
      '/standard-adoptions',
      {
        schema: {
          tags: ['outreach'],
          summary: '贯标申报（申报单位：本单位；监管部门：本辖区及下级）',
          querystring: AdoptionQuerySchema,
          response: { 200: pageOf(AdoptionSchema), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return listAdoptions(db, request.ctx, request.query);
      },
    );
    app.post(
      '/standard-adoptions',
      {
        schema: {
          tags: ['outreach'],
          summary: '申报实施《商业秘密保护管理与服务规范》（申报单位为本单位，附证明材料）',
          body: AdoptionInputSchema,
          response: { 201: AdoptionSchema, ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await declareAdoption(db, request.ctx, request.body));
      },
    );
    app.post(
      '/standard-adoptions/:id/decision',
      {
        schema: {
          tags: ['outreach'],
          summary: '确认或不予确认贯标申报（企业所在区、县（市）监管部门）',
          params: IdParams,
          body: AdoptionDecisionSchema,
          response: { 200: AdoptionSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return decideAdoption(db, request.ctx, request.params.id, request.body);
      },
    );
    app.get(
      '/standard-adoptions/:id/attachments/:sha256',
      {
        schema: {
          tags: ['outreach'],
          summary: '下载贯标证明材料（凡可查看该申报者）',
          params: AttachmentParams,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { id, sha256 } = request.params;
        return sendFile(reply, await getAdoptionAttachment(db, request.ctx, id, sha256));
      },
    );
  };
