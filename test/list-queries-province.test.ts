/**
 * The list queries rewritten for a province's size (issue 15, migration 0032) answer exactly what the plain queries
 * answer, on a generated province (bases of several districts and cities, certified on many dates, some revoked)
 * with hand-made ties (bases of different districts decided the same day): the registry — by name (bases' own copy
 * of the unit's name, kept by triggers), by a jurisdiction's subtree (merged per jurisdiction), both, neither — page
 * after page and past the end, with its totals; the unit search paged and counted in one statement; the audit
 * trail's totals from the chain's count per jurisdiction path, before and after new entries.
 */
import { and, asc, count, desc, eq, ilike, isNotNull, isNull, like, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/server/context';
import { applications, auditLog, bases, jurisdictions, units } from '../src/server/db/schema';
import { escapeLike } from '../src/server/db/text-search';
import { demoActor } from '../src/server/demo/demo-actor';
import { generateProvince } from '../src/server/demo/generate/generate-province';
import { queryApplications, queryLoadedApplications } from '../src/server/domain/applications/application-queries';
import { listAudit } from '../src/server/domain/audit/list-audit';
import { searchRegistry } from '../src/server/domain/registry/registry-queries';
import { listUnits } from '../src/server/domain/units/list-units';
import { openEvidenceLog } from '../src/server/evidence/evidence-log';
import type { RegistryQuery } from '../src/shared/schemas/publicity';
import { buildTestApp, type TestApp } from './helpers/app';
import { buildUnit } from './helpers/factories';

const SIZES = { bases: 60, units: 240, ledger: 0, evidence: 0, clues: 0, trainings: 0 };
const TIE = '2022-06-30';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-11-15' } });
  const db = t.database.db;
  const log = await openEvidenceLog(db, t.config);
  await generateProvince(db, log.identity, SIZES);
  // Ties: every fourth base (of several districts and cities) decided the same day, so the page's order rests on
  // the certificate number across jurisdictions.
  const all = await db.select({ id: bases.id }).from(bases).orderBy(bases.certificateNo);
  for (const [i, b] of all.entries()) {
    if (i % 4 === 0) await db.update(bases).set({ decidedOn: TIE }).where(eq(bases.id, b.id));
  }
});
afterAll(async () => {
  await t.close();
});

/** The registry as the plain query answers it: every base joined with its unit and jurisdiction, sorted. */
async function plainRegistry(filter: Omit<RegistryQuery, 'page' | 'pageSize'>) {
  const conditions: (SQL | undefined)[] = [
    filter.q ? ilike(units.name, `%${escapeLike(filter.q)}%`) : undefined,
    filter.jurisdictionCode
      ? sql`${jurisdictions.path} LIKE (SELECT j.path FROM ${jurisdictions} j WHERE j.code = ${filter.jurisdictionCode}) || '%'`
      : undefined,
    filter.level ? eq(bases.level, filter.level) : undefined,
    filter.category ? eq(bases.category, filter.category) : undefined,
    filter.industryCode ? eq(bases.industryCode, filter.industryCode) : undefined,
    filter.year ? eq(bases.year, filter.year) : undefined,
    filter.status === 'active' ? isNull(bases.revokedOn) : undefined,
    filter.status === 'revoked' ? isNotNull(bases.revokedOn) : undefined,
  ];
  return t.database.db
    .select({ certificateNo: bases.certificateNo, unitName: units.name, jurisdictionCode: bases.jurisdictionCode })
    .from(bases)
    .innerJoin(units, eq(units.id, bases.unitId))
    .innerJoin(jurisdictions, eq(jurisdictions.code, bases.jurisdictionCode))
    .where(and(...conditions))
    .orderBy(desc(bases.decidedOn), bases.certificateNo);
}

async function expectSameRegistry(filter: Omit<RegistryQuery, 'page' | 'pageSize'>, pageSize = 7) {
  const expected = await plainRegistry(filter);
  const pages = Math.ceil(expected.length / pageSize) + 1;
  for (let page = 1; page <= pages; page++) {
    const got = await searchRegistry(t.database.db, { ...filter, page, pageSize });
    const label = `${JSON.stringify(filter)} page ${page}`;
    expect(got.total, label).toBe(expected.length);
    expect(
      got.items.map((i) => ({
        certificateNo: i.certificateNo,
        unitName: i.unitName,
        jurisdictionCode: i.jurisdictionCode,
      })),
      label,
    ).toEqual(expected.slice((page - 1) * pageSize, page * pageSize));
  }
  return expected;
}

