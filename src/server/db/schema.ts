/**
 * The database schema (Drizzle). Migrations in drizzle/ are generated from this file with `npm run db:generate`;
 * hand-written SQL (triggers) lives in custom migrations there too.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
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
import type { FormValues } from '../../core/applications/form';
import { ApplicationStatus } from '../../core/applications/workflow';
import { AcceptanceMethod, BaseKind, BaseLevel } from '../../core/programs/enums';
import {
  ConflictKind,
  ConflictStatus,
  ContactRole,
  DecisionForm,
  ExpertField,
  JurisdictionLevel,
  LedgerKind,
  ProgrammeStatus,
  RevocationGround,
  Role,
  UnitKind,
} from '../../shared/enums';
import { RectificationOutcome, ReviewOutcome } from '../../shared/enums-oversight';
import { Availability, PersonLevel, type PersonRole, Profession } from '../../shared/enums-people';
import type { AttachmentRef } from '../../shared/schemas/ledger';
import { bytea, createdAt, updatedAt } from './columns';

export const jurisdictionLevel = pgEnum('jurisdiction_level', JurisdictionLevel.values);
export const unitKind = pgEnum('unit_kind', UnitKind.values);
export const role = pgEnum('role', Role.values);
export const contactRole = pgEnum('contact_role', ContactRole.values);

/** Administrative tree. `path` is the dotted chain of codes from the root, ending in a dot, for subtree queries. */
export const jurisdictions = pgTable(
  'jurisdictions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    level: jurisdictionLevel('level').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => jurisdictions.code),
    path: text('path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('jurisdictions_path_idx').on(t.path), index('jurisdictions_parent_idx').on(t.parentCode)],
);

export const units = pgTable(
  'units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: unitKind('kind').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    address: text('address').notNull(),
    postcode: text('postcode').notNull(),
    /** GB/T 4754-2017 division code, two digits. */
    industryCode: text('industry_code').notNull(),
    staffCount: integer('staff_count'),
    /** Annual output value in 万元 (10,000 CNY). */
    annualOutput: numeric('annual_output', { precision: 16, scale: 2, mode: 'number' }),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** The park an enterprise sits in, if any. */
    parkId: uuid('park_id').references((): AnyPgColumn => units.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_credit_code_idx').on(t.creditCode),
    index('units_jurisdiction_idx').on(t.jurisdictionCode),
    index('units_park_idx').on(t.parkId),
    // Filtering units by industry (issue 15: a province has tens of thousands).
    index('units_industry_idx').on(t.industryCode),
    // Name and credit-code searches by character bigrams (db/text-search.ts): GIN indexes on the generated columns
    // name_bigrams and credit_code_bigrams (migration 0034), which the schema leaves out so whole-unit selects skip them.
    index('units_name_bigrams_idx').using('gin', sql`"name_bigrams"`),
    index('units_credit_code_bigrams_idx').using('gin', sql`"credit_code_bigrams"`),
    // A subtree's unit ids from the index alone: an officer's applications, the to-do and late lists' semi-join
    // (migration 0030).
    index('units_jurisdiction_id_idx').on(t.jurisdictionCode, t.id),
  ],
);

/** Member units of an association or chamber (行业协会/商会). */
export const unitMembers = pgTable(
  'unit_members',
  {
    associationId: uuid('association_id')
      .notNull()
      .references(() => units.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => units.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.associationId, t.memberId] }), index('unit_members_member_idx').on(t.memberId)],
);

