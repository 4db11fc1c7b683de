/**
 * The hot queries that run as prepared statements (db/client.ts `preparedQuery`; bench/README.md, load) answer exactly
 * what the queries they replaced answered, on both databases: the session lookup of every request (live, expired,
 * idle, disabled, with and without an idle timeout) and the notification bell (pages, the last page, past the end,
 * the unread filter, notifications created in the same instant). The reference queries below are the former code.
 * Also the ledger list, which counts only when its page does not tell the total (a page that is not full ends the
 * list) and reads a unit's own ledger, an entry and the attachments as prepared statements: same items, attachments
 * and total as the former queries, on every page and past the end, in every scope.
 */
import { and, asc, count, desc, eq, gt, inArray, isNull, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '../src/server/auth/sessions';
import { type Actor, systemContext } from '../src/server/context';
import { type Executor, preparedQuery } from '../src/server/db/client';
import {
  attachments,
  jurisdictions,
  ledgerAttachments,
  ledgerEntries,
  notifications,
  sessions,
  units,
  users,
} from '../src/server/db/schema';
import { loadEntry, queryLedger } from '../src/server/domain/ledger/ledger-queries';
import { listNotifications } from '../src/server/domain/notifications/notification-inbox';
import { buildTestApp, type TestApp } from './helpers/app';

let t: TestApp;
let other: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // A second app with a database of its own in the same process: prepared statements are per database handle.
  other = await buildTestApp();
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

async function userId(app: TestApp, username: string): Promise<string> {
  const [row] = await app.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row!.id;
}

/** The session lookup as it was before it was prepared. */
async function referenceSession(db: Executor, id: string, idleMinutes: number | undefined, now: number) {
  const live = [eq(sessions.id, id), gt(sessions.expiresAt, new Date(now))];
  if (idleMinutes !== undefined) live.push(gt(sessions.lastSeenAt, new Date(now - idleMinutes * 60_000)));
  const [row] = await db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      unitId: users.unitId,
      jurisdictionCode: users.jurisdictionCode,
      disabled: users.disabled,
      jurisdictionPath: jurisdictions.path,
      jurisdictionLevel: jurisdictions.level,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(jurisdictions, eq(jurisdictions.code, users.jurisdictionCode))
    .where(and(...live))
    .limit(1);
  if (!row || row.disabled) return null;
  const { sessionId, csrfToken, expiresAt, disabled: _disabled, ...actor } = row;
  return { sessionId, csrfToken, expiresAt, actor };
}

/** The bell as it was before: the page, then the counts, two queries. */
async function referenceInbox(db: Executor, user: string, unreadOnly: boolean, page: number, pageSize: number) {
  const mine = and(eq(notifications.userId, user), unreadOnly ? isNull(notifications.readAt) : undefined);
  const items = await db
    .select()
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [counts] = await db
    .select({ total: count(), unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)::int` })
    .from(notifications)
    .where(mine);
  return {
    items: items.map(({ id, title, body, link, readAt, createdAt }) => ({ id, title, body, link, readAt, createdAt })),
    total: counts?.total ?? 0,
    unread: counts?.unread ?? 0,
  };
}

describe('session lookup (prepared)', () => {
  it('finds what the former query found: live, unknown, expired, idle, disabled; with and without idle timeout', async () => {
    const client = await t.login('keqiao');
    const token = decodeURIComponent(/sm_session=([^;]+)/.exec(client.cookie!)![1]!);
    const db = t.database.db;
    const [row] = await db.select().from(sessions).where(eq(sessions.csrfToken, client.csrfToken!));
    const id = row!.id;
    const seen = row!.lastSeenAt.getTime();
    const cases: [string, number | undefined, number][] = [
      ['live, no idle timeout', undefined, seen + 1_000],
      ['live, idle timeout', 30, seen + 1_000],
      ['idle past the timeout', 30, seen + 31 * 60_000],
      ['expired', undefined, row!.expiresAt.getTime() + 1],
      ['expired, idle timeout', 30, row!.expiresAt.getTime() + 1],
    ];
    for (const [name, idle, now] of cases) {
      const expected = await referenceSession(db, id, idle, now);
      // `now` before last-seen + the touch interval: the lookup does not write, so the cases see the same row.
      expect(await findSession(db, token, idle, now), name).toEqual(expected);
    }
    expect((await findSession(db, token, 30, seen + 1_000))?.actor.username).toBe('keqiao');
    expect(await findSession(db, 'not-a-token', 30)).toBeNull();

    await db.update(users).set({ disabled: true }).where(eq(users.username, 'keqiao'));
    try {
      expect(await referenceSession(db, id, 30, seen + 1_000)).toBeNull();
      expect(await findSession(db, token, 30, seen + 1_000)).toBeNull();
    } finally {
      await db.update(users).set({ disabled: false }).where(eq(users.username, 'keqiao'));
    }
  });

  it('serves two apps on two databases in one process, each its own user', async () => {
    const here = await t.login('keqiao');
    const there = await other.login('applicant2');
    for (let i = 0; i < 2; i++) {
      expect((await here.get('/api/v1/auth/me')).json().user.username).toBe('keqiao');
      expect((await there.get('/api/v1/auth/me')).json().user.username).toBe('applicant2');
    }
  });
});

const actorOf = (username: string): Actor => ({
  id: '',
  username,
  displayName: username,
  role: 'expert',
  unitId: null,
  jurisdictionCode: null,
  jurisdictionPath: null,
  jurisdictionLevel: null,
});

describe('notification bell (prepared, one round trip)', () => {
  it('answers what the two former queries answered, page by page and past the end, with the unread filter', async () => {
    const db = t.database.db;
    const user = await userId(t, 'expert1');
    const base = Date.parse('2026-03-01T08:00:00Z');
    // Seven notifications, three of them created in the same instant (the id breaks the tie), two read.
    await db.insert(notifications).values(
      [0, 1, 2, 2, 2, 3, 4].map((minute, i) => ({
        userId: user,
        title: `通知 ${i}`,
        body: `正文 ${i}`,
        link: i % 2 === 0 ? `/applications/${i}` : null,
        readAt: i === 1 || i === 3 ? new Date(base + 10 * 60_000) : null,
        createdAt: new Date(base + minute * 60_000),
      })),
    );
    const ctx = { ...systemContext(), actor: { ...actorOf('expert1'), id: user } };
    for (const unreadOnly of [false, true]) {
      for (const [page, pageSize] of [
        [1, 5],
        [2, 5],
        [1, 3],
        [3, 3],
        [4, 3],
        [9, 20],
        [1, 100],
      ] as const) {
        const expected = await referenceInbox(db, user, unreadOnly, page, pageSize);
        const actual = await listNotifications(db, ctx, { unreadOnly, page, pageSize });
        expect(actual, `${unreadOnly} ${page} ${pageSize}`).toEqual(expected);
      }
    }
    const pastTheEnd = await listNotifications(db, ctx, { page: 9, pageSize: 20 });
    expect(pastTheEnd).toEqual({ items: [], total: 7, unread: 5 });
    // A user without notifications.
    const nobody = '00000000-0000-4000-8000-000000000000';
    const none = await listNotifications(db, { ...ctx, actor: { ...ctx.actor, id: nobody } }, { page: 1, pageSize: 5 });
    expect(none).toEqual({ items: [], total: 0, unread: 0 });
  });
});

/** The ledger list as it was before: the page, a count of its own, the attachments of the page's entries. */
async function referenceLedger(
  db: Executor,
  unitId: string | undefined,
  path: string | undefined,
  page: number,
  pageSize: number,
) {
  const where = and(
    unitId ? eq(ledgerEntries.unitId, unitId) : undefined,
    path ? like(jurisdictions.path, `${path}%`) : undefined,
  );
  const items = await db
    .select({
      id: ledgerEntries.id,
      unitId: ledgerEntries.unitId,
      unitName: units.name,
      kind: ledgerEntries.kind,
      occurredOn: ledgerEntries.occurredOn,
      title: ledgerEntries.title,
      description: ledgerEntries.description,
      participants: ledgerEntries.participants,
      reachPercent: ledgerEntries.reachPercent,
      firmsCovered: ledgerEntries.firmsCovered,
      guideId: ledgerEntries.guideId,
      guideName: users.displayName,
      details: ledgerEntries.details,
      version: ledgerEntries.version,
      createdAt: ledgerEntries.createdAt,
      updatedAt: ledgerEntries.updatedAt,
    })
    .from(ledgerEntries)
    .innerJoin(units, eq(units.id, ledgerEntries.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .leftJoin(users, eq(users.id, ledgerEntries.guideId))
    .where(where)
    .orderBy(desc(ledgerEntries.occurredOn), asc(ledgerEntries.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [row] = await db
    .select({ total: count() })
    .from(ledgerEntries)
    .innerJoin(units, eq(units.id, ledgerEntries.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
    .where(where);
  const files =
    items.length === 0
      ? []
      : await db
          .select({
            id: ledgerAttachments.id,
            entryId: ledgerAttachments.entryId,
            sha256: ledgerAttachments.sha256,
            fileName: ledgerAttachments.fileName,
          })
          .from(ledgerAttachments)
          .where(
            inArray(
              ledgerAttachments.entryId,
              items.map((i) => i.id),
            ),
          )
          .orderBy(asc(ledgerAttachments.createdAt));
  return {
    items: items.map((i) => ({
      ...i,
      attachments: files.filter((f) => f.entryId === i.id).map(({ entryId: _e, ...file }) => file),
    })),
    total: row?.total ?? 0,
  };
}

describe('ledger list (counts only when the page does not tell the total)', () => {
  it('answers every page, the last one, past the end and an empty list with the total the count gives', async () => {
    const db = t.database.db;
    const [unit] = await db
      .select({ id: units.id, path: jurisdictions.path })
      .from(units)
      .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
      .orderBy(asc(units.createdAt), asc(units.id))
      .limit(1);
    await db.insert(ledgerEntries).values(
      Array.from({ length: 7 }, (_, i) => ({
        unitId: unit!.id,
        kind: 'publicity' as const,
        occurredOn: `2026-02-0${1 + (i % 3)}`,
        title: `宣传 ${i}`,
      })),
    );
    // Two entries of the unit carry attachments (one of them two), so the page reads them through one array.
    const sha256 = 'ab'.repeat(32);
    await db
      .insert(attachments)
      .values({ sha256, size: 3, mimeType: 'text/plain', content: Buffer.from('abc') })
      .onConflictDoNothing();
    const entries = await db
      .select({ id: ledgerEntries.id })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.unitId, unit!.id))
      .orderBy(desc(ledgerEntries.occurredOn), asc(ledgerEntries.id));
    await db.insert(ledgerAttachments).values([
      { entryId: entries[0]!.id, sha256, fileName: '签到表.txt', createdAt: new Date('2026-02-01T01:00:00Z') },
      { entryId: entries[0]!.id, sha256, fileName: '照片.txt', createdAt: new Date('2026-02-01T02:00:00Z') },
      { entryId: entries[4]!.id, sha256, fileName: '总结.txt', createdAt: new Date('2026-02-01T03:00:00Z') },
    ]);
    const nobody = '00000000-0000-4000-8000-000000000000';
    const scopes = [
      { scope: { kind: 'unit' as const, unitId: unit!.id }, unitId: unit!.id, path: undefined },
      { scope: { kind: 'unit' as const, unitId: nobody }, unitId: nobody, path: undefined },
      { scope: { kind: 'subtree' as const, path: unit!.path }, unitId: undefined, path: unit!.path },
      { scope: { kind: 'all' as const }, unitId: undefined, path: undefined },
    ];
    for (const { scope, unitId, path } of scopes) {
      for (const [page, pageSize] of [
        [1, 20],
        [1, 7],
        [1, 3],
        [2, 3],
        [3, 3],
        [4, 3],
        [9, 20],
        [1, 1],
      ] as const) {
        const label = `${scope.kind} ${unitId ?? path ?? ''} page ${page} of ${pageSize}`;
        const expected = await referenceLedger(db, unitId, path, page, pageSize);
        expect(await queryLedger(db, scope, { page, pageSize }), label).toEqual(expected);
        // The unit's own ledger asked for by its id too (the applicant's page sends it).
        if (scope.kind === 'unit') {
          expect(await queryLedger(db, scope, { unitId, page, pageSize }), label).toEqual(expected);
        }
      }
    }
    // Another unit's id in a unit's scope: nothing, as before.
    expect(
      await queryLedger(db, { kind: 'unit', unitId: nobody }, { unitId: unit!.id, page: 1, pageSize: 20 }),
    ).toEqual({ items: [], total: 0 });
    const withFiles = await loadEntry(db, entries[0]!.id);
    expect(withFiles?.attachments.map((a) => a.fileName)).toEqual(['签到表.txt', '照片.txt']);
    expect(withFiles).toEqual((await referenceLedger(db, unit!.id, undefined, 1, 20)).items[0]);
    expect(await loadEntry(db, nobody)).toBeNull();
  });
});

describe('preparedQuery', () => {
  it('refuses a name given twice (PostgreSQL keeps one statement text per name)', () => {
    preparedQuery('test_only_statement', () => null);
    expect(() => preparedQuery('test_only_statement', () => null)).toThrow(/defined twice/);
  });
});
