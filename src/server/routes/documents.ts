/**
 * Official documents as PDFs, each beside the record it belongs to and authorised like it: a base's certificate and
 * plaque (its holders), the certification list of its decision (public, like the registry), an application's form
 * and its acceptance score sheets (like the application and its panel), a publicity notice (public, like the
 * notice). Routes for signed-in readers authenticate before validating, so the anonymous get 401.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CertificateParams } from '../../shared/schemas/publicity';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { applicationFormData } from '../domain/documents/application-form-document';
import { baseDocumentData } from '../domain/documents/base-documents';
import { publicityNoticeData } from '../domain/documents/publicity-document';
import { expertSheetData, panelSummaryData } from '../domain/documents/score-sheet-documents';
import { certificationList } from '../domain/registry/registry-queries';
import { contentDisposition } from '../http/attachments';
import { requireActor } from '../http/session';
import { renderApplicationForm } from '../pdf/application-form';
import { renderBaseCertificate } from '../pdf/base-certificate';
import { renderBasePlaque } from '../pdf/base-plaque';
import { renderCertificationList } from '../pdf/certification-list';
import { renderPublicityNotice } from '../pdf/publicity-notice';
import { renderExpertSheet, renderPanelSummary } from '../pdf/score-sheet';
import { IdParams, publicBase } from './common';

export const sendPdf = (reply: FastifyReply, pdf: Uint8Array, fileName: string, ascii: string) =>
  reply
    .type('application/pdf')
    .header('content-disposition', contentDisposition(fileName, ascii))
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(pdf));

const signedIn = {
  preValidation: async (request: FastifyRequest) => {
    requireActor(request);
  },
};
const pdfResponse = { produces: ['application/pdf'] };
const SheetParams = IdParams.extend({ expertId: z.uuid('专家编号格式不正确') }).strict();

export const documentRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    const basePapers = [
      {
        path: 'certificate',
        name: '认定证书',
        ascii: 'certificate.pdf',
        summary: '认定证书（PDF，A4 横版）',
        render: renderBaseCertificate,
      },
      {
        path: 'plaque',
        name: '牌匾',
        ascii: 'plaque.pdf',
        summary: '牌匾（PDF，60×40 cm 矢量）',
        render: renderBasePlaque,
      },
    ];
    for (const paper of basePapers) {
      app.get(
        `/registry/:certificateNo/${paper.path}`,
        {
          ...signedIn,
          schema: {
            tags: ['documents'],
            summary: `${paper.summary}：本单位、其监管部门与认定机关`,
            params: CertificateParams,
            ...pdfResponse,
          },
        },
        async (request, reply) => {
          const { actor } = request.ctx;
          const data = await baseDocumentData(db, actor, request.params.certificateNo, publicBase(config));
          return sendPdf(reply, await paper.render(data), `${paper.name}-${data.certificateNo}.pdf`, paper.ascii);
        },
      );
    }
    app.get(
      '/registry/:certificateNo/certification-list',
      {
        schema: {
          tags: ['documents'],
          summary: '认定名单（PDF，公开）：该基地所属认定决定认定的全部示范基地',
          security: [],
          params: CertificateParams,
          ...pdfResponse,
        },
      },
      async (request, reply) => {
        const list = await certificationList(db, request.params.certificateNo);
        const name = `认定名单-${list.decisionNumber ?? list.decidedOn}.pdf`;
        return sendPdf(reply, await renderCertificationList(list), name, 'certification-list.pdf');
      },
    );
    app.get(
      '/applications/:id/documents/form',
      { ...signedIn, schema: { tags: ['documents'], summary: '申报表（PDF）', params: IdParams, ...pdfResponse } },
      async (request, reply) => {
        const { data, unitName } = await applicationFormData(db, request.ctx, request.params.id);
        return sendPdf(reply, await renderApplicationForm(data), `申报表-${unitName}.pdf`, 'application-form.pdf');
      },
    );
    app.get(
      '/applications/:id/documents/score-sheets/:expertId',
      {
        ...signedIn,
        schema: {
          tags: ['documents'],
          summary: '专家评分表（PDF）：主管部门可下载每位专家的，专家可下载本人的',
          params: SheetParams,
          ...pdfResponse,
        },
      },
      async (request, reply) => {
        const d = await expertSheetData(db, request.ctx, request.params.id, request.params.expertId);
        const pdf = await renderExpertSheet(d.rubric, d.aggregate, d.expert, d.head);
        return sendPdf(reply, pdf, `专家评分表-${d.head.unitName}-${d.expert.name}.pdf`, 'score-sheet.pdf');
      },
    );
    app.get(
      '/applications/:id/documents/score-summary',
      {
        ...signedIn,
        schema: { tags: ['documents'], summary: '验收组评分汇总表（PDF）', params: IdParams, ...pdfResponse },
      },
      async (request, reply) => {
        const d = await panelSummaryData(db, request.ctx, request.params.id);
        const pdf = await renderPanelSummary(d.rubric, d.aggregate, d.experts, d.head, d.opinion);
        return sendPdf(reply, pdf, `验收组评分汇总表-${d.head.unitName}.pdf`, 'score-summary.pdf');
      },
    );
    app.get(
      '/publicity/:id/document',
      {
        schema: { tags: ['documents'], summary: '公示（PDF，公开）', security: [], params: IdParams, ...pdfResponse },
      },
      async (request, reply) => {
        const data = await publicityNoticeData(
          db,
          request.ctx.actor,
          request.params.id,
          request.ctx.today,
          publicBase(config),
        );
        return sendPdf(reply, await renderPublicityNotice(data), `${data.title}.pdf`, 'publicity-notice.pdf');
      },
    );
  };