/** Liaison contacts (004 annex 6) and confidentiality officers of a unit. */
export const unitContacts = pgTable(
  'unit_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: contactRole('role').notNull(),
    name: text('name').notNull(),
    department: text('department'),
    position: text('position'),
    officePhone: text('office_phone'),
    mobile: text('mobile'),
    email: text('email'),
    remark: text('remark'),
    createdAt: createdAt(),
  },
  (t) => [index('unit_contacts_unit_idx').on(t.unitId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: role('role').notNull(),
    /** Applicants act for exactly one unit. */
    unitId: uuid('unit_id').references(() => units.id),
    /** Officers act for one jurisdiction and everything below it. */
    jurisdictionCode: text('jurisdiction_code').references(() => jurisdictions.code),
    phone: text('phone'),
    /** Where notifications are e-mailed when SMTP is configured. */
    email: text('email'),
    disabled: boolean('disabled').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_idx').on(t.username),
    check('users_applicant_has_unit', sql`${t.role} <> 'applicant' OR ${t.unitId} IS NOT NULL`),
    check('users_officer_has_jurisdiction', sql`${t.role} <> 'officer' OR ${t.jurisdictionCode} IS NOT NULL`),
  ],
);

/** Server-side sessions, so any app instance on the same database serves a logged-in user. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie token: a database leak does not leak usable sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Last request on this session, written at most once a minute (idle timeout, SESSION_IDLE_MINUTES). */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Login attempt counters shared by every instance: one row per key (`ip:…`, `user:…`, `global`) and fixed window.
 * Old windows are purged with expired sessions.
 */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/**
 * A user's TOTP second factor (RFC 6238). Kept out of `users` so that no query, list or export of users can carry
 * the secret. `confirmedAt` null: enrolment started, not yet active. `lastStep` refuses a code's replay.
 */
export const userSecondFactors = pgTable('user_second_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** The pending step of a two-step login: the password was right, the code is awaited. The id is a token's SHA-256. */
export const loginChallenges = pgTable(
  'login_challenges',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_challenges_expires_idx').on(t.expiresAt)],
);

/** Append-only audit trail; a trigger (custom migration) refuses UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Path of the jurisdiction the entity belongs to, so officers read the trail of their subtree only. */
    jurisdictionPath: text('jurisdiction_path'),
    /** The unit the entity belongs to, so an applicant could be shown its own unit's trail. */
    unitId: uuid('unit_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    /** Position in the hash chain, set by the database when the entry's transaction commits (migration 0014). */
    seq: bigint('seq', { mode: 'number' }),
    /** Hash of the entry at seq - 1 (64 zeros for the first). */
    prevHash: text('prev_hash'),
    /** SHA-256 over the entry's canonical form (see src/server/audit-chain.ts). */
    hash: text('hash'),
  },
  (t) => [
    uniqueIndex('audit_log_seq_idx').on(t.seq),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_path_idx').on(t.jurisdictionPath),
    // A bureau's entries (`jurisdiction_path LIKE 'prefix%'`): counted and paged from the index (migration 0030).
    index('audit_log_path_pattern_idx').on(t.jurisdictionPath.op('text_pattern_ops'), t.id),
    // … and a large bureau's pages newest first, in the ORDER BY's own order, from the index alone.
    index('audit_log_id_path_idx').on(t.id, t.jurisdictionPath),
  ],
);

