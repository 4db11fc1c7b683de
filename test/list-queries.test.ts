/**
 * The list queries rewritten for a province's size (issue 15, migration 0030) answer exactly what the plain queries
 * answered: name searches through the bigram indexes find the same rows as `ILIKE '%q%'` (one, two and more
 * characters, Chinese and Latin in either case, LIKE's wildcards taken literally), and application lists paged and
 * counted on the applications alone see what the joined visibility sees, for every kind of actor.
 */
import { ilike, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSession } from '../src/server/auth/sessions';
import type { Actor } from '../src/server/context';
import { units } from '../src/server/db/schema';
import { containsText, escapeLike } from '../src/server/db/text-search';
import { queryApplications, queryLoadedApplications } from '../src/server/domain/applications/application-queries';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { draftApplication, newApplicantUnit, submittedApplication } from './helpers/applications';
import { buildUnit } from './helpers/factories';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15' } });
});
afterAll(async () => {
  await t.close();
});

const NAMES = [
  '绍兴精密机械有限公司',
  '精密',
  '密精科技有限公司',
  '精 密仪器厂',
  'ABC精密Tech有限公司',
  '上海abc科技有限公司',
  '百分之%百有限公司',
  'under_score 信息有限公司',
  '反斜杠\\单位有限公司',
];

describe('name search through the bigram indexes', () => {
  it('finds exactly the rows ILIKE finds, for searches of one, two and more characters', async () => {
    const putuo = await t.login('putuo');
    const created: { id: string; creditCode: string }[] = [];
    for (const name of NAMES) {
      const res = await putuo.post('/api/v1/units', buildUnit({ name }));
      expect(res.statusCode, res.body).toBe(201);
      created.push(res.json().unit);
    }
    const code = created[0]!.creditCode;
    const queries = [
      '精',
      '精密',
      '密精',
      '精密机',
      '绍兴精密机械',
      '精 密',
      'abc',
      'ABC',
      'aBc精',
      'tech',
      'c精密t',
      '%',
      '之%',
      '%百',
      '_',
      'r_s',
      'er_sc',
      '\\',
      '杠\\单',
      '科技',
      '技有',
      '有限公司',
      '不存在的名称',
      code.slice(0, 2),
      code.slice(3, 9),
      code.slice(5, 7).toLowerCase(),
      code,
    ];
    const db = t.database.db;
    for (const q of queries) {
      const pattern = `%${escapeLike(q)}%`;
      const plain = await db
        .select({ id: units.id })
        .from(units)
        .where(or(ilike(units.name, pattern), ilike(units.creditCode, pattern)));
      const indexed = await db
        .select({ id: units.id })
        .from(units)
        .where(containsText([units.name, units.creditCode], q));
      const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      expect(ids(indexed), q).toEqual(ids(plain));
    }
    // The two-character search (answered by the index alone) still finds a name holding it anywhere, and not one
    // holding its characters apart or in the other order.
    const twoChars = await putuo.get(`/api/v1/units?q=${encodeURIComponent('精密')}&pageSize=100`);
    const found = (twoChars.json().items as { name: string }[]).map((u) => u.name);
    expect(found).toEqual(expect.arrayContaining(['绍兴精密机械有限公司', '精密', 'ABC精密Tech有限公司']));
    expect(found).not.toContain('密精科技有限公司');
    expect(found).not.toContain('精 密仪器厂');
    expect(twoChars.json().total).toBe(found.length);
    // Case-insensitive as before, through the public registry's search too (it runs on the same predicate).
    const upper = await putuo.get(`/api/v1/units?q=ABC&pageSize=100`);
    expect((upper.json().items as { name: string }[]).map((u) => u.name).sort()).toEqual(
      ['ABC精密Tech有限公司', '上海abc科技有限公司'].sort(),
    );
    expect((await t.anonymous.get(`/api/v1/registry?q=${encodeURIComponent('精密')}`)).statusCode).toBe(200);
  });
});

/** The actor of a logged-in client, as the server reads it from the session. */
async function actorOf(client: Client): Promise<Actor> {
  const token = /sm_session=([^;]+)/.exec(client.cookie ?? '')?.[1];
  const session = token ? await findSession(t.database.db, decodeURIComponent(token)) : null;
  if (!session) throw new Error('no session');
  return session.actor;
}

describe('application lists on the applications alone', () => {
  it('page and count what the joined visibility shows, for every kind of actor and filter', async () => {
    const db = t.database.db;
    // Submitted applications of two units in Putuo and a draft (which bureaus do not see).
    await submittedApplication(await t.login('applicant1'), 'putuo-2022', 'point');
    await submittedApplication((await newApplicantUnit(t, '310107', 'listq-a')).client, 'putuo-2022', 'point');
    await draftApplication((await newApplicantUnit(t, '310107', 'listq-b')).client, 'putuo-2022', 'point');
    // Administrators, bureaus at each level (the unit's district, its city, another city), applicants, experts.
    const clients = [
      ...(await Promise.all(
        ['admin', 'putuo', 'shanghai', 'shaoxing', 'keqiao', 'wuhan', 'applicant1', 'expert1'].map((u) => t.login(u)),
      )),
      await t.login('listq-a', 'applicant-123'),
      await t.login('listq-b', 'applicant-123'),
    ];
    let seen = 0;
    for (const client of clients) {
      const actor = await actorOf(client);
      const username = actor.username;
      const reference = await queryLoadedApplications(db, actor, { page: 1, pageSize: 1 }, 10_000);
      const statuses = [...new Set(reference.map((r) => r.application.status))];
      const programmes = [...new Set(reference.map((r) => r.application.programmeId))];
      const filters = [
        {},
        ...statuses.slice(0, 3).map((status) => ({ status })),
        ...programmes.map((programmeId) => ({ programmeId })),
      ];
      for (const filter of filters) {
        const expected = (await queryLoadedApplications(db, actor, { ...filter, page: 1, pageSize: 1 }, 10_000)).map(
          (r) => r.summary,
        );
        for (const page of [1, 2]) {
          const got = await queryApplications(db, actor, { ...filter, page, pageSize: 3 });
          expect(got.total, `${username} ${JSON.stringify(filter)}`).toBe(expected.length);
          expect(got.items, `${username} ${JSON.stringify(filter)} page ${page}`).toEqual(
            expected.slice((page - 1) * 3, page * 3),
          );
        }
        seen += expected.length;
      }
    }
    // The seeded data holds applications in several districts and programmes: the comparison is not vacuous.
    expect(seen).toBeGreaterThan(0);
  });
});
