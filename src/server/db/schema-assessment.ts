/**
 * Bureau assessment (评估考核): schemes as validated documents (like programmes: a draft changes, a published scheme
 * never does — a trigger refuses), and the points the assessing officer gave each assessed bureau on the indicators
 * it scores by hand. Computed indicators are not stored: they are computed from the data each time, the same way.
 */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentScheme } from '../../core/assessment/schema';
import { AssessmentStatus } from '../../shared/enums-assessment';
import type { AttachmentRef } from '../../shared/schemas/ledger';
import { createdAt } from './columns';
import { jurisdictions, users } from './schema';

export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    ownerJurisdictionCode: text('owner_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: AssessmentStatus.values }).notNull().default('draft'),
    definition: jsonb('definition').$type<AssessmentScheme>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assessment_schemes_code_idx').on(t.code),
    index('assessment_schemes_owner_idx').on(t.ownerJurisdictionCode),
  ],
);

export const assessmentScores = pgTable(
  'assessment_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    indicatorId: text('indicator_id').notNull(),
    points: numeric('points', { precision: 7, scale: 2, mode: 'number' }).notNull(),
    note: text('note').notNull(),
    attachments: jsonb('attachments').$type<AttachmentRef[]>().notNull().default(sql`'[]'::jsonb`),
    scoredById: uuid('scored_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_scores_cell_idx').on(t.schemeId, t.jurisdictionCode, t.indicatorId)],
);
