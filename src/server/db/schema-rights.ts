/**
 * Rights protection (维权受理、线索与案件, issue 12): one record per clue from intake to close — after 立案 the same
 * record is the administrative case. Every table carries the `rights_` prefix. History, messages and internal notes
 * are append-only (triggers in migration 0019, listed in APPEND_ONLY_TABLES).
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  RightsCivilGuidance,
  RightsDuplicateMatch,
  RightsDuplicateStatus,
  type RightsEventKind,
  RightsMessageAuthor,
  RightsPartyKind,
  RightsPoliceDecision,
  RightsReferralOrigin,
  RightsRequestedRoute,
  RightsRoute,
  RightsSource,
  RightsStatus,
  RightsUrgency,
} from '../../shared/enums-rights';
import type { AttachmentRef } from '../../shared/schemas/ledger';
import { createdAt } from './columns';
import { evidenceSubmissions, jurisdictions, units, users } from './schema';

export const rightsSource = pgEnum('rights_source', RightsSource.values);
export const rightsReferralOrigin = pgEnum('rights_referral_origin', RightsReferralOrigin.values);
export const rightsStatus = pgEnum('rights_status', RightsStatus.values);
export const rightsRoute = pgEnum('rights_route', RightsRoute.values);
export const rightsRequestedRoute = pgEnum('rights_requested_route', RightsRequestedRoute.values);
export const rightsCivilGuidance = pgEnum('rights_civil_guidance', RightsCivilGuidance.values);
export const rightsUrgency = pgEnum('rights_urgency', RightsUrgency.values);
export const rightsPartyKind = pgEnum('rights_party_kind', RightsPartyKind.values);
export const rightsPoliceDecision = pgEnum('rights_police_decision', RightsPoliceDecision.values);
export const rightsDuplicateMatch = pgEnum('rights_duplicate_match', RightsDuplicateMatch.values);
export const rightsDuplicateStatus = pgEnum('rights_duplicate_status', RightsDuplicateStatus.values);
export const rightsMessageAuthor = pgEnum('rights_message_author', RightsMessageAuthor.values);

/**
 * A rights centre (维权中心): a zone (usually a demonstration zone's jurisdiction) that takes intake on behalf of the
 * firms in it and routes each clue to the competent bureau. Its officers record intake; the clue's competent
 * jurisdiction is `routesToCode` unless the intake names another one in the centre's parent subtree.
 */
