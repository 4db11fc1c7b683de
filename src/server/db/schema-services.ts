/**
 * Services and campaigns, the simulated attack service and the guides and rules library (issue 13). Service records,
 * campaign visits and conventions name registered units; each record that fits leaves an entry in the unit's ledger
 * (`ledger_entry_id`) so rubric metrics count it.
 */
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AttackStatus,
  CampaignKind,
  FindingSeverity,
  FindingStatus,
  GuideKind,
  GuideVisibility,
  PartnerKind,
  ServiceKind,
  ServiceProvider,
} from '../../shared/enums-services';
import { createdAt } from './columns';
import { attachments, jurisdictions, ledgerEntries, units, users } from './schema';

export const serviceKind = pgEnum('service_kind', ServiceKind.values);
export const serviceProvider = pgEnum('service_provider', ServiceProvider.values);
export const servicePartnerKind = pgEnum('service_partner_kind', PartnerKind.values);
export const serviceCampaignKind = pgEnum('service_campaign_kind', CampaignKind.values);
export const serviceAttackStatus = pgEnum('service_attack_status', AttackStatus.values);
export const serviceFindingSeverity = pgEnum('service_finding_severity', FindingSeverity.values);
export const serviceFindingStatus = pgEnum('service_finding_status', FindingStatus.values);
export const guideKind = pgEnum('guide_kind', GuideKind.values);
export const guideVisibility = pgEnum('guide_visibility', GuideVisibility.values);

/** Partner organisations (law firms, IP service bodies, forensic institutions …) registered by a bureau. */
export const servicePartners = pgTable(
  'service_partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kind: servicePartnerKind('kind').notNull(),
    /** The registering bureau's jurisdiction. */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** The partner's own registered unit, if it has one: that unit's accounts act for the partner. */
    unitId: uuid('unit_id').references(() => units.id),
    /** Accredited to run simulated network-attack assessments (001 (三)). */
    attackAccredited: boolean('attack_accredited').notNull().default(false),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('service_partners_name_idx').on(t.name), index('service_partners_unit_idx').on(t.unitId)],
);

/** One service rendered to a named unit by a bureau or a partner organisation. */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: serviceKind('kind').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    provider: serviceProvider('provider').notNull(),
    partnerId: uuid('partner_id').references(() => servicePartners.id),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** The entry this record left in the unit's ledger, if its kind feeds one. */
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    /**
     * Voided (作废) with a reason instead of deleted: the record stays as evidence of what was recorded and why it
     * no longer counts; its ledger entry is removed in the same transaction so metrics stop counting it.
     */
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedById: uuid('voided_by_id').references(() => users.id),
    voidReason: text('void_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('service_records_unit_idx').on(t.unitId, t.occurredOn)],
);

/** A "三进" campaign visit (进园区、进企业、进市场); a market may be no registered unit. */
export const serviceCampaignVisits = pgTable(
  'service_campaign_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: serviceCampaignKind('kind').notNull(),
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    unitId: uuid('unit_id').references(() => units.id),
    placeName: text('place_name').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    firmsReached: integer('firms_reached').notNull().default(0),
    participants: integer('participants'),
    summary: text('summary'),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('service_campaign_visits_jurisdiction_idx').on(t.jurisdictionCode, t.occurredOn)],
);

/** A self-discipline convention (自律公约) of an association, signed by member units. */
export const serviceConventions = pgTable(
  'service_conventions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    associationId: uuid('association_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    content: text('content'),
    recordedById: uuid('recorded_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('service_conventions_association_idx').on(t.associationId)],
);

export const serviceConventionSignatories = pgTable(
  'service_convention_signatories',
  {
    conventionId: uuid('convention_id')
      .notNull()
      .references(() => serviceConventions.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.conventionId, t.memberId] }), index('service_convention_member_idx').on(t.memberId)],
);

/**
 * A simulated network-attack assessment (001 (三)): requested by a firm from an accredited partner, scheduled by the
 * responsible officer, reported by the provider (a confidential file). The report is read only by the firm, the
 * provider's accounts and the responsible officer, and every read is audited.
 */
export const serviceAttackAssessments = pgTable(
  'service_attack_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => servicePartners.id),
    status: serviceAttackStatus('status').notNull().default('requested'),
    scope: text('scope').notNull(),
    requestedById: uuid('requested_by_id').references(() => users.id),
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    responsibleOfficerId: uuid('responsible_officer_id').references(() => users.id),
    scheduledOn: date('scheduled_on', { mode: 'string' }),
    reportSha256: text('report_sha256').references(() => attachments.sha256),
    reportFileName: text('report_file_name'),
    reportSummary: text('report_summary'),
    reportedOn: date('reported_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('service_attack_unit_idx').on(t.unitId), index('service_attack_partner_idx').on(t.partnerId)],
);

export const serviceAttackFindings = pgTable(
  'service_attack_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => serviceAttackAssessments.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    severity: serviceFindingSeverity('severity').notNull(),
    recommendation: text('recommendation'),
    status: serviceFindingStatus('status').notNull().default('open'),
    followUp: text('follow_up'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('service_attack_findings_assessment_idx').on(t.assessmentId, t.position)],
);

/** A document of the guides and rules library; its content lives in versions, the newest being current. */
export const guideDocuments = pgTable(
  'guide_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: guideKind('kind').notNull(),
    /** The publishing bureau's jurisdiction. */
    jurisdictionCode: text('jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    /** GB/T 4754 division code, or null for every industry. */
    industryCode: text('industry_code'),
    visibility: guideVisibility('visibility').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index('guide_documents_jurisdiction_idx').on(t.jurisdictionCode)],
);

/** A published version of a guide: never changed, a new version is a new row. */
export const guideVersions = pgTable(
  'guide_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => guideDocuments.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => attachments.sha256),
    fileName: text('file_name').notNull(),
    changeNote: text('change_note'),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedById: uuid('published_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('guide_versions_document_version_idx').on(t.documentId, t.version)],
);
