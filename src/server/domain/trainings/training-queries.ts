/**
 * Reads of the trainings module shared by its use cases. Every read returns the jurisdiction paths the policies
 * need (the owner's, each venue host's), so the caller authorises before showing anything.
 */
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import {
  experts,
  jurisdictions,
  trainingEvents,
  trainingFeedback,
  trainingMaterials,
  trainingRegistrations,
  trainingSessions,
  trainingVenues,
  units,
} from '../../db/schema';

export type TrainingEventRow = typeof trainingEvents.$inferSelect;

export async function findTrainingWithPath(db: Executor, id: string) {
  const [row] = await db
    .select({ event: trainingEvents, ownerPath: jurisdictions.path, ownerName: jurisdictions.name })
    .from(trainingEvents)
    .innerJoin(jurisdictions, eq(jurisdictions.code, trainingEvents.ownerJurisdictionCode))
    .where(eq(trainingEvents.id, id));
  return row ?? null;
}

export async function venuesOf(db: Executor, eventIds: string[]) {
  if (eventIds.length === 0) return [];
  const rows = await db
    .select({
      id: trainingVenues.id,
      eventId: trainingVenues.eventId,
      role: trainingVenues.role,
      name: trainingVenues.name,
      hostJurisdictionCode: trainingVenues.hostJurisdictionCode,
      hostName: jurisdictions.name,
      hostPath: jurisdictions.path,
      capacity: trainingVenues.capacity,
      address: trainingVenues.address,
      onlineUrl: trainingVenues.onlineUrl,
      position: trainingVenues.position,
    })
    .from(trainingVenues)
    .innerJoin(jurisdictions, eq(jurisdictions.code, trainingVenues.hostJurisdictionCode))
    .where(inArray(trainingVenues.eventId, eventIds))
    .orderBy(asc(trainingVenues.position));
  const counts = await db
    .select({
      venueId: trainingRegistrations.venueId,
      registered: count(),
      checkedIn: count(trainingRegistrations.checkedInAt),
    })
    .from(trainingRegistrations)
    .where(and(inArray(trainingRegistrations.eventId, eventIds), isNull(trainingRegistrations.cancelledAt)))
    .groupBy(trainingRegistrations.venueId);
  const byVenue = new Map(counts.map((c) => [c.venueId, c]));
  return rows.map((v) => ({
    ...v,
    registered: Number(byVenue.get(v.id)?.registered ?? 0),
    checkedIn: Number(byVenue.get(v.id)?.checkedIn ?? 0),
  }));
}

export type VenueRow = Awaited<ReturnType<typeof venuesOf>>[number];

/** The event with its agenda, venues (with their attendance counts) and materials. */
export async function loadTrainingDetail(db: Executor, id: string) {
  const found = await findTrainingWithPath(db, id);
  if (!found) return null;
  const sessions = await db
    .select({
      id: trainingSessions.id,
      title: trainingSessions.title,
      startsAt: trainingSessions.startsAt,
      speakerExpertId: trainingSessions.speakerExpertId,
      speakerName: trainingSessions.speakerName,
      speakerTitle: trainingSessions.speakerTitle,
      expertName: experts.name,
      expertAffiliation: experts.affiliation,
    })
    .from(trainingSessions)
    .leftJoin(experts, eq(experts.id, trainingSessions.speakerExpertId))
    .where(eq(trainingSessions.eventId, id))
    .orderBy(asc(trainingSessions.position));
  const venues = await venuesOf(db, [id]);
  const materials = await db
    .select({ sha256: trainingMaterials.sha256, fileName: trainingMaterials.fileName })
    .from(trainingMaterials)
    .where(eq(trainingMaterials.eventId, id))
    .orderBy(asc(trainingMaterials.createdAt));
  return {
    ...found,
    sessions: sessions.map(({ expertName, expertAffiliation, ...s }) => ({
      ...s,
      speakerName: expertName ?? s.speakerName,
      speakerTitle: s.speakerTitle ?? expertAffiliation,
    })),
    venues,
    materials,
  };
}

export type TrainingDetail = NonNullable<Awaited<ReturnType<typeof loadTrainingDetail>>>;

