/**
 * The authorisation matrix: every operation of the OpenAPI document, called as every role on one realistic subject of
 * each kind (test/helpers/subjects.ts), answers as the policy table (test/policy-table.ts) says — granted (anything
 * but 401, 403, 404: a 400 or 409 for a permitted caller is a refusal of the input or the state, not of the caller)
 * or denied (401 without a session, else 403, or 404 for records outside the caller's scope). An operation without a
 * line in the table fails here, so no endpoint lands without a policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './helpers/app';
import { listOperations, type Operation, requestOf } from './helpers/operations';
import { buildSubjects, ROLES, type Subjects } from './helpers/subjects';
import { grantedRoles, POLICIES } from './policy-table';

/** Operations that undo a permitted call's effect before the next role's call (so each role meets the same state). */
const BEFORE_EACH_CALL: Record<string, (t: TestApp, s: Subjects) => Promise<void>> = {
  // A rectification follows up a review that asked for one (a second review of the year is a harmless 409).
  'POST /api/v1/registry/{certificateNo}/reviews/{year}/rectification': async (_t, s) => {
    await s.clients.admin.post(`/api/v1/registry/${s.certificateNo}/reviews`, {
      year: 2021,
      outcome: 'rectify',
      rectifyBy: '2099-12-31',
      findings: '矩阵测试复核',
      judgments: [
        { id: 'm8', met: true },
        { id: 'm10', met: true },
      ],
    });
  },
  'DELETE /api/v1/units/{id}/guides/{guideId}': async (_t, s) => {
    await s.clients.officer.post(`/api/v1/units/${s.unitId}/guides`, { guideId: s.guideId });
  },
  'DELETE /api/v1/calendar/overrides/{date}': async (_t, s) => {
    await s.clients.admin.request({
      method: 'PUT',
      url: '/api/v1/calendar/overrides/2021-12-25',
      payload: { workday: false },
    });
  },
};

/**
 * Lists answer every caller, scoped: a caller who may not read the subject (by the policy of its own operation) must
 * not find it in the list either.
 */
const LISTED_SUBJECTS: Record<string, { readBy: string; id: keyof Subjects }> = {
  'GET /api/v1/units': { readBy: 'GET /api/v1/units/{id}', id: 'unitId' },
  'GET /api/v1/self-assessments': { readBy: 'GET /api/v1/self-assessments/{id}', id: 'assessmentId' },
  'GET /api/v1/applications': { readBy: 'GET /api/v1/applications/{id}', id: 'applicationId' },
  'GET /api/v1/panel-results': { readBy: 'GET /api/v1/applications/{id}', id: 'applicationId' },
  'GET /api/v1/ledger': { readBy: 'GET /api/v1/ledger/{id}/attachments/{attachmentId}', id: 'ledgerId' },
  'GET /api/v1/objections': { readBy: 'GET /api/v1/objections/{id}/attachments/{sha256}', id: 'objectionId' },
  'GET /api/v1/conflicts': { readBy: 'POST /api/v1/conflicts/{id}/decision', id: 'conflictId' },
  'GET /api/v1/evidence/entries': { readBy: 'GET /api/v1/units/{id}', id: 'evidenceEntryId' },
  'GET /api/v1/attack-assessments': { readBy: 'GET /api/v1/attack-assessments/{id}', id: 'attackId' },
  'GET /api/v1/trainings': { readBy: 'GET /api/v1/trainings/{id}', id: 'trainingId' },
};

/** Operations whose call ends the caller's session: called with a fresh one. */
const ENDS_SESSION = new Set(['POST /api/v1/auth/logout']);

describe('authorisation matrix', () => {
  let t: TestApp;
  let s: Subjects;
  let operations: Operation[];

  beforeAll(async () => {
    t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01', BUSINESS_DATE_ADJUSTABLE: '1' } });
    s = await buildSubjects(t);
    operations = await listOperations(t);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('has a policy for every operation, and none for an operation that no longer exists', () => {
    const names = operations.map((op) => op.name);
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((name) => !(name in POLICIES))).toEqual([]);
    expect(Object.keys(POLICIES).filter((name) => !names.includes(name))).toEqual([]);
  });

  it('marks public in the OpenAPI document exactly the operations the table makes public', () => {
    const tablePublic = Object.entries(POLICIES)
      .filter(([, policy]) => grantedRoles(policy).has('anonymous'))
      .map(([name]) => name)
      .sort();
    expect(
      operations
        .filter((op) => op.public)
        .map((op) => op.name)
        .sort(),
    ).toEqual(tablePublic);
  });

  it('grants and denies every operation to every role as the table says', { timeout: 300_000 }, async () => {
    const mismatches: string[] = [];
    // Writes that delete come last, so the other operations meet the fixture whole.
    const ordered = [...operations].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    const timings: [string, number][] = [];
    for (const op of ordered) {
      const started = performance.now();
      const policy = POLICIES[op.name];
      if (policy === undefined) continue; // reported by the first test
      const granted = grantedRoles(policy);
      // Refused roles first, so a permitted write cannot change what they are refused on.
      const roles = [...ROLES].sort((a, b) => Number(granted.has(a)) - Number(granted.has(b)));
      for (const role of roles) {
        await BEFORE_EACH_CALL[op.name]?.(t, s);
        const client = ENDS_SESSION.has(op.name) ? await s.freshClient(role) : s.clients[role];
        const res = await client.request(requestOf(op, s));
        const status = res.statusCode;
        // A public operation's 401 refuses the credentials in its body (a login step), not the caller: granted.
        const denied = (status === 401 && !granted.has('anonymous')) || status === 403 || status === 404;
        const expected = granted.has(role) ? 'granted' : 'denied';
        const cell = `${op.name} as ${role}: ${status} ${res.body.slice(0, 160)}`;
        if (status >= 500) mismatches.push(`5xx ${cell}`);
        else if (expected === 'granted' && denied) mismatches.push(`expected granted, ${cell}`);
        else if (expected === 'denied' && !denied) mismatches.push(`expected denied, ${cell}`);
        else if (expected === 'denied' && role === 'anonymous' && status !== 401)
          mismatches.push(`expected 401, ${cell}`);
        else if (expected === 'denied' && role !== 'anonymous' && status === 401)
          mismatches.push(`expected 403/404 for a logged-in caller, ${cell}`);
        const listed = LISTED_SUBJECTS[op.name];
        if (listed && status === 200 && !grantedRoles(POLICIES[listed.readBy]!).has(role)) {
          if (res.body.includes(String(s[listed.id]))) mismatches.push(`lists a record it may not read: ${cell}`);
        }
        if (denied) {
          const body = res.json() as { code?: unknown; message?: unknown };
          if (
            typeof body.code !== 'string' ||
            typeof body.message !== 'string' ||
            !/\p{Script=Han}/u.test(body.message)
          )
            mismatches.push(`denial without a Chinese { code, message }: ${cell}`);
        }
      }
      timings.push([op.name, performance.now() - started]);
    }
    if (process.env.MATRIX_TIMING) console.log(timings.sort((a, b) => b[1] - a[1]).slice(0, 15));
    expect(mismatches).toEqual([]);
  });
});
