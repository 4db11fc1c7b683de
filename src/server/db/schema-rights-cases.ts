/**
 * Administrative case handling of rights protection (issue 12, rights-cases): the case-handling guide as versioned
 * data, the steps and documents recorded on a case, the 90-day close clock's extensions and the closing, professional
 * appraisals, key-case supervision, joint handling, consultations and typical cases. A "case" is a clue of
 * `rights_clues` (rights-core) that was accepted (立案); these tables hang off the clue's id.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CaseGuide } from '../../core/case-guides/schema';
import {
  AppraisalStatus,
  AppraisalSubject,
  CaseOutcome,
  CaseStepKind,
  PartnerDepartment,
  SupervisionStatus,
  TypicalCaseStatus,
} from '../../shared/enums-rights-cases';
import { createdAt, updatedAt } from './columns';
import { jurisdictions, users } from './schema';
import { rightsClues } from './schema-rights';

export const rightsCaseStepKind = pgEnum('rights_case_step_kind', CaseStepKind.values);
export const rightsAppraisalStatus = pgEnum('rights_appraisal_status', AppraisalStatus.values);
export const rightsAppraisalSubject = pgEnum('rights_appraisal_subject', AppraisalSubject.values);
export const rightsSupervisionStatus = pgEnum('rights_supervision_status', SupervisionStatus.values);
export const rightsPartnerDepartment = pgEnum('rights_partner_department', PartnerDepartment.values);
export const rightsTypicalCaseStatus = pgEnum('rights_typical_case_status', TypicalCaseStatus.values);
export const rightsCaseOutcome = pgEnum('rights_case_outcome', CaseOutcome.values);

/** The case-handling guide (办案指南), one row per version; a version is never changed, an edit is a new version. */
export const rightsCaseGuides = pgTable(
  'rights_case_guides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    ownerJurisdictionCode: text('owner_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    title: text('title').notNull(),
    definition: jsonb('definition').$type<CaseGuide>().notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('rights_case_guides_code_version_idx').on(t.code, t.version),
    index('rights_case_guides_owner_idx').on(t.ownerJurisdictionCode),
  ],
);

/**
 * The administrative case of an accepted clue: the guide version it follows (fixed when it is first read after
 * opening), the approved extensions of its close clock and how it was closed.
 */
export const rightsCaseFiles = pgTable('rights_case_files', {
  clueId: uuid('clue_id')
    .primaryKey()
    .references(() => rightsClues.id),
  guideId: uuid('guide_id')
    .notNull()
    .references(() => rightsCaseGuides.id),
  /** Approved extensions of the close clock (rule `close_case`: at most maxExtensions, extensionPeriod each). */
  extensions: integer('extensions').notNull().default(0),
  /** A pending request for an extension: who asked, why, when (cleared when approved). */
  extensionRequestedById: uuid('extension_requested_by_id').references(() => users.id),
  extensionRequestedAt: timestamp('extension_requested_at', { withTimezone: true }),
  extensionReason: text('extension_reason'),
  extensionApprovedById: uuid('extension_approved_by_id').references(() => users.id),
  extendedAt: timestamp('extended_at', { withTimezone: true }),
  outcome: rightsCaseOutcome('outcome'),
  closingSummary: text('closing_summary'),
  closedOn: date('closed_on'),
  closedById: uuid('closed_by_id').references(() => users.id),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A guide step marked done on a case, with its date and note. */
export const rightsCaseSteps = pgTable(
  'rights_case_steps',
  {
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    step: rightsCaseStepKind('step').notNull(),
    completedOn: date('completed_on').notNull(),
    note: text('note'),
    completedById: uuid('completed_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.clueId, t.step] })],
);

/** A document of the guide recorded on a case as an attachment (立案审批表, 询问笔录 …). */
export const rightsCaseDocuments = pgTable(
  'rights_case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    step: rightsCaseStepKind('step').notNull(),
    documentKey: text('document_key').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('rights_case_documents_clue_idx').on(t.clueId)],
);

/** A professional appraisal (司法鉴定) commissioned for a case, with its cost, for appraisal-funding reports. */
export const rightsAppraisals = pgTable(
  'rights_appraisals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    institution: text('institution').notNull(),
    subject: rightsAppraisalSubject('subject').notNull(),
    matters: text('matters').notNull(),
    requestedOn: date('requested_on').notNull(),
    cost: numeric('cost', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    status: rightsAppraisalStatus('status').notNull().default('requested'),
    result: text('result'),
    completedOn: date('completed_on'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('rights_appraisals_clue_idx').on(t.clueId), check('rights_appraisals_cost_check', sql`${t.cost} >= 0`)],
);

/** Key-case supervision (督办): a higher bureau's instructions and deadline, and the handler's report. */
export const rightsSupervisions = pgTable(
  'rights_supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    supervisorJurisdictionCode: text('supervisor_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    instructions: text('instructions').notNull(),
    dueOn: date('due_on').notNull(),
    status: rightsSupervisionStatus('status').notNull().default('open'),
    report: text('report'),
    reportedOn: date('reported_on'),
    closedOn: date('closed_on'),
    createdById: uuid('created_by_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('rights_supervisions_clue_idx').on(t.clueId)],
);

/** Joint handling (联合办案): another bureau working the case beside the competent one. */
export const rightsCaseJointBureaus = pgTable(
  'rights_case_joint_bureaus',
  {
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    task: text('task').notNull(),
    addedById: uuid('added_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.clueId, t.jurisdictionCode] }),
    index('rights_case_joint_bureaus_j_idx').on(t.jurisdictionCode),
  ],
);

/** A consultation (会商会办) with other departments: who took part and what was concluded. */
export const rightsConsultations = pgTable(
  'rights_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    heldOn: date('held_on').notNull(),
    departments: jsonb('departments').$type<PartnerDepartment[]>().notNull(),
    participants: text('participants').notNull(),
    topic: text('topic').notNull(),
    conclusions: text('conclusions').notNull(),
    recordedById: uuid('recorded_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('rights_consultations_clue_idx').on(t.clueId)],
);

/**
 * A typical case (典型案例): public text written by an officer about a closed case, published only when a second
 * officer (not the author) approves. Nothing is copied from the confidential file.
 */
export const rightsTypicalCases = pgTable(
  'rights_typical_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    /** The competent bureau's jurisdiction when written (scope of who may approve and see the draft). */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    significance: text('significance'),
    /** Public labels chosen by the author (e.g. 技术信息), never read from the clue. */
    secretCategory: text('secret_category'),
    industry: text('industry'),
    status: rightsTypicalCaseStatus('status').notNull().default('draft'),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedById: uuid('approved_by_id').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedOn: date('published_on'),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('rights_typical_cases_status_idx').on(t.status, t.publishedOn),
    index('rights_typical_cases_clue_idx').on(t.clueId),
    check('rights_typical_cases_two_officers', sql`${t.approvedById} is null or ${t.approvedById} <> ${t.authorId}`),
  ],
);