export interface TrainingFilter {
  kind?: TrainingEventRow['kind'];
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** Events matching `visible` (the caller's scope as SQL) and the filter, newest first. */
export async function queryTrainings(db: Executor, visible: SQL | undefined, filter: TrainingFilter) {
  const where = and(
    visible,
    filter.kind ? eq(trainingEvents.kind, filter.kind) : undefined,
    filter.from ? gte(trainingEvents.endsOn, filter.from) : undefined,
    filter.to ? lte(trainingEvents.startsOn, filter.to) : undefined,
  );
  const rows = await db
    .select({ event: trainingEvents, ownerName: jurisdictions.name })
    .from(trainingEvents)
    .innerJoin(jurisdictions, eq(jurisdictions.code, trainingEvents.ownerJurisdictionCode))
    .where(where)
    .orderBy(desc(trainingEvents.startsOn), asc(trainingEvents.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [totals] = await db
    .select({ total: count() })
    .from(trainingEvents)
    .innerJoin(jurisdictions, eq(jurisdictions.code, trainingEvents.ownerJurisdictionCode))
    .where(where);
  const venues = await venuesOf(
    db,
    rows.map((r) => r.event.id),
  );
  return {
    items: rows.map((r) => ({
      ...summary(r.event),
      ownerName: r.ownerName,
      venues: venues.filter((v) => v.eventId === r.event.id).map(publicVenue),
    })),
    total: totals?.total ?? 0,
  };
}

export function summary(e: TrainingEventRow) {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    description: e.description,
    ownerJurisdictionCode: e.ownerJurisdictionCode,
    audience: e.audience,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    cancelled: e.cancelledAt !== null,
    version: e.version,
  };
}

export function publicVenue({ hostPath: _hostPath, eventId: _eventId, position: _position, ...v }: VenueRow) {
  return v;
}

const hostJurisdictions = alias(jurisdictions, 'host_jurisdictions');

/** Registrations with their venue's host path and the unit's path, for authorising each row. */
export async function findRegistrationWithPaths(db: Executor, id: string) {
  const [row] = await db
    .select({
      registration: trainingRegistrations,
      venueName: trainingVenues.name,
      hostPath: hostJurisdictions.path,
      unitPath: jurisdictions.path,
    })
    .from(trainingRegistrations)
    .innerJoin(trainingVenues, eq(trainingVenues.id, trainingRegistrations.venueId))
    .innerJoin(hostJurisdictions, eq(hostJurisdictions.code, trainingVenues.hostJurisdictionCode))
    .leftJoin(units, eq(units.id, trainingRegistrations.unitId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(eq(trainingRegistrations.id, id));
  return row ?? null;
}

export const registrationColumns = {
  id: trainingRegistrations.id,
  eventId: trainingRegistrations.eventId,
  venueId: trainingRegistrations.venueId,
  venueName: trainingVenues.name,
  kind: trainingRegistrations.kind,
  unitId: trainingRegistrations.unitId,
  unitName: trainingRegistrations.unitName,
  attendeeName: trainingRegistrations.attendeeName,
  position: trainingRegistrations.position,
  mobile: trainingRegistrations.mobile,
  checkedInAt: trainingRegistrations.checkedInAt,
  cancelledAt: trainingRegistrations.cancelledAt,
  createdAt: trainingRegistrations.createdAt,
  feedbackAt: trainingFeedback.createdAt,
};

export async function queryRegistrations(db: Executor, where: SQL | undefined) {
  return db
    .select(registrationColumns)
    .from(trainingRegistrations)
    .innerJoin(trainingVenues, eq(trainingVenues.id, trainingRegistrations.venueId))
    .leftJoin(trainingFeedback, eq(trainingFeedback.registrationId, trainingRegistrations.id))
    .where(where)
    .orderBy(asc(trainingVenues.position), asc(trainingRegistrations.unitName), asc(trainingRegistrations.createdAt));
}

export async function loadRegistration(db: Executor, id: string) {
  const [row] = await queryRegistrations(db, eq(trainingRegistrations.id, id));
  return row ?? null;
}

export type RegistrationRow = NonNullable<Awaited<ReturnType<typeof loadRegistration>>>;

/** Checked-in registrations of a unit at an event (its attendees), for the ledger entry's head count. */
export async function attendeesOfUnit(db: Executor, eventId: string, unitId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(trainingRegistrations)
    .where(
      and(
        eq(trainingRegistrations.eventId, eventId),
        eq(trainingRegistrations.unitId, unitId),
        isNull(trainingRegistrations.cancelledAt),
        isNotNull(trainingRegistrations.checkedInAt),
      ),
    );
  return Number(row?.n ?? 0);
}