/** The audit chain's newest position and hash: one row, locked by every append (migration 0014). */
export const auditChainHead = pgTable(
  'audit_chain_head',
  {
    id: boolean('id').primaryKey().default(true),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [check('audit_chain_head_id_check', sql`${t.id}`)],
);

/**
 * How many audit entries each jurisdiction path holds (a path-less entry under ''), kept by the chain's function as
 * it chains each entry at commit (migration 0032): a bureau's trail counts its entries by summing a few rows.
 */
export const auditPathCounts = pgTable('audit_path_counts', {
  jurisdictionPath: text('jurisdiction_path').primaryKey(),
  entries: bigint('entries', { mode: 'number' }).notNull(),
});

// ---------------------------------------------------------------------------------------------------------------
// Programmes, ledger and self-assessment (issue 3)

export const programmeStatus = pgEnum('programme_status', ProgrammeStatus.values);
export const ledgerKind = pgEnum('ledger_kind', LedgerKind.values);

/**
 * One version of one bureau's programme. `definition` is the validated programme document (src/core/programs);
 * a published row never changes again (a trigger refuses it), editing makes a new draft version.
 */
export const programmes = pgTable(
  'programmes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable identifier shared by all versions, e.g. "putuo-2022". */
    code: text('code').notNull(),
    version: integer('version').notNull(),
    status: programmeStatus('status').notNull().default('draft'),
    ownerJurisdictionCode: text('owner_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    definition: jsonb('definition').notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedById: uuid('published_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('programmes_code_version_idx').on(t.code, t.version),
    index('programmes_owner_idx').on(t.ownerJurisdictionCode),
  ],
);

/** Uploaded files, stored once per content (SHA-256) in the database so every app instance can serve them. */
export const attachments = pgTable('attachments', {
  sha256: text('sha256').primaryKey(),
  size: integer('size').notNull(),
  mimeType: text('mime_type').notNull(),
  content: bytea('content').notNull(),
  createdAt: createdAt(),
});

/**
 * Who uploaded a stored file and may therefore cite it in a record: `unit:<id>` (an applicant unit's accounts share
 * their uploads), `user:<id>` (an officer, expert or admin), `notice:<id>` (the public, through one publicity
 * notice's objection upload). Content is stored once; each uploader gets its own row, so knowing a file's SHA-256
 * is not enough to cite — and then download — somebody else's file.
 */
export const attachmentHolders = pgTable(
  'attachment_holders',
  {
    sha256: text('sha256')
      .notNull()
      .references(() => attachments.sha256),
    holder: text('holder').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.holder] })],
);

/** A guide (指导员): an officer assigned to coach a unit. */
export const guideAssignments = pgTable(
  'guide_assignments',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    guideId: uuid('guide_id')
      .notNull()
      .references(() => users.id),
    assignedById: uuid('assigned_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.guideId] }), index('guide_assignments_guide_idx').on(t.guideId)],
);

/** A dated ledger (台账) record of a unit: training, guidance visit, publicity, survey, risk assessment … */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: ledgerKind('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** Number of people (or firms) taking part. */
    participants: integer('participants'),
    /** Share of staff or member firms reached, 0–100. */
    reachPercent: numeric('reach_percent', { precision: 5, scale: 2, mode: 'number' }),
    /** Number of firms covered (park/association activities). */
    firmsCovered: integer('firms_covered'),
    /** For guidance visits: the assigned guide who made it. */
    guideId: uuid('guide_id').references(() => users.id),
    /** Kind-specific extra fields. */
    details: jsonb('details').notNull().default({}),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('ledger_entries_unit_idx').on(t.unitId, t.occurredOn), index('ledger_entries_kind_idx').on(t.kind)],
);

export const ledgerAttachments = pgTable(
  'ledger_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    sha256: text('sha256')
      .notNull()
      .references(() => attachments.sha256),
    fileName: text('file_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('ledger_attachments_entry_idx').on(t.entryId)],
);

/** An applicant's draft self-assessment against one programme version and kind of base. */
export const selfAssessments = pgTable(
  'self_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    baseKind: text('base_kind').notNull(),
    answers: jsonb('answers').notNull().default({}),
    /** Practice (练习): started when the programme's window was closed; never turned into an application. */
    practice: boolean('practice').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('self_assessments_unit_idx').on(t.unitId)],
);

// ---------------------------------------------------------------------------------------------------------------
// Evidence preservation log (issue 5). Every table below is append-only (triggers in a custom migration).

/** A firm's submission: the digest of a file it keeps to itself, and the leaf entry that commits to it. */
export const evidenceSubmissions = pgTable(
  'evidence_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    algorithm: text('algorithm').notNull(),
    /** Lower-case hex digest of the firm's file. */
    digest: text('digest').notNull(),
    label: text('label').notNull(),
    /** Random salt of the metadata commitment; given to the firm in its bundle, never in the log. */
    salt: bytea('salt').notNull(),
    /** The metadata the entry's salted commitment covers (unit name, credit code, label …). */
    metadata: jsonb('metadata').notNull(),
    /** The exact leaf entry bytes hashed into the log. */
    entry: bytea('entry').notNull(),
    submittedById: uuid('submitted_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('evidence_submissions_unit_digest_idx').on(t.unitId, t.algorithm, t.digest),
    index('evidence_submissions_created_idx').on(t.createdAt),
  ],
);