describe('the registry on bases alone', () => {
  it('pages and counts what the plain query finds, for names, subtrees, both and neither', async () => {
    const db = t.database.db;
    const districts = await db
      .selectDistinct({ code: bases.jurisdictionCode })
      .from(bases)
      .orderBy(bases.jurisdictionCode);
    expect(districts.length).toBeGreaterThan(3);
    const tied = await plainRegistry({});
    expect(new Set(tied.filter((_, i) => i < 40).map((b) => b.jurisdictionCode)).size).toBeGreaterThan(1);
    const [sample] = await db
      .select({ name: units.name })
      .from(bases)
      .innerJoin(units, eq(units.id, bases.unitId))
      .orderBy(bases.certificateNo)
      .limit(1);
    const name = [...sample!.name];
    const two = name.slice(2, 4).join('');
    const four = name.slice(0, 4).join('');
    const cityOf = (code: string) => `${code.slice(0, 4)}00`;
    const filters: Omit<RegistryQuery, 'page' | 'pageSize'>[] = [
      {},
      { status: 'revoked' },
      { level: 'municipal' },
      { q: two },
      { q: four },
      { q: name[2]! },
      { q: two, status: 'active' },
      { q: '不存在的名称' },
      { jurisdictionCode: '330000' },
      { jurisdictionCode: '330600' },
      { jurisdictionCode: '330600', level: 'municipal' },
      { jurisdictionCode: '330600', status: 'revoked' },
      { jurisdictionCode: '330600', q: two },
      { jurisdictionCode: '999999' },
      ...districts.flatMap(({ code }) => [{ jurisdictionCode: code }, { jurisdictionCode: cityOf(code) }]),
    ];
    let seen = 0;
    for (const filter of filters) seen += (await expectSameRegistry(filter)).length;
    expect(seen).toBeGreaterThan(100);
    // Larger pages than a jurisdiction holds, and one base a page.
    await expectSameRegistry({ jurisdictionCode: '330600' }, 50);
    await expectSameRegistry({ jurisdictionCode: '330600' }, 1);
  });

  it('lists and finds a unit by its new name once renamed', async () => {
    const db = t.database.db;
    const [base] = await db
      .select({ unitId: bases.unitId, certificateNo: bases.certificateNo, code: bases.jurisdictionCode })
      .from(bases)
      .orderBy(bases.certificateNo)
      .limit(1);
    await db.update(units).set({ name: '鉴湖改名测试有限公司' }).where(eq(units.id, base!.unitId));
    const found = await searchRegistry(db, { q: '鉴湖改名', page: 1, pageSize: 20 });
    expect(found.items.map((i) => [i.certificateNo, i.unitName])).toEqual([
      [base!.certificateNo, '鉴湖改名测试有限公司'],
    ]);
    await expectSameRegistry({ q: '改名' });
    await expectSameRegistry({ jurisdictionCode: base!.code, q: '鉴湖' });
    const page = await t.anonymous.get(`/api/v1/registry/${base!.certificateNo}`);
    expect(page.json().unitName).toBe('鉴湖改名测试有限公司');
  });
});

describe('the unit search counted with its page', () => {
  it('pages and counts the matches as a separate count did, past the end too', async () => {
    const db = t.database.db;
    const [sample] = await db.select({ name: units.name }).from(units).orderBy(units.creditCode).limit(1);
    const two = [...sample!.name].slice(2, 4).join('');
    for (const username of ['admin', 'shaoxing', 'keqiao']) {
      const actor = (await demoActor(t.database, username))!;
      const ctx = { actor, ip: null, userAgent: null, businessDate: '2022-11-15' } as never;
      for (const sort of ['name', 'createdAt'] as const) {
        const all = await listUnits(db, ctx, { q: two, page: 1, pageSize: 1000, sort });
        const pageSize = 5;
        for (let page = 1; page <= Math.ceil(all.total / pageSize) + 1; page++) {
          const got = await listUnits(db, ctx, { q: two, page, pageSize, sort });
          expect(got.total, `${username} ${sort} ${page}`).toBe(all.total);
          expect(got.items).toEqual(all.items.slice((page - 1) * pageSize, page * pageSize));
        }
        // The total is the plain count of the matches in the actor's scope.
        const scope = actor.role === 'admin' ? undefined : like(jurisdictions.path, `${actor.jurisdictionPath}%`);
        const [plain] = await db
          .select({ n: count() })
          .from(units)
          .innerJoin(jurisdictions, eq(jurisdictions.code, units.jurisdictionCode))
          .where(and(scope, ilike(units.name, `%${escapeLike(two)}%`)));
        expect(all.total, username).toBe(plain!.n);
      }
    }
    // Sorted by name with ties broken by id, as before.
    const admin = { actor: await demoActor(t.database, 'admin'), ip: null, userAgent: null } as never;
    const byName = await listUnits(db, admin, { q: two, page: 1, pageSize: 1000, sort: 'name' });
    const plainOrder = await db
      .select({ id: units.id })
      .from(units)
      .where(ilike(units.name, `%${escapeLike(two)}%`))
      .orderBy(asc(units.name), asc(units.id));
    expect(byName.items.map((u) => u.id)).toEqual(plainOrder.map((u) => u.id));
  });
});

