/**
 * Excel exports of the working lists: `GET <list>/export.xlsx` takes the list endpoint's own query (without paging)
 * and answers the whole filtered list, in the caller's scope, streamed (src/server/export/xlsx-stream.ts). The
 * static `export.xlsx` segment wins over the lists' `/:id` routes in Fastify's router.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ExpertListQuerySchema } from '../../shared/schemas/acceptance';
import { RegistryQuerySchema, TargetsQuerySchema } from '../../shared/schemas/publicity';
// Services (issue 13)
import { ServiceRecordQuerySchema, StatisticsQuerySchema } from '../../shared/schemas/services';
import type { Db } from '../db/client';
import { exportPanel } from '../domain/acceptance/export-panel';
import { exportPanelResults } from '../domain/acceptance/export-panel-results';
import { exportApplications } from '../domain/applications/export-applications';
import { exportAudit } from '../domain/audit/export-audit';
import { exportExperts } from '../domain/experts/export-experts';
import { exportLedger } from '../domain/ledger/export-ledger';
import { exportRegistry } from '../domain/registry/export-registry';
import { exportServiceRecords } from '../domain/services/export-services';
import { exportStatistics } from '../domain/services/service-statistics';
import { exportTargets } from '../domain/targets/export-targets';
import { exportUnits } from '../domain/units/export-units';
import { sendXlsx } from '../export/xlsx-stream';
import { requireActor } from '../http/session';
import { PanelResultsQuery } from './acceptance';
import { ApplicationQuery } from './applications';
import { AuditQuery } from './audit';
import { errorResponses, IdParams } from './common';
import { LedgerQuery } from './ledger';
import { UnitListQuery } from './units';

const unpaged = { page: true, pageSize: true } as const;
const tags = ['exports'];

export const exportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/applications/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出申报列表（Excel；筛选条件与申报列表相同）',
          querystring: ApplicationQuery.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { todo, ...filter } = request.query;
        const sheet = exportApplications(db, request.ctx, { ...filter, todo: todo === 'true' });
        return sendXlsx(reply, '申报列表.xlsx', sheet);
      },
    );
    app.get(
      '/units/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出单位列表（Excel；筛选条件与单位列表相同）',
          querystring: UnitListQuery.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '单位列表.xlsx', exportUnits(db, request.ctx, request.query));
      },
    );
    app.get(
      '/registry/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出示范基地名录（Excel；公开，无需登录；查询条件与名录相同）',
          security: [],
          querystring: RegistryQuerySchema.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => sendXlsx(reply, '示范基地名录.xlsx', exportRegistry(db, request.query)),
    );
    app.get(
      '/experts/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出专家库（Excel；筛选条件与专家库相同）',
          querystring: ExpertListQuerySchema,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '专家库.xlsx', exportExperts(db, request.ctx, request.query));
      },
    );
    app.get(
      '/applications/:id/panel/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出验收评分汇总（Excel；验收主管部门，或已完成评分的验收专家）',
          params: IdParams,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '验收评分汇总.xlsx', await exportPanel(db, request.ctx, request.params.id));
      },
    );
    app.get(
      '/panel-results/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出工作方案的验收结果（Excel；筛选条件与验收结果列表相同）',
          querystring: PanelResultsQuery.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '验收结果.xlsx', exportPanelResults(db, request.ctx, request.query));
      },
    );
    app.get(
      '/targets/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出建设任务完成情况（Excel）',
          querystring: TargetsQuerySchema,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { report, sheet } = await exportTargets(db, request.ctx, request.query.programmeId, request.ctx.today);
        return sendXlsx(reply, `建设任务-${report.programmeTitle}.xlsx`, sheet);
      },
    );
    app.get(
      '/audit/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出操作日志（Excel；筛选条件与操作日志相同）',
          querystring: AuditQuery.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '操作日志.xlsx', exportAudit(db, request.ctx, request.query));
      },
    );
    app.get(
      '/ledger/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出台账（Excel；筛选条件与台账列表相同）',
          querystring: LedgerQuery.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '台账.xlsx', exportLedger(db, request.ctx, request.query));
      },
    );
    // Services (issue 13)
    app.get(
      '/service-records/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出服务记录（Excel；筛选条件与服务记录列表相同）',
          querystring: ServiceRecordQuerySchema.omit(unpaged),
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '服务记录.xlsx', exportServiceRecords(db, request.ctx, request.query));
      },
    );
    app.get(
      '/service-statistics/export.xlsx',
      {
        schema: {
          tags,
          summary: '导出服务统计（Excel；按辖区、类型、月份）',
          querystring: StatisticsQuerySchema,
          response: errorResponses,
        },
      },
      async (request, reply) => {
        requireActor(request);
        return sendXlsx(reply, '服务统计.xlsx', exportStatistics(db, request.ctx, request.query));
      },
    );
  };
