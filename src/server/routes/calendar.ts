/**
 * The working-day calendar: administrators' overrides of the official Chinese calendar, and the public
 * "N working days from a date" computation that publicity periods use.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarDateParams,
  CalendarOverrideQuerySchema,
  CalendarOverrideSchema,
  CalendarYearParams,
  CalendarYearSchema,
  WorkingDaysQuerySchema,
} from '../../shared/schemas/publicity';
import type { Db } from '../db/client';
import {
  deleteCalendarOverride,
  listCalendarOverrides,
  setCalendarOverride,
} from '../domain/calendar/calendar-overrides';
import { calendarYears, setCalendarYear } from '../domain/calendar/calendar-years';
import { workingDaysFrom } from '../domain/calendar/working-days';
import { requireActor } from '../http/session';
import { DateTime, errorResponses } from './common';

const OverrideSchema = z.object({
  date: z.string(),
  workday: z.boolean(),
  note: z.string().nullable(),
  updatedByName: z.string().nullable(),
  updatedAt: DateTime,
});

export const calendarRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/calendar/overrides',
      {
        schema: {
          tags: ['calendar'],
          summary: '工作日历调整列表（登录用户可查看）',
          querystring: CalendarOverrideQuerySchema,
          response: { 200: z.object({ items: z.array(OverrideSchema) }), ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        return { items: await listCalendarOverrides(db, request.ctx, request.query) };
      },
    );
    app.put(
      '/calendar/overrides/:date',
      {
        schema: {
          tags: ['calendar'],
          summary: '设置某日为工作日或休息日（系统管理员）',
          params: CalendarDateParams,
          body: CalendarOverrideSchema,
          response: { 200: OverrideSchema, ...errorResponses },
        },
      },
      async (request) => {
        requireActor(request);
        const { date } = request.params;
        await setCalendarOverride(db, request.ctx, date, request.body);
        const items = await listCalendarOverrides(db, request.ctx, { from: date, to: date });
        return items[0]!;
      },
    );
    app.delete(
      '/calendar/overrides/:date',
      {
        schema: {
          tags: ['calendar'],
          summary: '取消某日的调整，恢复国家法定日历（系统管理员）',
          params: CalendarDateParams,
          response: { 204: z.null(), ...errorResponses },
        },
      },
      async (request, reply) => {
        requireActor(request);
        await deleteCalendarOverride(db, request.ctx, request.params.date);
        return reply.status(204).send(null);
      },
    );
    app.get(
      '/calendar/years',
      {
        schema: {
          tags: ['calendar'],
          summary: '各年份的法定节假日安排是否已知（国家数据 official、管理员录入 entered、缺失 missing）',
          response: {
            200: z.object({
              official: z.object({ from: z.number(), to: z.number() }).nullable(),
              years: z.array(z.object({ year: z.number(), coverage: z.enum(['official', 'entered', 'missing']) })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return calendarYears(db, request.ctx);
      },
    );
    app.put(
      '/calendar/years/:year',
      {
        schema: {
          tags: ['calendar'],
          summary: '录入某年的放假安排：假期与调休上班日（系统管理员；已发布的公示期不变）',
          params: CalendarYearParams,
          body: CalendarYearSchema,
          response: {
            200: z.object({
              year: z.number(),
              days: z.array(z.object({ date: z.string(), workday: z.boolean(), note: z.string() })),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return setCalendarYear(db, request.ctx, request.params.year, request.body);
      },
    );
    app.get(
      '/calendar/working-days',
      {
        schema: {
          tags: ['calendar'],
          summary: '从某日起若干个工作日的截止日期（公开，无需登录；含管理员调整）',
          security: [],
          querystring: WorkingDaysQuerySchema,
          response: {
            200: z.object({
              start: z.string(),
              days: z.number(),
              firstDay: z.string(),
              end: z.string(),
              /** Years the period reaches whose holiday arrangement the calendar lacks: the end may be wrong. */
              uncoveredYears: z.array(z.number()),
              warning: z.string().nullable(),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => workingDaysFrom(db, request.query.start, request.query.days),
    );
  };