export const rightsCentres = pgTable(
  'rights_centres',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The zone designated as a centre (its officers act for the centre). */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    name: text('name').notNull(),
    /** The bureau the centre routes its intake to by default. */
    routesToCode: text('routes_to_code')
      .notNull()
      .references(() => jurisdictions.code),
    active: boolean('active').notNull().default(true),
    designatedById: uuid('designated_by_id').references(() => users.id),
    designatedOn: date('designated_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('rights_centres_jurisdiction_idx').on(t.jurisdictionCode)],
);

/**
 * The clue (维权线索) and, after 立案, the case. Content fields (facts, secrets, leak, measures, amounts, parties,
 * files, messages) are confidential: only handlers, the supervising bureaus above the competent one and the reporter
 * read them (policies in src/server/domain/rights/rights-access.ts); others in scope see the metadata only.
 */
export const rightsClues = pgTable(
  'rights_clues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Human number shown to users, e.g. WQ2026-000123 (unique). */
    clueNo: text('clue_no').notNull(),
    /** The competent bureau and its path (subtree scope: the city sees every clue below it). */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    jurisdictionPath: text('jurisdiction_path').notNull(),
    /** Intake through a rights centre (null: reported to the bureau directly). */
    centreId: uuid('centre_id').references(() => rightsCentres.id),
    source: rightsSource('source').notNull(),
    referralOrigin: rightsReferralOrigin('referral_origin'),
    /** The referring department's name and letter number (移送函号), for referrals in. */
    referralOrgan: text('referral_organ'),
    referralDocument: text('referral_document'),
    /** Source `unit`: the reporting unit; its applicant accounts follow the clue. */
    reporterUnitId: uuid('reporter_unit_id').references(() => units.id),
    /** Who recorded the clue (an applicant for source `unit`, an officer for inspection/referral/centre intake). */
    recordedById: uuid('recorded_by_id').references(() => users.id),
    /** Source `public`: the receipt code (unique) and the SHA-256 of the secret the reporter follows it with. */
    receiptCode: text('receipt_code'),
    secretHash: text('secret_hash'),
    /** How to reach the reporter (optional for the public; never shown outside the content view). */
    reporterContact: text('reporter_contact'),
    /** The right holder: a registered unit, or a name and credit code. */
    holderUnitId: uuid('holder_unit_id').references(() => units.id),
    holderName: text('holder_name').notNull(),
    holderCreditCode: text('holder_credit_code'),
    /** normaliseName(holderName), for duplicate detection. */
    holderNameKey: text('holder_name_key').notNull(),
    /** The holder's industry (GB/T 4754 code) when known, for statistics. */
    industryCode: text('industry_code'),
    /** RightsSecretKind values. */
    secretKinds: jsonb('secret_kinds').$type<string[]>().notNull(),
    secretDescription: text('secret_description').notNull(),
    /** RightsLeakChannel values and free text. */
    leakChannels: jsonb('leak_channels').$type<string[]>().notNull(),
    leakDescription: text('leak_description'),
    /** RightsProtectionMeasure values and free text. */
    protectionMeasures: jsonb('protection_measures').$type<string[]>().notNull(),
    protectionDescription: text('protection_description'),
    /** The facts of the infringement as reported. */
    facts: text('facts').notNull(),
    /** Estimated loss and illicit gain in whole yuan (null: unknown). */
    estimatedLossYuan: bigint('estimated_loss_yuan', { mode: 'number' }),
    illicitGainYuan: bigint('illicit_gain_yuan', { mode: 'number' }),
    urgency: rightsUrgency('urgency').notNull().default('normal'),
    requestedRoute: rightsRequestedRoute('requested_route').notNull().default('undecided'),
    /** Files (the existing attachment mechanism). */
    attachments: jsonb('attachments').$type<AttachmentRef[]>().notNull().default([]),
    status: rightsStatus('status').notNull().default('received'),
    /** The decided route (null until triage; null too for not_accepted and transferred_bureau). */
    route: rightsRoute('route'),
    /** Reason of the triage shown to the reporter (required for not_accepted). */
    decisionReason: text('decision_reason'),
    civilGuidance: rightsCivilGuidance('civil_guidance'),
    /** Transferred to another bureau (指定管辖): from which jurisdiction, and the city's designation document. */
    transferredFromCode: text('transferred_from_code').references(() => jurisdictions.code),
    designationDocument: text('designation_document'),
    /** Criminal route (Decree 310): written report → approval (3 days) → sent (24 h) → police receipt → decision. */
    transferReportedAt: timestamp('transfer_reported_at', { withTimezone: true }),
    transferApprovedAt: timestamp('transfer_approved_at', { withTimezone: true }),
    /** The business date of the approval: the 3-day decision clock counts business dates, not the wall clock. */
    transferApprovedOn: date('transfer_approved_on', { mode: 'string' }),
    transferApprovedById: uuid('transfer_approved_by_id').references(() => users.id),
    transferSentAt: timestamp('transfer_sent_at', { withTimezone: true }),
    policeAgency: text('police_agency'),
    policeReceivedOn: date('police_received_on', { mode: 'string' }),
    policeDecision: rightsPoliceDecision('police_decision'),
    policeDecisionOn: date('police_decision_on', { mode: 'string' }),
    policeDecisionNote: text('police_decision_note'),
    /** Dates (business dates): received, triage decided, case opened (立案), closed. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    decisionDeadline: date('decision_deadline', { mode: 'string' }).notNull(),
    /** Extension of the decision clock: requested (reason), approved (by a second officer), how many days. */
    extensionRequestedAt: timestamp('extension_requested_at', { withTimezone: true }),
    extensionReason: text('extension_reason'),
    extensionApprovedById: uuid('extension_approved_by_id').references(() => users.id),
    extensionDays: integer('extension_days').notNull().default(0),
    decidedOn: date('decided_on', { mode: 'string' }),
    decidedById: uuid('decided_by_id').references(() => users.id),
    openedOn: date('opened_on', { mode: 'string' }),
    /** The case-closing deadline (rights-cases computes and extends it; clock `close_case`). */
    caseDeadline: date('case_deadline', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    /** Merged into another clue (status merged). */
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rights_clues_no_idx').on(t.clueNo),
    uniqueIndex('rights_clues_receipt_idx').on(t.receiptCode),
    index('rights_clues_path_idx').on(t.jurisdictionPath, t.status),
    index('rights_clues_reporter_unit_idx').on(t.reporterUnitId),
    index('rights_clues_holder_code_idx').on(t.holderCreditCode),
    index('rights_clues_holder_key_idx').on(t.holderNameKey),
    check(
      'rights_clues_public_secret',
      sql`${t.source} <> 'public' OR (${t.receiptCode} IS NOT NULL AND ${t.secretHash} IS NOT NULL)`,
    ),
    check(
      'rights_clues_amounts',
      sql`coalesce(${t.estimatedLossYuan}, 0) >= 0 AND coalesce(${t.illicitGainYuan}, 0) >= 0`,
    ),
  ],
);

/** Suspected infringers (被举报方), one or many per clue. */
export const rightsClueParties = pgTable(
  'rights_clue_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    position: integer('position').notNull(),
    kind: rightsPartyKind('kind').notNull(),
    name: text('name').notNull(),
    /** GB 32100 credit code (units; checked with src/core/credit-code.ts). */
    creditCode: text('credit_code'),
    /** normaliseName(name): duplicates are found by credit code or by this key. */
    nameKey: text('name_key').notNull(),
    /** Relation to the holder, e.g. 前员工、合作方. */
    relation: text('relation'),
  },
  (t) => [
    uniqueIndex('rights_clue_parties_position_idx').on(t.clueId, t.position),
    index('rights_clue_parties_code_idx').on(t.creditCode),
    index('rights_clue_parties_key_idx').on(t.nameKey),
  ],
);

