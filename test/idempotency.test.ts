/**
 * Idempotent creates (Idempotency-Key): a retry gets the first answer and no second record; the same key with another
 * body is refused; two concurrent requests with one key create one record; a create that committed without its
 * answer being stored is found by the retry; keys are the caller's and the route's, validated, and expire. The last
 * block enumerates every POST of the OpenAPI document, so a create added later honours the key or is listed here.
 */
import { createHash, randomUUID } from 'node:crypto';
import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../src/server/context';
import {
  applications,
  evidenceSubmissions,
  idempotencyKeys,
  ledgerEntries,
  objections,
  units,
} from '../src/server/db/schema';
import { recordLedgerEntry } from '../src/server/domain/ledger/record-ledger-entry';
import { NOT_CREATES } from '../src/server/http/idempotency';
import { newClaim, purgeExpiredKeys, requestFingerprint } from '../src/server/idempotency';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { answerAll, newApplicantUnit, programmeId, submittedApplication } from './helpers/applications';
import { markAcceptancePassed, publish, setBusinessDate } from './helpers/bases';
import { buildUnit } from './helpers/factories';

let t: TestApp;
let applicant: Client;
let admin: Client;
let applicantUnitId: string;

const post = (client: Client, url: string, payload: unknown, key?: string) =>
  client.request({ method: 'POST', url, payload: payload as object, headers: key ? { 'idempotency-key': key } : {} });

const rows = async (table: PgTable) => (await t.database.db.select({ n: count() }).from(table))[0]!.n;

const training = (title = '商业秘密保护全员培训') => ({
  unitId: applicantUnitId,
  kind: 'training',
  occurredOn: '2021-08-18',
  title,
  participants: 40,
});

/** A create, its retry with the same key (the first answer, replayed, one record), and the key reused otherwise. */
async function expectIdempotentCreate(
  client: Client,
  url: string,
  body: unknown,
  table: PgTable,
  otherBody: unknown,
  status = 201,
) {
  const key = randomUUID();
  const before = await rows(table);
  const first = await post(client, url, body, key);
  expect(first.statusCode, first.body).toBe(status);
  expect(await rows(table)).toBe(before + 1);
  const retry = await post(client, url, body, key);
  expect(retry.statusCode).toBe(status);
  expect(retry.body).toBe(first.body);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(await rows(table)).toBe(before + 1);
  const reused = await post(client, url, otherBody, key);
  expect(reused.statusCode).toBe(422);
  expect(reused.json()).toMatchObject({ code: 'idempotency_key_reused' });
  expect(reused.json().message).toContain('Idempotency-Key');
  expect(await rows(table)).toBe(before + 1);
  // Without a key nothing changes: the same body creates another record.
  const again = await post(client, url, body);
  expect(again.statusCode).not.toBe(422);
  return first.json();
}

beforeAll(async () => {
  // 1 September 2021: Shaoxing's window (until 30 September 2021) is open.
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  admin = await t.login('admin');
  const firm = await newApplicantUnit(t, '330603', 'idem-firm');
  applicant = firm.client;
  applicantUnitId = firm.unitId;
});
afterAll(async () => {
  await t.close();
});