/** Submissions waiting for the sequencer; a row leaves the queue in the transaction that gives it a leaf. */
export const evidenceQueue = pgTable('evidence_queue', {
  submissionId: uuid('submission_id')
    .primaryKey()
    .references(() => evidenceSubmissions.id),
  createdAt: createdAt(),
});

/** Leaf positions, assigned once by the sequencer. */
export const evidenceLeaves = pgTable(
  'evidence_leaves',
  {
    leafIndex: bigint('leaf_index', { mode: 'number' }).primaryKey(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => evidenceSubmissions.id),
    leafHash: bytea('leaf_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('evidence_leaves_submission_idx').on(t.submissionId)],
);

/** The tree's stored hashes in the append-only numbering of Go's sumdb/tlog (src/core/evidence/merkle.ts). */
export const evidenceHashes = pgTable('evidence_hashes', {
  storedIndex: bigint('stored_index', { mode: 'number' }).primaryKey(),
  hash: bytea('hash').notNull(),
});

/** Signed checkpoints (C2SP tlog-checkpoint in a signed note), each with an RFC 3161 token. */
export const evidenceCheckpoints = pgTable('evidence_checkpoints', {
  treeSize: bigint('tree_size', { mode: 'number' }).primaryKey(),
  rootHash: bytea('root_hash').notNull(),
  signedNote: text('signed_note').notNull(),
  /** DER TimeStampResp over SHA-256 of the signed note. */
  timestampToken: bytea('timestamp_token').notNull(),
  timestampTime: timestamp('timestamp_time', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

// --- The application lifecycle (issue 4) ------------------------------------------------------------------------

export const applicationStatus = pgEnum('application_status', ApplicationStatus.values);
export const expertField = pgEnum('expert_field', ExpertField.values);
export const profession = pgEnum('profession', Profession.values);
export const personLevel = pgEnum('person_level', PersonLevel.values);
export const availability = pgEnum('availability', Availability.values);
export const conflictKind = pgEnum('conflict_kind', ConflictKind.values);
export const conflictStatus = pgEnum('conflict_status', ConflictStatus.values);
export const acceptanceMethod = pgEnum('acceptance_method', AcceptanceMethod.values);
export const baseCategory = pgEnum('base_category', BaseKind.values);
export const baseLevel = pgEnum('base_level', BaseLevel.values);
export const decisionForm = pgEnum('decision_form', DecisionForm.values);
export const revocationGround = pgEnum('revocation_ground', RevocationGround.values);

/** Statuses after which a unit may apply again for the same programme and kind (see ENDED_STATUSES). */
const ENDED_SQL = sql`status NOT IN ('withdrawn', 'district_not_recommended', 'acceptance_failed', 'not_approved', 'revoked')`;

/** One unit's application for one kind of base under one programme version. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /**
     * The unit's current jurisdiction, for deciding an officer's applications on the application alone (migration
     * 0032): the database sets it from the unit on every write and rewrites it when the unit moves; never set it.
     */
    unitJurisdictionCode: text('unit_jurisdiction_code').notNull().default(''),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    /** The programme's kind id ("point", "zone" …). */
    kindId: text('kind_id').notNull(),
    selfAssessmentId: uuid('self_assessment_id').references(() => selfAssessments.id),
    status: applicationStatus('status').notNull().default('draft'),
    /** Values of the programme's form for the kind, by field key. */
    formData: jsonb('form_data').$type<FormValues>().notNull().default({}),
    /** 商业秘密保护工作开展情况. */
    narrative: text('narrative').notNull().default(''),
    applicantOpinion: text('applicant_opinion').notNull().default(''),
    /** Rubric answers with evidence, taken from the self-assessment and kept with the application. */
    answers: jsonb('answers').notNull().default({}),
    attachments: jsonb('attachments').$type<AttachmentRef[]>().notNull().default([]),
    /** District review: the reviewer's answers against the rubric, its total, and the recommendation opinion. */
    districtAnswers: jsonb('district_answers'),
    districtScore: numeric('district_score', { precision: 7, scale: 2, mode: 'number' }),
    districtOpinion: text('district_opinion'),
    /** What an officer asked for when returning the application. */
    returnReason: text('return_reason'),
    /** The panel's comprehensive opinion (综合验收意见). */
    acceptanceOpinion: text('acceptance_opinion'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('applications_unit_idx').on(t.unitId),
    index('applications_programme_idx').on(t.programmeId, t.kindId, t.status),
    // Lists filtered by status or programme, newest change first: read in index order, stopping at the page (a
    // province's list by status went from a scan and sort of every application, 36 ms, to 0.4 ms).
    index('applications_status_updated_idx').on(t.status, t.updatedAt.desc().nullsFirst(), t.id),
    index('applications_programme_updated_idx').on(t.programmeId, t.updatedAt.desc().nullsFirst(), t.id),
    // Roll-ups read it instead of the table (migration 0033): the targets' applications under way, the late list.
    index('applications_status_rollup_idx').on(t.status, t.programmeId, t.unitId, t.kindId, t.updatedAt, t.id),
    // An officer's lists count a status's or a programme's visible applications from these alone (migration 0032).
    index('applications_status_visibility_idx').on(t.status, t.unitJurisdictionCode, t.programmeId),
    index('applications_programme_visibility_idx').on(t.programmeId, t.status, t.unitJurisdictionCode),
    // The database itself keeps a unit to one live application per programme and kind, so two racing submits
    // cannot both create one.
    uniqueIndex('applications_one_active_idx').on(t.unitId, t.programmeId, t.kindId).where(ENDED_SQL),
  ],
);

/** The application's history as its people see it (the audit log keeps the same with before/after). */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    action: text('action').notNull(),
    fromStatus: applicationStatus('from_status'),
    toStatus: applicationStatus('to_status').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    actorName: text('actor_name'),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The business date the action was taken on (what the papers print); null for events recorded before 0018. */
    businessDate: date('business_date', { mode: 'string' }),
  },
  (t) => [index('application_events_application_idx').on(t.applicationId, t.at)],
);

/** The expert registry (专家库). An expert may have a login (role expert) to see and score its assignments. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    affiliation: text('affiliation').notNull(),
    field: expertField('field').notNull(),
    /** GB/T 4754 division codes the expert knows. */
    industries: jsonb('industries').notNull().default([]),
    phone: text('phone'),
    email: text('email'),
    /** Former employers and other ties, free text, shown when assigning. */
    background: text('background'),
    /** The bureau whose registry holds the expert (officers of its subtree may assign it). */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    active: boolean('active').notNull().default(true),
    // The register of people (issue 13, migration 0021): the registry's experts are its first use.
    /** What the person is used for (PersonRole), one or more; rows before 0021 became acceptance experts. */
    roles: jsonb('roles').$type<PersonRole[]>().notNull().default(['acceptance_expert']),
    profession: profession('profession'),
    /** All fields (ExpertField) the person covers; `field` stays the main one and is always among them. */
    fields: jsonb('fields').$type<ExpertField[]>().notNull().default([]),
    /** Codes of bureaus' own industry lists (src/shared/data/bureau-industries.ts), beside the GB/T `industries`. */
    localIndustries: jsonb('local_industries').$type<string[]>().notNull().default([]),
    level: personLevel('level'),
    availability: availability('availability').notNull().default('available'),
    availabilityNote: text('availability_note'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('experts_user_idx').on(t.userId), index('experts_jurisdiction_idx').on(t.jurisdictionCode)],
);

/** A conflict of interest between an expert and a unit, declared by someone and decided by an officer. */
export const expertConflicts = pgTable(
  'expert_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: conflictKind('kind').notNull(),
    status: conflictStatus('status').notNull().default('declared'),
    note: text('note'),
    declaredById: uuid('declared_by_id').references(() => users.id),
    decidedById: uuid('decided_by_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('expert_conflicts_pair_idx').on(t.expertId, t.unitId)],
);

/** An expert on the acceptance panel of an application; a recusal keeps the row and voids its scores. */
export const panelAssignments = pgTable(
  'panel_assignments',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    assignedById: uuid('assigned_by_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    /** The expert's scoring sheet: rubric answers (score or met per node) with a comment each. */
    answers: jsonb('answers'),
    comment: text('comment'),
    scoredAt: timestamp('scored_at', { withTimezone: true }),
    recusedAt: timestamp('recused_at', { withTimezone: true }),
    recusalReason: text('recusal_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.expertId] }), index('panel_assignments_expert_idx').on(t.expertId)],
);

/** How an application was checked: written pre-review, spot check, panel meeting, site visit (date, people, findings). */
export const acceptanceActivities = pgTable(
  'acceptance_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    method: acceptanceMethod('method').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    people: text('people').notNull(),
    findings: text('findings').notNull(),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('acceptance_activities_application_idx').on(t.applicationId)],
);

/** A publicity notice (公示) of a proposed list, open for objections for a number of working days. */
export const publicityNotices = pgTable(
  'publicity_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    workingDays: integer('working_days').notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('publicity_notices_programme_idx').on(t.programmeId)],
);

export const publicityEntries = pgTable(
  'publicity_entries',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicityNotices.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
  },
  (t) => [
    primaryKey({ columns: [t.noticeId, t.applicationId] }),
    // An application's publicity periods (the late list, migration 0033).
    index('publicity_entries_application_idx').on(t.applicationId),
  ],
);

/** An objection filed by anyone during publicity; resolved by an officer with a written result. */
export const objections = pgTable(
  'objections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => publicityNotices.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    reasons: text('reasons').notNull(),
    /** The short code on the objector's receipt (core/applications/receipt-code.ts), to follow it publicly. */
    receiptCode: text('receipt_code').notNull(),
    attachments: jsonb('attachments').notNull().default([]),
    resolution: text('resolution'),
    /** Whether the objection was upheld (the application then fails publicity). */
    upheld: boolean('upheld'),
    resolvedById: uuid('resolved_by_id').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('objections_application_idx').on(t.applicationId),
    uniqueIndex('objections_receipt_code_idx').on(t.receiptCode),
  ],
);

/** A certified demonstration base: the public registry. */
export const bases = pgTable(
  'bases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    kindId: text('kind_id').notNull(),
    /** The programme's name of the kind at certification, e.g. "区级商业秘密保护示范点". */
    title: text('title').notNull(),
    category: baseCategory('category').notNull(),
    level: baseLevel('level').notNull(),
    /** The unit's jurisdiction at certification. */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    industryCode: text('industry_code').notNull(),
    year: integer('year').notNull(),
    certificateNo: text('certificate_no').notNull(),
    decisionForm: decisionForm('decision_form').notNull(),
    decisionNumber: text('decision_number'),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    plaqueText: text('plaque_text').notNull(),
    revokedOn: date('revoked_on', { mode: 'string' }),
    revocationGround: revocationGround('revocation_ground'),
    revocationDocument: text('revocation_document'),
    revocationNote: text('revocation_note'),
    /**
     * The unit's current name, for the registry's name search on bases alone (migration 0032): the database sets it
     * from the unit on every write of a base and rewrites it when the unit is renamed (triggers); never set it.
     */
    unitName: text('unit_name').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('bases_certificate_no_idx').on(t.certificateNo),
    uniqueIndex('bases_application_idx').on(t.applicationId),
    index('bases_unit_idx').on(t.unitId),
    index('bases_jurisdiction_idx').on(t.jurisdictionCode),
    // The registry's order (newest decision first): a page read in index order, not 10,000 bases sorted.
    index('bases_decided_idx').on(t.decidedOn.desc().nullsFirst(), t.certificateNo),
    // Targets and the picture count a subtree's bases by kind, level and dates from the index alone (migration 0031).
    index('bases_rollup_idx').on(t.jurisdictionCode, t.category, t.level, t.decidedOn, t.revokedOn),
    // The registry (migration 0032): by unit name, on bases alone (their stored bigrams, migration 0034); a subtree's bases in the registry's order per
    // jurisdiction (the migration also INCLUDEs level, category, industry_code, year, revoked_on: the other filters).
    index('bases_unit_name_bigrams_idx').using('gin', sql`"unit_name_bigrams"`),
    index('bases_jurisdiction_decided_idx').on(t.jurisdictionCode, t.decidedOn.desc().nullsFirst(), t.certificateNo),
  ],
);

