/**
 * Property-based fuzzing of every operation's body and query, from the OpenAPI document's schemas (fast-check), as a
 * caller the policy table permits, on the matrix's subjects: never a 5xx; every 4xx is JSON `{ code, message }` with
 * a Chinese message; a refused request leaves the stored data exactly as it was (a digest of every table before and
 * after); nothing reaches Object.prototype.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { bodyArb, dataDigest, queryArb } from './helpers/fuzz';
import { listOperations, type Operation, requestOf } from './helpers/operations';
import { buildSubjects, type Role, type Subjects } from './helpers/subjects';
import { grantedRoles, POLICIES } from './policy-table';

/** Whom to fuzz an operation as: the first permitted role in this order (the owner reaches the most code). */
const PREFERENCE: Role[] = [
  'officerAbove',
  'applicant',
  'expertAssigned',
  'admin',
  'officer',
  'officerForeign',
  'applicantOther',
  'expertOther',
  'anonymous',
];

/** Refusals recorded on purpose: a failed login is audited (and counted for the rate limit). */
const REFUSAL_WRITES = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/second-factor',
  'POST /api/v1/auth/second-factor/confirmation',
  'POST /api/v1/auth/second-factor/disable',
]);

/** Operations that end the caller's session: fuzzed with a fresh one each run. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout']);

const RUNS_WITH_INPUT = Number(process.env.FUZZ_RUNS ?? 12);
const RUNS_WITHOUT_INPUT = 3;

describe('fuzzing every operation', () => {
  let t: TestApp;
  let s: Subjects;
  let operations: Operation[];
  let ids: string[];

  beforeAll(async () => {
    t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01', BUSINESS_DATE_ADJUSTABLE: '1' } });
    s = await buildSubjects(t);
    operations = await listOperations(t);
    ids = Object.values(s).filter((v): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/.test(v));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('answers every body and query without a 5xx, refuses in Chinese and changes nothing when it refuses', {
    timeout: 600_000,
  }, async () => {
    const failures: string[] = [];
    let digest = await dataDigest(t.database);
    for (const op of operations) {
      // An operation without a policy fails the matrix; here it is fuzzed as the administrator.
      const roles = grantedRoles(POLICIES[op.name] ?? 'admin');
      const role = PREFERENCE.find((r) => roles.has(r)) ?? 'admin';
      const takesBody = op.body !== undefined || op.multipart;
      const input = fc.record({
        body: op.body ? bodyArb(op.body, ids) : fc.constant(undefined),
        query: op.query.length ? queryArb(op.query, ids) : fc.constant(''),
      });
      const runs = takesBody || op.query.length ? RUNS_WITH_INPUT : RUNS_WITHOUT_INPUT;
      await fc.assert(
        fc.asyncProperty(input, async ({ body, query }) => {
          const base = requestOf(op, s, { body: undefined, query });
          const options: InjectOptions =
            op.body && body !== undefined
              ? { ...base, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
              : base;
          const client = ENDS_SESSION.has(op.name) ? await s.freshClient(role) : s.clients[role];
          const res = await client.request(options);
          const cell = `${op.name} as ${role} (${res.statusCode}) ${options.url} ${String(options.payload ?? '').slice(0, 200)} → ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) failures.push(`5xx: ${cell}`);
          if (res.statusCode >= 400) {
            let answer: { code?: unknown; message?: unknown } = {};
            try {
              answer = res.json();
            } catch {
              // Not JSON: reported below.
            }
            if (
              typeof answer.code !== 'string' ||
              typeof answer.message !== 'string' ||
              !/\p{Script=Han}/u.test(answer.message)
            )
              failures.push(`not a Chinese { code, message }: ${cell}`);
            const after = await dataDigest(t.database);
            if (after !== digest && !REFUSAL_WRITES.has(op.name)) failures.push(`data changed on refusal: ${cell}`);
            digest = after;
          } else {
            digest = await dataDigest(t.database);
          }
          if ((Object.prototype as Record<string, unknown>).polluted !== undefined)
            failures.push(`Object.prototype polluted: ${cell}`);
        }),
        { numRuns: runs, seed: Number(process.env.FUZZ_SEED ?? 20261207), endOnFailure: true },
      );
    }
    expect(failures).toEqual([]);
  });

  it('has a digest that sees a committed change (so "unchanged" above means something)', async () => {
    const before = await dataDigest(t.database);
    const res = await s.clients.admin.request({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2031-05-06',
      payload: { workday: false, note: '调休' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await dataDigest(t.database)).not.toBe(before);
  });
});
