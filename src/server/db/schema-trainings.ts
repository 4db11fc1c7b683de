/**
 * Trainings, the lecture series (商业秘密保护大讲堂), forums and case seminars: events with sessions and speakers, a
 * main venue and sub-venues hosted by bureaus, registrations with check-in, the ledger entry each attending unit
 * gets, feedback answers and materials.
 */
import { sql } from 'drizzle-orm';
import {
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
  TrainingAudience,
  TrainingKind,
  TrainingRegistrationKind,
  TrainingVenueRole,
} from '../../shared/enums-trainings';
import type { SurveyQuestion } from '../../shared/schemas/trainings';
import { createdAt } from './columns';
import { attachments, experts, jurisdictions, ledgerEntries, units, users } from './schema';

export const trainingKind = pgEnum('training_kind', TrainingKind.values);
export const trainingAudience = pgEnum('training_audience', TrainingAudience.values);
export const trainingVenueRole = pgEnum('training_venue_role', TrainingVenueRole.values);
export const trainingRegistrationKind = pgEnum('training_registration_kind', TrainingRegistrationKind.values);

/** An event owned by a bureau; officers of its jurisdiction (and above) manage it. */
export const trainingEvents = pgTable(
  'training_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: trainingKind('kind').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    ownerJurisdictionCode: text('owner_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    audience: trainingAudience('audience').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** The feedback survey's questions, copied from the standard survey at creation (src/shared/data). */
    survey: jsonb('survey').$type<SurveyQuestion[]>().notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_events_owner_idx').on(t.ownerJurisdictionCode),
    index('training_events_starts_idx').on(t.startsOn),
  ],
);

/** The agenda: one talk or panel each, with a speaker from the register of people or a named outside speaker. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    startsAt: text('starts_at'),
    /** A person of the register (experts), or null for an outside speaker named below. */
    speakerExpertId: uuid('speaker_expert_id').references(() => experts.id),
    speakerName: text('speaker_name'),
    speakerTitle: text('speaker_title'),
  },
  (t) => [index('training_sessions_event_idx').on(t.eventId, t.position)],
);

/** A venue of an event: the main venue or a sub-venue, hosted by a bureau, in a room or online. */
export const trainingVenues = pgTable(
  'training_venues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    role: trainingVenueRole('role').notNull(),
    name: text('name').notNull(),
    hostJurisdictionCode: text('host_jurisdiction_code')
      .notNull()
      .references(() => jurisdictions.code),
    capacity: integer('capacity').notNull(),
    address: text('address'),
    onlineUrl: text('online_url'),
    position: integer('position').notNull(),
  },
  (t) => [
    index('training_venues_event_idx').on(t.eventId),
    index('training_venues_host_idx').on(t.hostJurisdictionCode),
    check('training_venues_capacity_check', sql`${t.capacity} > 0`),
  ],
);

/** Files handed out at the event (slides, handbooks), cited from the uploads of the officer who attached them. */
export const trainingMaterials = pgTable(
  'training_materials',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    sha256: text('sha256')
      .notNull()
      .references(() => attachments.sha256),
    fileName: text('file_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.sha256] })],
);

/**
 * One attendee at one venue: registered by the unit beforehand (counted against the venue's capacity) or recorded
 * at the door by the host (walk-in, already checked in; possibly from a unit without an account). The QR code on the
 * unit's page carries the registration's id; the host opens it to check the attendee in.
 */
export const trainingRegistrations = pgTable(
  'training_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => trainingVenues.id),
    kind: trainingRegistrationKind('kind').notNull(),
    unitId: uuid('unit_id').references(() => units.id),
    /** The unit's name as registered: a walk-in from a unit not on the platform has only this. */
    unitName: text('unit_name').notNull(),
    attendeeName: text('attendee_name').notNull(),
    position: text('position'),
    mobile: text('mobile'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInById: uuid('checked_in_by_id').references(() => users.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdById: uuid('created_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('training_registrations_venue_idx').on(t.venueId),
    index('training_registrations_unit_idx').on(t.unitId),
    // One live registration per attendee of a unit and event, also under concurrent requests.
    uniqueIndex('training_registrations_attendee_idx')
      .on(t.eventId, t.unitName, t.attendeeName)
      .where(sql`${t.cancelledAt} IS NULL`),
  ],
);

/** The ledger entry (training) an attending unit got for an event: one per unit and event. */
export const trainingAttendance = pgTable(
  'training_attendance',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    ledgerEntryId: uuid('ledger_entry_id').references(() => ledgerEntries.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.unitId] })],
);

/** An attendee's answers to the event's feedback survey, once per registration. */
export const trainingFeedback = pgTable(
  'training_feedback',
  {
    registrationId: uuid('registration_id')
      .primaryKey()
      .references(() => trainingRegistrations.id),
    eventId: uuid('event_id')
      .notNull()
      .references(() => trainingEvents.id),
    answers: jsonb('answers').$type<Record<string, number | string>>().notNull(),
    submittedById: uuid('submitted_by_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('training_feedback_event_idx').on(t.eventId)],
);