describe('a retry with the same key returns the first answer and creates nothing', () => {
  it('ledger entries', async () => {
    await expectIdempotentCreate(applicant, '/api/v1/ledger', training(), ledgerEntries, training('另一场培训'));
  });

  it('units', async () => {
    const unit = buildUnit({ jurisdictionCode: '330603' });
    await expectIdempotentCreate(admin, '/api/v1/units', unit, units, { ...unit, name: '另一家公司' });
  });

  it('applications', async () => {
    const { client } = await newApplicantUnit(t, '330603', 'idem-app-firm');
    const assessment = (
      await client.post('/api/v1/self-assessments', {
        programmeId: await programmeId(client, 'shaoxing-2021'),
        kindId: 'point',
      })
    ).json();
    const saved = await client.patch(`/api/v1/self-assessments/${assessment.id}`, {
      version: assessment.version,
      answers: answerAll(assessment.rubric),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const key = randomUUID();
    const body = { selfAssessmentId: assessment.id };
    const first = await post(client, '/api/v1/applications', body, key);
    expect(first.statusCode, first.body).toBe(201);
    // Without the key the retry would be refused as a second live application (409); with it, the first answer.
    const retry = await post(client, '/api/v1/applications', body, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    const mine = await t.database.db
      .select({ n: count() })
      .from(applications)
      .where(eq(applications.selfAssessmentId, assessment.id));
    expect(mine[0]!.n).toBe(1);
    const reused = await post(client, '/api/v1/applications', { selfAssessmentId: randomUUID() }, key);
    expect(reused.statusCode).toBe(422);
  });

  it('evidence submissions', async () => {
    const digest = (text: string) => createHash('sha256').update(text).digest('hex');
    await expectIdempotentCreate(
      applicant,
      '/api/v1/evidence/entries',
      { algorithm: 'sha256', digest: digest('配方 v1'), label: '配方 v1' },
      evidenceSubmissions,
      { algorithm: 'sha256', digest: digest('配方 v2'), label: '配方 v2' },
      200,
    );
  });

  it('objections (anonymous: the key and the whole body must match)', async () => {
    const firm = await newApplicantUnit(t, '330603', 'idem-objected-firm');
    const submitted = await submittedApplication(firm.client, 'shaoxing-2021', 'point');
    const keqiao = await t.login('keqiao');
    const recommended = await keqiao.post(`/api/v1/applications/${submitted.id}/transitions`, {
      action: 'recommend',
      version: submitted.version,
      comment: '同意推荐。',
    });
    expect(recommended.statusCode, recommended.body).toBe(200);
    await markAcceptancePassed(t, submitted.id);
    setBusinessDate(t, '2021-09-28');
    const notice = await publish(await t.login('shaoxing'), 'shaoxing-2021', [submitted.id], '2021-09-28');
    const objection = (name: string) => ({
      applicationId: submitted.id,
      name,
      contact: '13805751234',
      reasons: '该企业曾因员工带走配方被侵权，未采取任何维权措施，不符合认定条件。',
    });
    const filed = await expectIdempotentCreate(
      t.anonymous,
      `/api/v1/publicity/${notice.id}/objections`,
      objection('张先生'),
      objections,
      objection('李女士'),
    );
    expect(filed.receiptCode).toMatch(/^[2-9A-HJKMNP-Z]{10}$/);
    setBusinessDate(t, '2021-09-01');
  });
});

describe('the key', () => {
  it('is refused when malformed, with a Chinese message', async () => {
    for (const key of ['short', 'has space in it', '键'.repeat(10), 'x'.repeat(129)]) {
      const res = await applicant.request({
        method: 'POST',
        url: '/api/v1/ledger',
        payload: training(),
        headers: { 'idempotency-key': encodeURIComponent(key) === key ? key : 'bad key!' },
      });
      expect(res.statusCode, key).toBe(400);
      expect(res.json()).toMatchObject({ code: 'idempotency_key_invalid' });
      expect(res.json().message).toContain('Idempotency-Key 请求头格式不正确');
    }
  });

  it("is the caller's: another user's request with the same key is a create of its own", async () => {
    const key = randomUUID();
    const mine = await post(applicant, '/api/v1/units', buildUnit({ jurisdictionCode: '330603' }), key);
    expect(mine.statusCode).toBe(403);
    const theirs = await post(admin, '/api/v1/units', buildUnit({ jurisdictionCode: '330603' }), key);
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('is remembered for a day, then purged', async () => {
    const key = randomUUID();
    const before = await rows(ledgerEntries);
    expect((await post(applicant, '/api/v1/ledger', training('过期测试'), key)).statusCode).toBe(201);
    await t.database.db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(idempotencyKeys.key, key));
    expect(await purgeExpiredKeys(t.database.db)).toBeGreaterThanOrEqual(1);
    const later = await post(applicant, '/api/v1/ledger', training('过期测试'), key);
    expect(later.statusCode).toBe(201);
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(await rows(ledgerEntries)).toBe(before + 2);
    // An expired key met before the purge is free as well.
    await t.database.db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(idempotencyKeys.key, key));
    const again = await post(applicant, '/api/v1/ledger', training('过期测试'), key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await rows(ledgerEntries)).toBe(before + 3);
  });
});

describe('concurrency and lost answers', () => {
  it('two concurrent requests with one key create one record', async () => {
    const key = randomUUID();
    const before = await rows(ledgerEntries);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => post(applicant, '/api/v1/ledger', training('并发培训'), key)),
    );
    expect(await rows(ledgerEntries)).toBe(before + 1);
    const created = answers.filter((a) => a.statusCode === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // The others either got the first answer or were told it is being processed.
    for (const a of created) expect(a.body).toBe(created[0]!.body);
    for (const a of answers.filter((x) => x.statusCode !== 201)) {
      expect(a.statusCode).toBe(409);
      expect(a.json()).toMatchObject({ code: 'idempotency_in_progress' });
      expect(a.json().message).toContain('正在处理');
    }
    const retry = await post(applicant, '/api/v1/ledger', training('并发培训'), key);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(created[0]!.body);
  });

  it('a create that committed but whose answer was lost is found by the retry, not made twice', async () => {
    // The create commits with its key exactly as over HTTP, but no answer is stored: the instance died, or the
    // connection dropped, between the commit and the answer.
    const me = (await applicant.get('/api/v1/auth/me')).json().user;
    const body = training('答复丢失的培训');
    const key = randomUUID();
    const ctx: RequestContext = {
      actor: me,
      ip: '127.0.0.1',
      userAgent: 'test',
      today: '2021-09-01',
      idempotency: newClaim({
        scope: `user:${me.id}`,
        route: 'POST /api/v1/ledger',
        key,
        fingerprint: requestFingerprint({ params: {}, query: {}, body }),
      }),
    };
    const before = await rows(ledgerEntries);
    const committed = await recordLedgerEntry(t.database.db, ctx, body as Parameters<typeof recordLedgerEntry>[2]);
    expect(await rows(ledgerEntries)).toBe(before + 1);
    const [stored] = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(stored).toMatchObject({ entityType: 'ledger_entry', entityId: committed.id, responseStatus: null });

    const retry = await post(applicant, '/api/v1/ledger', body, key);
    expect(retry.statusCode).toBe(409);
    expect(retry.json()).toMatchObject({ code: 'idempotency_in_progress' });
    expect(await rows(ledgerEntries)).toBe(before + 1);
    // Long after, the retry is told the create succeeded and its answer was lost.
    await t.database.db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now() - interval '10 minutes'` })
      .where(eq(idempotencyKeys.key, key));
    const later = await post(applicant, '/api/v1/ledger', body, key);
    expect(later.statusCode).toBe(409);
    expect(later.json()).toMatchObject({ reason: 'idempotency_answer_lost' });
    expect(later.json().message).toContain('已经处理成功');
    expect(await rows(ledgerEntries)).toBe(before + 1);
  });

  it('a refused create stores nothing under its key', async () => {
    const key = randomUUID();
    const refused = await post(applicant, '/api/v1/ledger', { ...training(), occurredOn: 'not-a-date' }, key);
    expect(refused.statusCode).toBe(400);
    const stored = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(stored).toHaveLength(0);
    // The same key may then carry the corrected submission: nothing was recorded under it.
    expect((await post(applicant, '/api/v1/ledger', training('改正后的培训'), key)).statusCode).toBe(201);
  });
});

/**
 * Every POST of the API is a create that honours the key unless listed here with its reason. A new POST is covered
 * by the mechanism without code of its own; listing one here is a decision someone has to write down.
 */
const NOT_A_CREATE = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/evidence/verify',
  'POST /api/v1/attachments',
  'POST /api/v1/publicity/{id}/attachments',
  // rights (issue 12)
  'POST /api/v1/rights/public/attachments',
  'POST /api/v1/rights/public/follow',
  'POST /api/v1/rights/overdue-notices',
].sort();

describe('every create operation of the OpenAPI document honours Idempotency-Key', () => {
  it('documents the header and refuses a malformed key, or is explicitly not a create', async () => {
    const doc = (await t.anonymous.get('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, { security?: unknown[]; parameters?: { in: string; name: string }[] }>>;
    };
    const posts = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => method === 'post')
        .map(([, op]) => ({ name: `POST ${path}`, path, op })),
    );
    expect(posts.length).toBeGreaterThan(25);
    expect(
      Object.keys(NOT_CREATES)
        .map((k) => k.replace(/:(\w+)/g, '{$1}'))
        .sort(),
    ).toEqual(NOT_A_CREATE);
    for (const name of NOT_A_CREATE) expect(posts.map((p) => p.name)).toContain(name);
    for (const { name, path, op } of posts) {
      const documented = (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'idempotency-key');
      if (NOT_A_CREATE.includes(name)) {
        expect(documented, name).toBe(false);
        continue;
      }
      expect(documented, `${name} documents Idempotency-Key`).toBe(true);
      const isPublic = Array.isArray(op.security) && op.security.length === 0;
      const url = path.replace(/\{[^}]+\}/g, randomUUID());
      const res = await post(isPublic ? t.anonymous : admin, url, {}, 'bad key!');
      expect(res.statusCode, `${name}: ${res.body}`).toBe(400);
      expect(res.json().code, name).toBe('idempotency_key_invalid');
    }
  });
});