/** Yearly review of a base (动态管理). */
export const annualReviews = pgTable(
  'annual_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    baseId: uuid('base_id')
      .notNull()
      .references(() => bases.id),
    year: integer('year').notNull(),
    /** pass, rectify (整改 by `rectifyBy`) or revoke (the revocation itself is on the base, with ground and document). */
    outcome: text('outcome', { enum: ReviewOutcome.values }).notNull(),
    findings: text('findings').notNull(),
    /** The programme's maintenance conditions as judged at the review: computed ones with their figures. */
    conditions: jsonb('conditions').$type<ReviewedCondition[]>().notNull().default([]),
    /** The business date the review was recorded on (deadlines and follow-ups are judged against it). */
    reviewedOn: date('reviewed_on').notNull(),
    rectifyBy: date('rectify_by'),
    /** The follow-up of a rectification: when and how it was judged. */
    rectificationOutcome: text('rectification_outcome', { enum: RectificationOutcome.values }),
    rectificationFindings: text('rectification_findings'),
    rectifiedOn: date('rectified_on'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('annual_reviews_base_year_idx').on(t.baseId, t.year)],
);

/** One maintenance condition as an annual review judged it (stored with the review, so it reads as it was). */
export interface ReviewedCondition {
  id: string;
  text: string;
  status: 'met' | 'not_met' | 'unknown';
  /** true: decided by the platform from its data; false: judged by the reviewing officer. */
  computed: boolean;
  /** The figures or the shortfall, in Chinese (e.g. "近12个月培训 1 次，要求不少于 2 次"). */
  detail?: string;
}

