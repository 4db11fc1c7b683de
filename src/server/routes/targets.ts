/** Targets (建设任务) of a programme against the bases certified and the applications under way. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BaseKind, BaseLevel, TargetSubject } from '../../core/programs/enums';
import { TargetsQuerySchema } from '../../shared/schemas/publicity';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { targetReport } from '../domain/targets/target-report';
import { requireActor } from '../http/session';
import { errorResponses } from './common';

export const TargetRowSchema = z.object({
  jurisdictionCode: z.string(),
  jurisdictionName: z.string(),
  /** The published name of the row's group, e.g. "越城区、柯桥区…" or "合计". */
  label: z.string().nullable(),
  subject: TargetSubject.schema,
  subjectLabel: z.string(),
  kind: BaseKind.schema.nullable(),
  kindLabel: z.string(),
  level: BaseLevel.schema.nullable(),
  levelLabel: z.string(),
  from: z.string().nullable(),
  due: z.string(),
  atLeast: z.number(),
  /** True: the programme has no row for this jurisdiction; the target sums its listed sub-jurisdictions. */
  rolledUp: z.boolean(),
  /** Bases certified (or standard adopters confirmed) in the subtree that count; null: the platform has no such data. */
  certified: z.number().nullable(),
  inProgress: z.number().nullable(),
  remaining: z.number().nullable(),
  state: z.enum(['met', 'open', 'overdue', 'not_tracked']),
  stateLabel: z.string(),
  note: z.string().nullable(),
});

export const targetRoutes =
  (db: Db, config: Config): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/targets',
      {
        schema: {
          tags: ['targets'],
          summary: '建设任务完成情况：各辖区目标数、已认定数（辖区含下级，撤销的不计）、在办申报数',
          querystring: TargetsQuerySchema,
          response: {
            200: z.object({
              programmeId: z.string(),
              programmeCode: z.string(),
              programmeTitle: z.string(),
              year: z.number(),
              ownerJurisdictionCode: z.string(),
              ownerJurisdictionName: z.string(),
              asOf: z.string(),
              rows: z.array(TargetRowSchema),
            }),
            ...errorResponses,
          },
        },
      },
      async (request) => {
        requireActor(request);
        return targetReport(db, request.ctx, request.query.programmeId, businessDate(config));
      },
    );
  };
