// @postgresql-only: target counts through the use cases, no concurrency or raw SQL.
/**
 * Targets (建设任务, 002 annex 1, 001, 000): per jurisdiction, the bases certified in its subtree that count (kind,
 * level, period; revoked ones do not), the applications under way, and rows rolled up to the owner when the
 * programme lists only its sub-jurisdictions.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, newApplicantUnit, programmeId, submittedApplication } from './helpers/applications';
import {
  markAcceptancePassed,
  readApplication,
  setBusinessDate,
  shaoxingApproved,
  shaoxingDecision,
} from './helpers/bases';

let t: TestApp;
let shaoxing: Client;

interface Row {
  jurisdictionCode: string;
  subject: string;
  kind: string | null;
  level: string | null;
  due: string;
  atLeast: number;
  rolledUp: boolean;
  certified: number | null;
  inProgress: number | null;
  state: string;
  label: string | null;
}

async function targets(client: Client, id: string) {
  const res = await client.get(`/api/v1/targets?programmeId=${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: Row[]; asOf: string };
}

const find = (rows: Row[], code: string, level: string | null, due = '2021-12-31', subject = 'base') =>
  rows.filter((r) => r.jurisdictionCode === code && r.level === level && r.due === due && r.subject === subject);

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  shaoxing = await t.login('shaoxing');
  // Two Keqiao bases certified on 15 October 2021, one of them revoked on 1 December 2021; a third firm's
  // application submitted and under way.
  const kept = await shaoxingApproved(t, await t.login('applicant2'));
  const lost = await shaoxingApproved(t, (await newApplicantUnit(t, '330603', 'keqiao-firm-t1')).client);
  setBusinessDate(t, '2021-09-01');
  await submittedApplication((await newApplicantUnit(t, '330603', 'keqiao-firm-t2')).client, 'shaoxing-2021', 'point');
  setBusinessDate(t, '2021-10-20');
  await act(shaoxing, kept, 'certify', { decision: shaoxingDecision(3, '2021-10-15') });
  const certified = await act(shaoxing, lost, 'certify', { decision: shaoxingDecision(3, '2021-10-15') });
  setBusinessDate(t, '2021-12-05');
  await act(shaoxing, certified, 'revoke', {
    revocation: { ground: 'serious_dishonesty', revokedOn: '2021-12-01', document: '绍市监管竞争〔2021〕30号' },
  });
});
afterAll(async () => {
  await t.close();
});

describe('targets', () => {
  it('count certified bases in each jurisdiction’s subtree, not revoked ones, and the applications under way', async () => {
    const { rows, asOf } = await targets(shaoxing, await programmeId(shaoxing, 'shaoxing-2021'));
    expect(asOf).toBe('2021-12-05');
    expect(find(rows, '330603', 'municipal')).toMatchObject([
      {
        atLeast: 5,
        certified: 1,
        inProgress: 1,
        rolledUp: false,
        state: 'open',
        label: expect.stringContaining('柯桥区'),
      },
    ]);
    expect(find(rows, '330602', 'municipal')).toMatchObject([{ atLeast: 5, certified: 0, inProgress: 0 }]);
    expect(find(rows, '330603', 'provincial')).toMatchObject([{ atLeast: 1, certified: 0 }]);
    // The city's total (合计) counts the whole city; so does the 14th five-year-plan target.
    expect(find(rows, '330600', 'municipal')).toMatchObject([
      { atLeast: 30, certified: 1, inProgress: 1, label: '合计' },
    ]);
    expect(find(rows, '330600', 'municipal', '2025-12-31')).toMatchObject([{ atLeast: 150, certified: 1 }]);
    // Standard adopters (贯标企业) count confirmed declarations (test/people.test.ts walks one through).
    expect(find(rows, '330603', null, '2021-12-31', 'standard_adopter')).toMatchObject([
      { atLeast: 20, certified: 0, inProgress: 0, state: 'open' },
    ]);
    expect(rows.some((r) => r.rolledUp)).toBe(false);

    setBusinessDate(t, '2022-01-05');
    const later = await targets(shaoxing, await programmeId(shaoxing, 'shaoxing-2021'));
    expect(find(later.rows, '330603', 'municipal')[0]!.state).toBe('overdue');
  });

  it('roll up to the owner when the programme lists only the counties', async () => {
    const yaml = readFileSync('programs/shaoxing-2021.yaml', 'utf8')
      .split('\n')
      .filter((line) => !line.includes('label: 合计'))
      .join('\n');
    const draft = await shaoxing.post('/api/v1/programs', { yaml });
    expect(draft.statusCode, draft.body).toBe(201);
    const { rows } = await targets(shaoxing, draft.json().id);
    expect(find(rows, '330600', 'municipal')).toMatchObject([
      { atLeast: 30, certified: 1, inProgress: 1, rolledUp: true, label: null },
    ]);
    expect(find(rows, '330600', 'provincial')).toMatchObject([{ atLeast: 6, rolledUp: true }]);
    // Drafts are for those who manage the programme.
    expect((await (await t.login('keqiao')).get(`/api/v1/targets?programmeId=${draft.json().id}`)).statusCode).toBe(
      404,
    );
  });

  it('count bases certified under other bureaus’ programmes (001: city and district levels together)', async () => {
    setBusinessDate(t, '2022-03-15');
    const putuo = await t.login('putuo');
    const submitted = await submittedApplication(await t.login('applicant1'), 'putuo-2022', 'point');
    await markAcceptancePassed(t, submitted.id);
    setBusinessDate(t, '2022-04-25');
    const approved = await act(putuo, await readApplication(putuo, submitted.id), 'approve');
    await act(putuo, approved, 'certify', { decision: { form: 'meeting', decidedOn: '2022-04-25' } });

    const own = await targets(putuo, await programmeId(putuo, 'putuo-2022'));
    expect(own.rows.filter((r) => r.jurisdictionCode === '310107' && r.kind === 'point')).toMatchObject([
      { level: 'district', atLeast: 6, certified: 1, state: 'open' },
    ]);
    const city = await targets(putuo, await programmeId(putuo, 'shanghai-2022'));
    expect(city.rows.filter((r) => r.kind === 'point')).toMatchObject([
      { jurisdictionCode: '310000', level: null, atLeast: 100, certified: 1 },
    ]);
    expect(city.rows.filter((r) => r.kind === 'station')).toMatchObject([{ certified: 0 }]);
  });

  it('are for logged-in users, about a programme they may read', async () => {
    const id = await programmeId(shaoxing, 'shaoxing-2021');
    expect((await t.anonymous.get(`/api/v1/targets?programmeId=${id}`)).statusCode).toBe(401);
    expect((await shaoxing.get('/api/v1/targets?programmeId=00000000-0000-4000-8000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await shaoxing.get('/api/v1/targets')).statusCode).toBe(400);
  });
});
