// @postgresql-only: the 401 is answered before any query; the walkers cover every operation on both databases.
/**
 * Anonymous callers are told to log in (401) on every operation that is not public, before any validation: the
 * operations come from the OpenAPI document, so a new endpoint is covered the day it is added. The public operations
 * are those the policy table makes public and must be exactly the ones the document marks public (`security: []`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { grantedRoles, POLICIES } from './policy-table';

/** The public operations are those the policy table (test/policy-table.ts) grants to anonymous callers. */
const PUBLIC_OPERATIONS = Object.entries(POLICIES)
  .filter(([, policy]) => grantedRoles(policy).has('anonymous'))
  .map(([name]) => name)
  .sort();

interface Operation {
  name: string;
  method: string;
  path: string;
  public: boolean;
}

/** Input that every schema refuses: ids that are no uuid, a body of the wrong shape. */
const badUrl = (path: string) => path.replace(/\{[^}]+\}/g, 'not-an-id');

describe('anonymous callers', () => {
  let t: TestApp;
  let operations: Operation[];
  beforeAll(async () => {
    t = await buildTestApp();
    const doc = (await t.anonymous.get('/api/v1/openapi.json')).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        name: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        public: Array.isArray(op.security) && op.security.length === 0,
      })),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  it('sees as public exactly the listed operations', () => {
    expect(operations.length).toBeGreaterThan(80);
    const documented = operations.filter((op) => op.public).map((op) => op.name);
    expect(documented.filter((name) => name !== 'GET /api/v1/health').sort()).toEqual(
      PUBLIC_OPERATIONS.filter((name) => name !== 'GET /api/v1/health'),
    );
  });

  it('gets 401 on every other operation, before its input is validated', async () => {
    const answers: string[] = [];
    for (const op of operations.filter((o) => !o.public)) {
      const res = await t.anonymous.request({
        method: op.method as 'GET',
        url: `${badUrl(op.path)}?page=-1&pageSize=x`,
        ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { payload: { unexpected: true, creditCode: '1' } }),
      });
      answers.push(`${op.name} → ${res.statusCode} ${res.json().code}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 401 unauthenticated'))).toEqual([]);
  });

  it('is told to log in, not what a field should hold (POST /units with a bad credit code)', async () => {
    const res = await t.anonymous.post('/api/v1/units', { name: '某公司', creditCode: '91310107MA1G00000X' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'unauthenticated', message: expect.any(String) });
  });

  it('still validates the input of public operations and of logged-in callers', async () => {
    expect((await t.anonymous.get('/api/v1/publicity/not-an-id')).statusCode).toBe(400);
    expect((await t.anonymous.get('/api/v1/health')).statusCode).toBe(200);
    const officer = await t.login('putuo');
    const res = await officer.post('/api/v1/units', { name: '某公司', creditCode: '1' });
    expect(res.statusCode).toBe(400);
  });
});
