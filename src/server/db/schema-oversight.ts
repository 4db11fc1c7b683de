/**
 * Tables of the ongoing management of certified bases (动态管理) beyond the annual reviews (kept in schema.ts beside
 * the bases): the incentives granted to bases (002's incentive measures), recorded so they can be reported.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { IncentiveKind, ReportKind } from '../../shared/enums-oversight';
import { createdAt } from './columns';
// Only a type-free reference to tables defined in schema.ts; schema.ts re-exports this file at its end.
import { bases, jurisdictions, users } from './schema';

export const baseIncentives = pgTable(
  'base_incentives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    baseId: uuid('base_id')
      .notNull()
      .references(() => bases.id),
    kind: text('kind', { enum: IncentiveKind.values }).notNull(),
    /** The programme's incentive measure this grant applies (its wording), or the officer's own description. */
    measure: text('measure').notNull(),
    /** Money granted, in yuan; null for non-monetary incentives. */
    amountYuan: numeric('amount_yuan', { precision: 14, scale: 2, mode: 'number' }),
    grantedOn: date('granted_on').notNull(),
    document: text('document'),
    note: text('note'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('base_incentives_base_idx').on(t.baseId), index('base_incentives_granted_idx').on(t.grantedOn)],
);

/**
 * A report upward (报送): a bureau's figures for a quarter or a year (the jurisdiction picture), frozen as submitted
 * so later changes of the data do not alter it. A period may be submitted again with a reason: the earlier
 * submission is kept and marked superseded; one current submission per bureau and period (partial unique index).
 */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** The submitting bureau's path: the bureaus above read it by prefix. */
    jurisdictionPath: text('jurisdiction_path').notNull(),
    kind: text('kind', { enum: ReportKind.values }).notNull(),
    year: integer('year').notNull(),
    /** 1–4 for a quarterly report, null for the annual one. */
    quarter: integer('quarter'),
    /** The picture as it was when submitted (src/server/domain/oversight/jurisdiction-picture.ts). */
    figures: jsonb('figures').notNull(),
    /** Why the period was submitted again (required for a resubmission). */
    reason: text('reason'),
    submittedById: uuid('submitted_by_id')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('report_submissions_path_idx').on(t.jurisdictionPath, t.year),
    uniqueIndex('report_submissions_current_idx')
      .on(t.jurisdictionCode, t.kind, t.year, sql`coalesce(${t.quarter}, 0)`)
      .where(sql`${t.supersededAt} IS NULL`),
    check(
      'report_submissions_quarter_check',
      sql`(${t.kind} = 'annual' AND ${t.quarter} IS NULL) OR (${t.kind} = 'quarterly' AND ${t.quarter} BETWEEN 1 AND 4)`,
    ),
  ],
);
