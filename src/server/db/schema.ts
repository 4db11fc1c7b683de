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
  customType,
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
import { ContactRole, JurisdictionLevel, LedgerKind, ProgrammeStatus, Role, UnitKind } from '../../shared/enums';

export const jurisdictionLevel = pgEnum('jurisdiction_level', JurisdictionLevel.values);
export const unitKind = pgEnum('unit_kind', UnitKind.values);
export const role = pgEnum('role', Role.values);
export const contactRole = pgEnum('contact_role', ContactRole.values);

/** PostgreSQL bytea as a Node Buffer (drizzle has no built-in bytea column). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

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
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
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
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_path_idx').on(t.jurisdictionPath),
  ],
);

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