/** In-app notifications (e-mailed too when SMTP is configured). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** Where in the app the notification leads, e.g. "/applications/…". */
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    /** E-mail delivery (src/server/notifications/mailer.ts): sent, or attempts and the last error. */
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    emailAttempts: integer('email_attempts').notNull().default(0),
    emailError: text('email_error'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unsent_idx').on(t.createdAt).where(sql`emailed_at IS NULL`),
  ],
);

/** Administrators' corrections of the official calendar (a holiday announced late, a local day off). */
export const calendarOverrides = pgTable('calendar_overrides', {
  date: date('date', { mode: 'string' }).primaryKey(),
  workday: boolean('workday').notNull(),
  note: text('note'),
  updatedById: uuid('updated_by_id').references(() => users.id),
  updatedAt: updatedAt(),
});

/**
 * Idempotency keys of create requests (src/server/idempotency.ts). The row is inserted in the transaction of the
 * create itself (through the audit write), so a committed create always leaves its key behind; the answer is
 * stored when it is sent, and a retry with the same key replays it. Rows expire and are purged.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Whose key: `user:<id>` for a session, `anonymous` for public creates (the fingerprint then binds the body). */
    scope: text('scope').notNull(),
    /** Method and route pattern, e.g. `POST /api/v1/ledger`. */
    route: text('route').notNull(),
    key: text('key').notNull(),
    /** Random per request: tells a second transaction of the same request from a concurrent request. */
    owner: text('owner').notNull(),
    /** SHA-256 of the request's path parameters, query and body (canonical JSON). */
    fingerprint: text('fingerprint').notNull(),
    /** The record the create audited, known even when the answer was never stored. */
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    responseStatus: integer('response_status'),
    responseType: text('response_type'),
    responseBody: text('response_body'),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.route, t.key] }), index('idempotency_keys_expires_idx').on(t.expiresAt)],
);

export * from './schema-assessment';
export * from './schema-oversight';
export * from './schema-people';
export * from './schema-rights';
export * from './schema-rights-cases';
export * from './schema-services';
export * from './schema-trainings';