describe('the audit trail counted per jurisdiction path', () => {
  it('totals what counting the entries gives, for every bureau and after new entries', async () => {
    const db = t.database.db;
    const plainTotal = async (actor: Actor) => {
      const [row] = await db
        .select({ n: count() })
        .from(auditLog)
        .where(actor.role === 'admin' ? undefined : like(auditLog.jurisdictionPath, `${actor.jurisdictionPath}%`));
      return row!.n;
    };
    const check = async () => {
      for (const username of ['admin', 'shaoxing', 'keqiao', 'putuo', 'shanghai', 'wuhan']) {
        const actor = (await demoActor(t.database, username))!;
        const got = await listAudit(db, { actor, ip: null, userAgent: null } as never, { page: 1, pageSize: 5 });
        expect(got.total, username).toBe(await plainTotal(actor));
        expect(got.total, username).toBeGreaterThan(0);
      }
    };
    await check();
    // New entries in two bureaus (and a failed write, which leaves none).
    const putuo = await t.login('putuo');
    const keqiao = await t.login('keqiao');
    const created = await putuo.post('/api/v1/units', buildUnit());
    expect(created.statusCode, created.body).toBe(201);
    expect((await keqiao.post('/api/v1/units', buildUnit({ jurisdictionCode: '330603' }))).statusCode).toBe(201);
    const input = buildUnit();
    await putuo.post('/api/v1/units', input);
    expect((await putuo.post('/api/v1/units', { ...buildUnit(), creditCode: input.creditCode })).statusCode).toBe(409);
    await check();
  });
});

describe("officers' applications on the application's copy of its unit's jurisdiction", () => {
  it('pages and counts what the joined visibility shows, before and after units move', async () => {
    const db = t.database.db;
    const compare = async () => {
      let seen = 0;
      for (const username of ['admin', 'shaoxing', 'keqiao', 'putuo', 'shanghai', 'wuhan']) {
        const actor = (await demoActor(t.database, username))!;
        const all = await queryLoadedApplications(db, actor, { page: 1, pageSize: 1 }, 10_000);
        const filters = [
          {},
          ...[...new Set(all.map((r) => r.application.status))].slice(0, 4).map((status) => ({ status })),
          ...[...new Set(all.map((r) => r.application.programmeId))].map((programmeId) => ({ programmeId })),
        ];
        for (const filter of filters) {
          const expected = (await queryLoadedApplications(db, actor, { ...filter, page: 1, pageSize: 1 }, 10_000)).map(
            (r) => r.summary,
          );
          for (const page of [1, 2, Math.ceil(expected.length / 10) + 1]) {
            const got = await queryApplications(db, actor, { ...filter, page, pageSize: 10 });
            expect(got.total, `${username} ${JSON.stringify(filter)}`).toBe(expected.length);
            expect(got.items, `${username} ${JSON.stringify(filter)} ${page}`).toEqual(
              expected.slice((page - 1) * 10, page * 10),
            );
          }
          seen += expected.length;
        }
      }
      return seen;
    };
    expect(await compare()).toBeGreaterThan(100);
    // Units of Keqiao (Shaoxing) move to Putuo (Shanghai) and back to another Shaoxing district: their applications
    // follow them into the bureaus' lists.
    const moving = await db
      .select({ id: units.id })
      .from(units)
      .where(eq(units.jurisdictionCode, '330603'))
      .orderBy(units.id)
      .limit(6);
    expect(moving.length).toBe(6);
    for (const [i, u] of moving.entries()) {
      await db
        .update(units)
        .set({ jurisdictionCode: i % 2 ? '310107' : '330602' })
        .where(eq(units.id, u.id));
    }
    const copies = await db
      .select({ code: applications.unitJurisdictionCode, unitCode: units.jurisdictionCode })
      .from(applications)
      .innerJoin(units, eq(units.id, applications.unitId));
    expect(copies.filter((c) => c.code !== c.unitCode)).toEqual([]);
    await compare();
  });
});
