/**
 * Reading publicity notices. What the public sees of a notice is what the bureau publishes: the title and text, the
 * period, and per proposed base the unit's name, the kind and the jurisdiction — never contact data. A notice is
 * public from its first day; before that only officers of the owning bureau (and administrators) see it.
 */
import { and, desc, eq, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { chineseDate } from '../../../core/applications/guards';
import { kindById } from '../../../core/programs/queries';
import type { Programme } from '../../../core/programs/schema';
import type { Actor } from '../../context';
import type { Executor } from '../../db/client';
import { applications, jurisdictions, programmes, publicityEntries, publicityNotices, units } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { inSubtree } from '../../policies';

const owners = alias(jurisdictions, 'notice_owners');

export type NoticeState = 'upcoming' | 'open' | 'closed';

export const NOTICE_STATE_LABELS: Record<NoticeState, string> = {
  upcoming: '尚未开始',
  open: '公示中',
  closed: '公示期已满',
};

export function noticeState(notice: { startsOn: string; endsOn: string }, today: string): NoticeState {
  if (today < notice.startsOn) return 'upcoming';
  return today > notice.endsOn ? 'closed' : 'open';
}

const noticeColumns = {
  notice: publicityNotices,
  programmeTitle: programmes.title,
  programmeCode: programmes.code,
  programmeYear: programmes.year,
  definition: programmes.definition,
  ownerCode: programmes.ownerJurisdictionCode,
  ownerName: owners.name,
  ownerPath: owners.path,
};

function noticeQuery(db: Executor) {
  return db
    .select(noticeColumns)
    .from(publicityNotices)
    .innerJoin(programmes, eq(programmes.id, publicityNotices.programmeId))
    .innerJoin(owners, eq(owners.code, programmes.ownerJurisdictionCode));
}

export type LoadedNotice = NonNullable<Awaited<ReturnType<typeof findNotice>>>;

export async function findNotice(db: Executor, id: string) {
  const [row] = await noticeQuery(db).where(eq(publicityNotices.id, id));
  return row ? { ...row, programme: row.definition as Programme } : null;
}

/** Officers of the owning bureau or above, and administrators, manage a programme's publicity. */
export function managesNotice(actor: Actor | null, ownerPath: string): boolean {
  if (!actor) return false;
  return actor.role === 'admin' || (actor.role === 'officer' && inSubtree(actor, ownerPath));
}

/** Whether the reader may see the notice: anyone from its first day; its managers before. */
export function noticeVisible(actor: Actor | null, notice: { startsOn: string }, ownerPath: string, today: string) {
  return notice.startsOn <= today || managesNotice(actor, ownerPath);
}

/** The notice's entries as published: unit, kind, jurisdiction. */
export async function noticeEntries(db: Executor, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return [];
  return db
    .select({
      noticeId: publicityEntries.noticeId,
      applicationId: applications.id,
      kindId: applications.kindId,
      unitName: units.name,
      jurisdictionCode: units.jurisdictionCode,
      jurisdictionName: jurisdictions.name,
      definition: programmes.definition,
    })
    .from(publicityEntries)
    .innerJoin(applications, eq(applications.id, publicityEntries.applicationId))
    .innerJoin(units, eq(units.id, applications.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .innerJoin(programmes, eq(programmes.id, applications.programmeId))
    .where(inArray(publicityEntries.noticeId, [...noticeIds]))
    .orderBy(jurisdictions.path, units.name);
}

type NoticeRow = Awaited<ReturnType<typeof noticeQuery>>[number];
type EntryRow = Awaited<ReturnType<typeof noticeEntries>>[number];

export function publicNotice(row: NoticeRow, entries: readonly EntryRow[], today: string) {
  const n = row.notice;
  const state = noticeState(n, today);
  return {
    id: n.id,
    programmeId: n.programmeId,
    programmeTitle: row.programmeTitle,
    programmeYear: row.programmeYear,
    issuer: (row.definition as Programme).issuer,
    ownerJurisdictionCode: row.ownerCode,
    title: n.title,
    body: n.body,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    workingDays: n.workingDays,
    state,
    stateLabel: NOTICE_STATE_LABELS[state],
    acceptsObjections: state === 'open' && objectionsAccepted(row.definition as Programme),
    entries: entries
      .filter((e) => e.noticeId === n.id)
      .map((e) => {
        const kind = kindById(e.definition as Programme, e.kindId);
        return {
          applicationId: e.applicationId,
          unitName: e.unitName,
          kindId: e.kindId,
          kindName: kind?.fullName ?? kind?.name ?? e.kindId,
          jurisdictionCode: e.jurisdictionCode,
          jurisdictionName: e.jurisdictionName,
        };
      }),
    createdAt: n.createdAt,
  };
}

/** The programme's publicity stage accepts objections unless it says otherwise. */
export function objectionsAccepted(programme: Programme): boolean {
  const stage = programme.stages.find((s) => s.kind === 'publicity');
  return stage?.kind === 'publicity' ? stage.objections !== false : true;
}

/**
 * The notice, if it takes objections now: visible to the reader (404 otherwise), open on the business date and its
 * programme accepting objections (409 with the reason otherwise). Filing an objection and the public upload of its
 * attachments both start here.
 */
export async function findNoticeOpenForObjections(db: Executor, actor: Actor | null, id: string, today: string) {
  const found = await findNotice(db, id);
  if (!found || !noticeVisible(actor, found.notice, found.ownerPath, today)) throw notFound('公示');
  const { notice } = found;
  const state = noticeState(notice, today);
  if (state !== 'open') {
    const message =
      state === 'upcoming'
        ? `公示尚未开始，${chineseDate(notice.startsOn)}起可以提出异议`
        : `公示期已于${chineseDate(notice.endsOn)}届满，不再受理异议`;
    throw new AppError('invalid_transition', message, { details: { reason: `notice_${state}` } });
  }
  if (!objectionsAccepted(found.programme)) {
    throw new AppError('invalid_transition', '本公示不受理异议', { details: { reason: 'objections_not_accepted' } });
  }
  return found;
}

export async function listNotices(
  db: Executor,
  actor: Actor | null,
  filter: { programmeId?: string; page: number; pageSize: number },
  today: string,
) {
  const managed: SQL | undefined =
    actor?.role === 'admin'
      ? sql`true`
      : actor?.role === 'officer' && actor.jurisdictionPath
        ? sql`${owners.path} LIKE ${`${actor.jurisdictionPath}%`}`
        : undefined;
  const where = and(
    managed ? or(lte(publicityNotices.startsOn, today), managed) : lte(publicityNotices.startsOn, today),
    filter.programmeId ? eq(publicityNotices.programmeId, filter.programmeId) : undefined,
  );
  const rows = await noticeQuery(db)
    .where(where)
    .orderBy(desc(publicityNotices.startsOn), desc(publicityNotices.createdAt))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [counted] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(publicityNotices)
    .innerJoin(programmes, eq(programmes.id, publicityNotices.programmeId))
    .innerJoin(owners, eq(owners.code, programmes.ownerJurisdictionCode))
    .where(where);
  const entries = await noticeEntries(
    db,
    rows.map((r) => r.notice.id),
  );
  return { items: rows.map((row) => publicNotice(row, entries, today)), total: counted?.total ?? 0 };
}

/** The notice an application was published in (the latest, should there ever be several). */
export async function noticeOfApplication(db: Executor, applicationId: string) {
  const [row] = await db
    .select({ notice: publicityNotices })
    .from(publicityEntries)
    .innerJoin(publicityNotices, eq(publicityNotices.id, publicityEntries.noticeId))
    .where(eq(publicityEntries.applicationId, applicationId))
    .orderBy(desc(publicityNotices.endsOn))
    .limit(1);
  return row?.notice ?? null;
}
