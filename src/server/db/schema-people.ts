/**
 * Tables of the people module (issue 13): records of use of the register's people, contact firms (联系企业) with
 * their contact log, and standard adopters (贯标企业). The register itself is the `experts` table (schema.ts).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { AdoptionStatus, ContactWay, PersonRecordKind } from '../../shared/enums-people';
import type { AttachmentRef } from '../../shared/schemas/ledger';
import { createdAt } from './columns';
import { experts, jurisdictions, units, users } from './schema';
import { rightsClues } from './schema-rights';

export const personRecordKind = pgEnum('person_record_kind', PersonRecordKind.values);
export const contactWay = pgEnum('contact_way', ContactWay.values);
export const adoptionStatus = pgEnum('adoption_status', AdoptionStatus.values);

/**
 * One use of a person of the register: a consultation or research (think tank), a case worked on (enforcement
 * talent), a training given or attended. Other modules write theirs with `source_type`/`source_id` (e.g. a training
 * session), which keeps one record per source and kind; `case_ref` is a free reference until cases are linked.
 */
export const personRecords = pgTable(
  'person_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    kind: personRecordKind('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** A case number or other reference (free text), for cases outside the platform. */
    caseRef: text('case_ref'),
    /** The rights clue or case on the platform this record is about (checked against what the recorder may see). */
    rightsClueId: uuid('rights_clue_id').references(() => rightsClues.id),
    /** The module record this one stands for, e.g. `training` + the session id; null for records typed in. */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('person_records_expert_idx').on(t.expertId, t.occurredOn),
    uniqueIndex('person_records_source_idx')
      .on(t.expertId, t.kind, t.sourceType, t.sourceId)
      .where(sql`source_id IS NOT NULL`),
  ],
);

/** A contact enterprise (联系企业) a bureau keeps, with its liaison officer and the firm's contact person. */
export const contactFirms = pgTable(
  'contact_firms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The designating bureau. */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    liaisonOfficerId: uuid('liaison_officer_id')
      .notNull()
      .references(() => users.id),
    contactName: text('contact_name').notNull(),
    contactPosition: text('contact_position'),
    contactPhone: text('contact_phone'),
    /** Days between contacts; the next is due this long after the last (default from the bureau's data). */
    intervalDays: integer('interval_days').notNull(),
    designatedOn: date('designated_on', { mode: 'string' }).notNull(),
    note: text('note'),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('contact_firms_unit_idx').on(t.unitId),
    index('contact_firms_jurisdiction_idx').on(t.jurisdictionCode),
  ],
);

/** One contact with a contact firm: date, way, content. */
export const contactLogs = pgTable(
  'contact_logs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    contactFirmId: uuid('contact_firm_id')
      .notNull()
      .references(() => contactFirms.id),
    contactedOn: date('contacted_on', { mode: 'string' }).notNull(),
    way: contactWay('way').notNull(),
    content: text('content').notNull(),
    /** Meant for the firm: its applicant accounts read this entry on their own page; other entries stay internal. */
    sharedWithFirm: boolean('shared_with_firm').notNull().default(false),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('contact_logs_firm_idx').on(t.contactFirmId, t.contactedOn)],
);

/**
 * A unit's declaration that it adopts the provincial standard 《商业秘密保护管理与服务规范》, with evidence; its
 * county/district bureau confirms or rejects it. One live (declared or confirmed) declaration per unit.
 */
export const standardAdoptions = pgTable(
  'standard_adoptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    standard: text('standard').notNull(),
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    statement: text('statement').notNull(),
    attachments: jsonb('attachments').$type<AttachmentRef[]>().notNull().default([]),
    status: adoptionStatus('status').notNull().default('declared'),
    declaredById: uuid('declared_by_id').references(() => users.id),
    decidedById: uuid('decided_by_id').references(() => users.id),
    /** The business date of the decision: a confirmed adopter counts towards targets from then. */
    decidedOn: date('decided_on', { mode: 'string' }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('standard_adoptions_unit_idx').on(t.unitId),
    uniqueIndex('standard_adoptions_live_idx').on(t.unitId).where(sql`status <> 'rejected'`),
  ],
);