/** Assigned handlers (承办人): officers of the competent bureau who read and act on the clue's content. */
export const rightsClueHandlers = pgTable(
  'rights_clue_handlers',
  {
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedById: uuid('assigned_by_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clueId, t.userId] }), index('rights_clue_handlers_user_idx').on(t.userId)],
);

/** Append-only history. `reporterVisible` events are shown to the reporter (never internal details). */
export const rightsClueEvents = pgTable(
  'rights_clue_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    /** RightsEventKind (text, so a module adds kinds without a migration). */
    kind: text('kind').$type<RightsEventKind>().notNull(),
    fromStatus: rightsStatus('from_status'),
    toStatus: rightsStatus('to_status'),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    /** Text shown with the event (for reporter-visible events: what the reporter may read). */
    comment: text('comment'),
    data: jsonb('data'),
    reporterVisible: boolean('reporter_visible').notNull().default(false),
    businessDate: date('business_date', { mode: 'string' }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_clue_events_clue_idx').on(t.clueId, t.id)],
);

/** Messages between the reporter and the handlers (append-only). */
export const rightsClueMessages = pgTable(
  'rights_clue_messages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    author: rightsMessageAuthor('author').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    attachments: jsonb('attachments').$type<AttachmentRef[]>().notNull().default([]),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_clue_messages_clue_idx').on(t.clueId, t.id)],
);

/** Internal notes of the handlers and supervisors (append-only; never shown to reporters). */
export const rightsClueNotes = pgTable(
  'rights_clue_notes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorName: text('author_name').notNull(),
    body: text('body').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rights_clue_notes_clue_idx').on(t.clueId, t.id)],
);

/** The holder's own evidence-log certificates cited by a clue, verified when linked. */
export const rightsClueEvidence = pgTable(
  'rights_clue_evidence',
  {
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => evidenceSubmissions.id),
    /** The verification result when linked: sealed leaf index, checkpoint time, label, digest. */
    verification: jsonb('verification').notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }).notNull().defaultNow(),
    linkedById: uuid('linked_by_id').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.clueId, t.submissionId] })],
);

/**
 * A possible duplicate: clue `clueId` (the newer) names an infringer or holder that open clue `otherClueId` names
 * too. Flagged to both handlers and the city; decided by link, merge or dismiss.
 */
export const rightsDuplicates = pgTable(
  'rights_duplicates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    otherClueId: uuid('other_clue_id')
      .notNull()
      .references(() => rightsClues.id),
    match: rightsDuplicateMatch('match').notNull(),
    /** The matched name or credit code. */
    matchValue: text('match_value').notNull(),
    status: rightsDuplicateStatus('status').notNull().default('open'),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('rights_duplicates_pair_idx').on(t.clueId, t.otherClueId, t.match),
    index('rights_duplicates_other_idx').on(t.otherClueId),
  ],
);

/**
 * The city's overrides of the module's rules (src/shared/data/rights-rules.ts): key = rule code
 * (`decide_acceptance`, `close_case`, `criminal_threshold` …), value = the fields overridden.
 */
export const rightsRules = pgTable('rights_rules', {
  code: text('code').primaryKey(),
  value: jsonb('value').notNull(),
  updatedById: uuid('updated_by_id').references(() => users.id),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Which overdue clocks were already notified (one notice per clue, clock and deadline). */
export const rightsOverdueNotices = pgTable(
  'rights_overdue_notices',
  {
    clueId: uuid('clue_id')
      .notNull()
      .references(() => rightsClues.id),
    clock: text('clock').notNull(),
    deadline: text('deadline').notNull(),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clueId, t.clock, t.deadline] })],
);
