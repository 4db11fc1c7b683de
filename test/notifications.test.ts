// @postgresql-only: the notification centre through the use cases, no concurrency or raw SQL.
/**
 * The notification centre's API: one's own notifications newest first, paged with the total and the unread count,
 * the unread filter (validated), marking one or all read — and never another user's notifications, neither listed
 * nor marked (404 for someone else's id, as for records outside one's scope).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications, users } from '../src/server/db/schema';
import { notifyUsers } from '../src/server/domain/notifications/notify';
import { buildTestApp, type Client, type TestApp } from './helpers/app';

interface Item {
  id: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
}
interface Inbox {
  items: Item[];
  total: number;
  unread: number;
}

let t: TestApp;
let expert1: Client;
let expert2: Client;

async function userId(username: string): Promise<string> {
  const [row] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row!.id;
}

async function inbox(client: Client, query = ''): Promise<Inbox> {
  const res = await client.get(`/api/v1/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  expert1 = await t.login('expert1');
  expert2 = await t.login('expert2');
  // One statement each, so each has its own creation time (newest last).
  for (let i = 1; i <= 5; i++) {
    await notifyUsers(t.database.db, [await userId('expert1')], {
      title: `专家一的通知 ${i}`,
      body: `第 ${i} 条`,
      link: i === 5 ? '/reviews' : undefined,
    });
  }
  await notifyUsers(t.database.db, [await userId('expert2')], { title: '专家二的通知', body: '仅专家二可见' });
});
afterAll(async () => {
  await t?.close();
});

describe('notification centre', () => {
  it('lists only my notifications, newest first, paged with the total and the unread count', async () => {
    const all = await inbox(expert1);
    expect(all.total).toBe(5);
    expect(all.unread).toBe(5);
    expect(all.items.map((n) => n.title)).toEqual([5, 4, 3, 2, 1].map((i) => `专家一的通知 ${i}`));
    expect(all.items[0]).toMatchObject({ body: '第 5 条', link: '/reviews', readAt: null });
    expect(all.items[1]!.link).toBeNull();

    const page2 = await inbox(expert1, '?page=2&pageSize=2');
    expect(page2.total).toBe(5);
    expect(page2.items.map((n) => n.title)).toEqual(['专家一的通知 3', '专家一的通知 2']);
    const page3 = await inbox(expert1, '?page=3&pageSize=2');
    expect(page3.items.map((n) => n.title)).toEqual(['专家一的通知 1']);

    const other = await inbox(expert2);
    expect(other).toMatchObject({ total: 1, unread: 1 });
    expect(other.items.map((n) => n.title)).toEqual(['专家二的通知']);
  });

  it('validates the query: the unread filter is true or false, paging in range, nothing else', async () => {
    for (const query of ['?unreadOnly=yes', '?page=0', '?pageSize=500', '?userId=x']) {
      const res = await expert1.get(`/api/v1/notifications${query}`);
      expect(res.statusCode, query).toBe(400);
    }
    expect((await t.anonymous.get('/api/v1/notifications')).statusCode).toBe(401);
  });

  it('marks one read; the unread filter then leaves it out', async () => {
    const [newest] = (await inbox(expert1)).items;
    const marked = await expert1.post(`/api/v1/notifications/${newest!.id}/read`);
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ marked: 1 });
    // Marking it again changes nothing and is no error.
    expect((await expert1.post(`/api/v1/notifications/${newest!.id}/read`)).json()).toEqual({ marked: 0 });

    const all = await inbox(expert1);
    expect(all).toMatchObject({ total: 5, unread: 4 });
    expect(all.items[0]!.readAt).not.toBeNull();
    const unread = await inbox(expert1, '?unreadOnly=true&pageSize=10');
    expect(unread).toMatchObject({ total: 4, unread: 4 });
    expect(unread.items.map((n) => n.id)).not.toContain(newest!.id);
    expect((await inbox(expert1, '?unreadOnly=false')).total).toBe(5);
  });

  it("never marks another user's notification: 404, and it stays unread", async () => {
    const [theirs] = (await inbox(expert2)).items;
    const res = await expert1.post(`/api/v1/notifications/${theirs!.id}/read`);
    expect(res.statusCode).toBe(404);
    expect(res.json().message).toMatch(/通知/);
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.id, theirs!.id));
    expect(row!.readAt).toBeNull();
    expect(await inbox(expert2)).toMatchObject({ total: 1, unread: 1 });
    // An id that does not exist answers the same.
    const missing = await expert1.post('/api/v1/notifications/00000000-0000-4000-8000-000000000000/read');
    expect(missing.statusCode).toBe(404);
  });

  it('marks all of mine read, and only mine', async () => {
    const res = await expert1.post('/api/v1/notifications/read-all');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ marked: 4 });
    expect(await inbox(expert1)).toMatchObject({ total: 5, unread: 0 });
    expect(await inbox(expert1, '?unreadOnly=true')).toMatchObject({ items: [], total: 0, unread: 0 });
    expect(await inbox(expert2)).toMatchObject({ total: 1, unread: 1 });
  });
});
