// @postgresql-only: rubric scoring through the use cases, no concurrency or raw SQL.
import dayjs from 'dayjs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, bases, units } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';

let t: TestApp;
let applicant: Client;
let putuoProgrammeId: string;

interface Gap {
  message: string;
}
const item = (evaluation: { indicators: { items: { id: string; awarded: number }[] }[] }, id: string) =>
  evaluation.indicators.flatMap((i) => i.items).find((i) => i.id === id)!;

beforeAll(async () => {
  t = await buildTestApp();
  applicant = await t.login('applicant1');
  const list = (await applicant.get('/api/v1/programs')).json().items;
  putuoProgrammeId = list.find(
    (p: { code: string; ownerJurisdictionCode: string }) => p.ownerJurisdictionCode === '310107',
  ).id;
});
afterAll(async () => {
  await t.close();
});

describe('self-assessment', () => {
  it('scores answers live against the rubric and checks the ledger itself, with gaps in plain Chinese', async () => {
    const created = await applicant.post('/api/v1/self-assessments', {
      programmeId: putuoProgrammeId,
      kindId: 'point',
    });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft.evaluation).toMatchObject({ form: 'scored', maxTotal: 100 });

    const saved = await applicant.patch(`/api/v1/self-assessments/${draft.id}`, {
      version: draft.version,
      answers: { 'i5.1': { score: 8, note: '已配备指导员' }, 'i4.1': { score: 8 } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    let detail = saved.json();
    // The applicant claims 8 points, but the ledger shows no guidance visit: the check gates the item to 0.
    expect(item(detail.evaluation, 'i5.1').awarded).toBe(0);
    expect(item(detail.evaluation, 'i4.1').awarded).toBe(8);
    expect(detail.evaluation.gaps.map((g: Gap) => g.message)).toContain('近12个月业务指导 0 次，要求不少于 2 次');

    // The Putuo bureau assigns itself as guide and records two visits.
    const putuo = await t.login('putuo');
    const officerId = (await putuo.get('/api/v1/auth/me')).json().user.id;
    await putuo.post(`/api/v1/units/${detail.unitId}/guides`, { guideId: officerId });
    for (const days of [30, 90]) {
      const visit = await putuo.post('/api/v1/ledger', {
        unitId: detail.unitId,
        kind: 'guidance_visit',
        occurredOn: dayjs().subtract(days, 'day').format('YYYY-MM-DD'),
        title: '商业秘密保护业务指导',
      });
      expect(visit.statusCode, visit.body).toBe(201);
    }
    detail = (await applicant.get(`/api/v1/self-assessments/${draft.id}`)).json();
    expect(detail.metrics['ledger.guidance_visits_12m']).toBe(2);
    expect(item(detail.evaluation, 'i5.1').awarded).toBe(8);
    expect(detail.evaluation.gaps.map((g: Gap) => g.message)).not.toContain('近12个月业务指导 0 次，要求不少于 2 次');
  });

  it("refuses scores above an item's points, kinds the unit may not apply for, and stale versions", async () => {
    const draft = (
      await applicant.post('/api/v1/self-assessments', { programmeId: putuoProgrammeId, kindId: 'point' })
    ).json();
    const tooHigh = await applicant.patch(`/api/v1/self-assessments/${draft.id}`, {
      version: draft.version,
      answers: { 'i4.1': { score: 9 } },
    });
    expect(tooHigh.statusCode).toBe(400);
    expect(tooHigh.json().fields[0].path).toContain('i4.1');
    const zone = await applicant.post('/api/v1/self-assessments', { programmeId: putuoProgrammeId, kindId: 'zone' });
    expect(zone.statusCode).toBe(400);
    expect(zone.json().fields[0].path).toBe('kindId');
    await applicant.patch(`/api/v1/self-assessments/${draft.id}`, { version: draft.version, answers: {} });
    const stale = await applicant.patch(`/api/v1/self-assessments/${draft.id}`, {
      version: draft.version,
      answers: {},
    });
    expect(stale.statusCode).toBe(409);
    // Found by the fuzzer: a version beyond the integer column answered 500 from the database.
    const huge = await applicant.patch(`/api/v1/self-assessments/${draft.id}`, { version: 2 ** 40, answers: {} });
    expect(huge.statusCode, huge.body).toBe(400);
    expect(huge.json().fields[0]).toEqual({ path: 'version', message: '版本号不正确' });
  });

  it('takes evidence from its own ledger and uploaded attachments only', async () => {
    const draft = (
      await applicant.post('/api/v1/self-assessments', { programmeId: putuoProgrammeId, kindId: 'point' })
    ).json();
    const unitId = (await applicant.get('/api/v1/auth/me')).json().user.unitId;
    const own = await (await t.login('putuo')).post('/api/v1/ledger', {
      unitId,
      kind: 'training',
      occurredOn: dayjs().subtract(1, 'month').format('YYYY-MM-DD'),
      title: '商业秘密保护培训',
      participants: 20,
    });
    const otherUnit = (await (await t.login('applicant2')).get('/api/v1/auth/me')).json().user.unitId;
    const foreign = await (await t.login('admin')).post('/api/v1/ledger', {
      unitId: otherUnit,
      kind: 'training',
      occurredOn: dayjs().subtract(1, 'month').format('YYYY-MM-DD'),
      title: '别家的培训',
    });
    const withForeign = await applicant.patch(`/api/v1/self-assessments/${draft.id}`, {
      version: draft.version,
      answers: {
        'i4.1': { score: 8, evidence: [{ type: 'ledger', entryId: own.json().id }] },
        'i5.1': { score: 8, evidence: [{ type: 'ledger', entryId: foreign.json().id }] },
        'i5.2': { evidence: [{ type: 'attachment', sha256: 'a'.repeat(64), fileName: 'x.pdf' }] },
      },
    });
    expect(withForeign.statusCode).toBe(400);
    expect(withForeign.json().fields).toEqual([
      { path: 'answers.i5.1.evidence', message: '所引用的台账记录不存在或不属于本单位' },
      { path: 'answers.i5.2.evidence', message: '附件不存在或不是本单位（本人）上传的，请重新上传' },
    ]);
    const ok = await applicant.patch(`/api/v1/self-assessments/${draft.id}`, {
      version: draft.version,
      answers: { 'i4.1': { score: 8, evidence: [{ type: 'ledger', entryId: own.json().id }] } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().answers['i4.1'].evidence).toHaveLength(1);
  });

  it("counts the certified bases of a park's tenants from the registry", async () => {
    const park = await t.login('applicant3');
    const parkId = (await park.get('/api/v1/auth/me')).json().user.unitId;
    const [tenant] = await t.database.db.select().from(units).where(eq(units.parkId, parkId));
    const programmes = (await park.get('/api/v1/programs')).json().items;
    const shijingshan = programmes.find((p: { code: string }) => p.code === 'shijingshan-2023').id;
    const before = (await park.post('/api/v1/self-assessments', { programmeId: shijingshan, kindId: 'zone' })).json();
    expect(before.metrics['registry.affiliated_points_district']).toBe(0);
    // A tenant certified as a district-level point (inserted directly: certification has its own tests).
    const [application] = await t.database.db
      .insert(applications)
      .values({ unitId: tenant!.id, programmeId: shijingshan, kindId: 'point', status: 'certified' })
      .returning();
    await t.database.db.insert(bases).values({
      applicationId: application!.id,
      unitId: tenant!.id,
      programmeId: shijingshan,
      kindId: 'point',
      title: '示范点',
      category: 'point',
      level: 'district',
      jurisdictionCode: '110107',
      industryCode: tenant!.industryCode,
      year: 2023,
      certificateNo: 'TEST-SJS-001',
      decisionForm: 'meeting',
      decidedOn: '2023-09-01',
      plaqueText: '示范点',
    });
    const after = (await park.get(`/api/v1/self-assessments/${before.id}`)).json();
    expect(after.metrics['registry.affiliated_points_district']).toBe(1);
    expect(after.metrics['registry.firms_protecting']).toBeGreaterThanOrEqual(1);
  });

  it('other units cannot read it; officers of the district can; experts cannot', async () => {
    const draft = (
      await applicant.post('/api/v1/self-assessments', { programmeId: putuoProgrammeId, kindId: 'point' })
    ).json();
    const listed = (await applicant.get('/api/v1/self-assessments')).json().items;
    expect(listed.find((a: { id: string }) => a.id === draft.id)).toMatchObject({
      baseKind: 'point',
      kindName: '示范点',
    });
    expect((await (await t.login('applicant2')).get(`/api/v1/self-assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await (await t.login('expert1')).get(`/api/v1/self-assessments/${draft.id}`)).statusCode).toBe(404);
    expect((await (await t.login('putuo')).get(`/api/v1/self-assessments/${draft.id}`)).statusCode).toBe(200);
    expect(
      (await (await t.login('putuo')).patch(`/api/v1/self-assessments/${draft.id}`, { version: 1, answers: {} }))
        .statusCode,
    ).toBe(403);
  });

  it("is open only to programmes of the unit's own jurisdiction or above", async () => {
    const open = (await applicant.get('/api/v1/programs?openToMyUnit=true')).json().items;
    const owners = new Set(open.map((p: { ownerJurisdictionCode: string }) => p.ownerJurisdictionCode));
    expect(owners.has('310107')).toBe(true);
    for (const foreign of ['110107', '330600', '420100']) expect(owners.has(foreign)).toBe(false);

    const all = (await applicant.get('/api/v1/programs')).json().items;
    const shijingshan = all.find((p: { ownerJurisdictionCode: string }) => p.ownerJurisdictionCode === '110107');
    const refused = await applicant.post('/api/v1/self-assessments', { programmeId: shijingshan.id, kindId: 'point' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      fields: [{ path: 'programmeId' }],
      reason: 'outside_programme_jurisdiction',
    });
    expect(refused.json().message).toContain('仅面向其辖区内的单位');

    const officer = await (await t.login('putuo')).get('/api/v1/programs?openToMyUnit=true');
    expect(officer.statusCode).toBe(400);
    expect((await applicant.get('/api/v1/programs?openToMyUnit=maybe')).statusCode).toBe(400);
  });

  it('a new self-assessment starts on the newest published version; drafts on the older one keep it', async () => {
    const older = (
      await applicant.post('/api/v1/self-assessments', { programmeId: putuoProgrammeId, kindId: 'point' })
    ).json();
    const shanghai = await t.login('shanghai');
    const clone = (await shanghai.post(`/api/v1/programs/${putuoProgrammeId}/clone`)).json();
    expect((await shanghai.post(`/api/v1/programs/${clone.id}/publish`)).statusCode).toBe(200);

    const stale = await applicant.post('/api/v1/self-assessments', { programmeId: putuoProgrammeId, kindId: 'point' });
    expect(stale.statusCode).toBe(400);
    expect(stale.json()).toMatchObject({ reason: 'programme_superseded' });
    expect(stale.json().message).toBe(`该工作方案已发布新版本（第 ${clone.version} 版），请按新版本自评`);
    const open = (await applicant.get('/api/v1/programs?openToMyUnit=true')).json().items;
    expect(open.filter((p: { code: string }) => p.code === clone.code).map((p: { id: string }) => p.id)).toEqual([
      clone.id,
    ]);
    expect(
      (await applicant.post('/api/v1/self-assessments', { programmeId: clone.id, kindId: 'point' })).statusCode,
    ).toBe(201);
    const kept = await applicant.patch(`/api/v1/self-assessments/${older.id}`, {
      version: older.version,
      answers: { 'i4.1': { score: 8 } },
    });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().programmeId).toBe(putuoProgrammeId);
  });
});

describe('metrics on the business date', () => {
  it('count the last 12 months back from the business date, not the server clock', async () => {
    const past = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15' } });
    try {
      const unit = await past.login('applicant1');
      const putuo = await past.login('putuo');
      const unitId = (await unit.get('/api/v1/auth/me')).json().user.unitId;
      const officerId = (await putuo.get('/api/v1/auth/me')).json().user.id;
      await putuo.post(`/api/v1/units/${unitId}/guides`, { guideId: officerId });
      // Inside the 12 months before 2022-03-15, before them, and after the business date.
      for (const occurredOn of ['2021-06-01', '2022-03-01', '2021-03-01', '2022-06-01']) {
        const visit = await putuo.post('/api/v1/ledger', {
          unitId,
          kind: 'guidance_visit',
          occurredOn,
          title: '商业秘密保护业务指导',
        });
        expect(visit.statusCode, visit.body).toBe(201);
      }
      const programmes = (await unit.get('/api/v1/programs?openToMyUnit=true')).json().items;
      const programmeId = programmes.find((p: { code: string }) => p.code === 'putuo-2022').id;
      const draft = (await unit.post('/api/v1/self-assessments', { programmeId, kindId: 'point' })).json();
      expect(draft.metrics['ledger.guidance_visits_12m']).toBe(2);
    } finally {
      await past.close();
    }
  });
});
