/**
 * Contact firms (联系企业) with their log, last contact and next due; standard adopters (贯标企业) declared by a
 * unit, confirmed by its county bureau and counted towards the targets. Denials for every endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { newApplicantUnit, programmeId } from './helpers/applications';
import { setBusinessDate } from './helpers/bases';
import { pdf, upload } from './helpers/subjects';

let t: TestApp;
let admin: Client;
let shaoxing: Client;
let keqiao: Client;
let putuo: Client;
let applicant1: Client;
let applicant2: Client;
let unitId: string;
let keqiaoId: string;

const me = async (client: Client) => (await client.get('/api/v1/auth/me')).json().user.id as string;

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  admin = await t.login('admin');
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  putuo = await t.login('putuo');
  applicant1 = await t.login('applicant1');
  applicant2 = await t.login('applicant2');
  unitId = (await applicant2.get('/api/v1/units')).json().items[0].id;
  keqiaoId = await me(keqiao);
});
afterAll(async () => {
  await t.close();
});

describe('contact firms', () => {
  let firm: { id: string; version: number };

  it('a bureau designates a firm with a liaison officer; the next contact is due after the interval', async () => {
    const body = { unitId, liaisonOfficerId: keqiaoId, contactName: '李晓红', contactPosition: '法务经理' };
    // Refused: another bureau (404), a unit, an expert, the anonymous; a liaison outside the bureau's reach.
    expect((await putuo.post('/api/v1/contact-firms', body)).statusCode).toBe(404);
    expect((await applicant2.post('/api/v1/contact-firms', body)).statusCode).toBe(403);
    expect((await (await t.login('expert1')).post('/api/v1/contact-firms', body)).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/contact-firms', body)).statusCode).toBe(401);
    const foreignLiaison = await keqiao.post('/api/v1/contact-firms', { ...body, liaisonOfficerId: await me(putuo) });
    expect(foreignLiaison.statusCode).toBe(400);
    expect(foreignLiaison.json().fields[0].path).toBe('liaisonOfficerId');
    const aboveLiaison = await keqiao.post('/api/v1/contact-firms', { ...body, liaisonOfficerId: await me(shaoxing) });
    expect(aboveLiaison.statusCode).toBe(400);
    const notOfficer = await keqiao.post('/api/v1/contact-firms', { ...body, liaisonOfficerId: await me(applicant2) });
    expect(notOfficer.statusCode).toBe(400);
    expect((await keqiao.get('/api/v1/contact-firms')).json().total).toBe(0);

    const created = await keqiao.post('/api/v1/contact-firms', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      liaisonName: expect.any(String),
      designatedOn: '2021-09-01',
      intervalDays: 90,
      lastContactOn: null,
      nextDueOn: '2021-11-30',
      due: false,
    });
    firm = created.json();
    const again = await shaoxing.post('/api/v1/contact-firms', body);
    expect(again.statusCode).toBe(409);
  });

  it('logs contacts; the list per district shows last contact and next due', async () => {
    const url = `/api/v1/contact-firms/${firm.id}/contacts`;
    const log = {
      contactedOn: '2021-08-30',
      way: 'visit',
      content: '上门指导开展商业秘密风险评估，协助完善保密制度。',
    };
    expect((await putuo.post(url, log)).statusCode).toBe(404);
    expect((await applicant2.post(url, log)).statusCode).toBe(403);
    expect((await keqiao.post(url, { ...log, contactedOn: '2021-09-02' })).statusCode).toBe(400);
    const logged = await keqiao.post(url, log);
    expect(logged.statusCode, logged.body).toBe(201);
    expect(logged.json()).toMatchObject({ lastContactOn: '2021-08-30', nextDueOn: '2021-11-28' });
    expect(logged.json().contacts).toHaveLength(1);

    const district = (await shaoxing.get('/api/v1/contact-firms?jurisdictionCode=330603')).json();
    expect(district.items.map((f: { unitId: string }) => f.unitId)).toEqual([unitId]);
    expect((await shaoxing.get('/api/v1/contact-firms?jurisdictionCode=330602')).json().total).toBe(0);
    expect((await putuo.get('/api/v1/contact-firms')).json().total).toBe(0);
    expect((await putuo.get(`/api/v1/contact-firms/${firm.id}`)).statusCode).toBe(404);
    expect((await applicant2.get('/api/v1/contact-firms')).statusCode).toBe(403);
    expect((await shaoxing.get('/api/v1/contact-firms?due=true')).json().total).toBe(0);
    setBusinessDate(t, '2021-12-01');
    const due = (await shaoxing.get('/api/v1/contact-firms?due=true')).json();
    expect(due.items).toHaveLength(1);
    expect(due.items[0].due).toBe(true);
    setBusinessDate(t, '2021-09-01');
  });

  it('edits with the version read, by bureaus over the firm only', async () => {
    const url = `/api/v1/contact-firms/${firm.id}`;
    const current = (await keqiao.get(url)).json();
    expect((await putuo.patch(url, { version: current.version, intervalDays: 30 })).statusCode).toBe(404);
    expect((await applicant2.patch(url, { version: current.version, intervalDays: 30 })).statusCode).toBe(403);
    const edited = await shaoxing.patch(url, { version: current.version, intervalDays: 30 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ intervalDays: 30, nextDueOn: '2021-09-29' });
    expect((await keqiao.patch(url, { version: current.version, intervalDays: 60 })).statusCode).toBe(409);
  });

  it('the firm sees that it is a contact firm, its liaison and the entries meant for it; nobody else does', async () => {
    const url = `/api/v1/contact-firms/${firm.id}/contacts`;
    const shared = await keqiao.post(url, {
      contactedOn: '2021-09-01',
      way: 'phone',
      content: '提醒贵单位按期完成保密制度修订，并报名参加商业秘密保护大讲堂。',
      sharedWithFirm: true,
    });
    expect(shared.statusCode, shared.body).toBe(201);
    const own = await applicant2.get(`/api/v1/units/${unitId}/contact-firm`);
    expect(own.statusCode, own.body).toBe(200);
    const seen = own.json().contactFirm;
    expect(seen).toMatchObject({ active: true, liaisonName: expect.any(String), contactName: '李晓红' });
    // Only the entry meant for the firm; the internal visit note stays with the bureau.
    expect(seen.contacts.map((c: { content: string }) => c.content)).toEqual([
      '提醒贵单位按期完成保密制度修订，并报名参加商业秘密保护大讲堂。',
    ]);
    expect(JSON.stringify(seen)).not.toContain('风险评估');
    expect(seen).not.toHaveProperty('note');
    const inbox = (await applicant2.get('/api/v1/notifications')).json().items;
    expect(inbox[0]).toMatchObject({ title: '联络员记录了一次联系', link: '/my-unit' });

    // Another unit sees nothing of it: 404 for this unit, and its own unit is no contact firm.
    expect((await applicant1.get(`/api/v1/units/${unitId}/contact-firm`)).statusCode).toBe(404);
    const otherUnit = (await applicant1.get('/api/v1/units')).json().items[0].id;
    expect((await applicant1.get(`/api/v1/units/${otherUnit}/contact-firm`)).json()).toEqual({ contactFirm: null });
    expect((await putuo.get(`/api/v1/units/${unitId}/contact-firm`)).statusCode).toBe(404);
    expect((await (await t.login('expert1')).get(`/api/v1/units/${unitId}/contact-firm`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/units/${unitId}/contact-firm`)).statusCode).toBe(401);
    expect((await shaoxing.get(`/api/v1/units/${unitId}/contact-firm`)).statusCode).toBe(200);
  });

  it('offers as liaison exactly the officers the designation accepts', async () => {
    const url = `/api/v1/units/${unitId}/liaison-candidates`;
    const offered = (await keqiao.get(url)).json().items as { id: string }[];
    expect(offered.map((o) => o.id)).toContain(keqiaoId);
    expect(offered.map((o) => o.id)).not.toContain(await me(shaoxing));
    expect(offered.map((o) => o.id)).not.toContain(await me(putuo));
    // Every one offered is accepted by the same rule the designation checks.
    const spare = await newApplicantUnit(t, '330603', 'liaison-offered');
    for (const candidate of offered) {
      const res = await keqiao.post('/api/v1/contact-firms', {
        unitId: spare.unitId,
        liaisonOfficerId: candidate.id,
        contactName: '王某',
      });
      expect([201, 409]).toContain(res.statusCode);
    }
    const fromCity = (await shaoxing.get(url)).json().items.map((o: { id: string }) => o.id);
    expect(fromCity).toEqual(expect.arrayContaining([keqiaoId, await me(shaoxing)]));
    expect((await putuo.get(url)).statusCode).toBe(404);
    expect((await applicant2.get(url)).statusCode).toBe(403);
    expect((await t.anonymous.get(url)).statusCode).toBe(401);
  });
});

describe('standard adopters', () => {
  let evidence: { sha256: string; fileName: string };
  let adoption: { id: string; version: number };
  const body = () => ({
    adoptedOn: '2021-06-01',
    statement: '本单位按《商业秘密保护管理与服务规范》建立了商业秘密管理制度、分级标识与涉密人员管理。',
    attachments: [evidence],
  });

  it('a unit declares with evidence; refusals change nothing', async () => {
    evidence = await upload(applicant2, '贯标自评报告.pdf', pdf('adoption evidence'));
    expect((await applicant2.post('/api/v1/standard-adoptions', { ...body(), attachments: [] })).statusCode).toBe(400);
    // Another unit cannot cite this unit's file; officers do not declare.
    expect((await applicant1.post('/api/v1/standard-adoptions', body())).statusCode).toBe(400);
    expect((await keqiao.post('/api/v1/standard-adoptions', body())).statusCode).toBe(403);
    expect((await t.anonymous.post('/api/v1/standard-adoptions', body())).statusCode).toBe(401);
    const declared = await applicant2.post('/api/v1/standard-adoptions', body());
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({
      status: 'declared',
      standard: '商业秘密保护管理与服务规范',
      decidable: false,
    });
    adoption = declared.json();
    expect((await applicant2.post('/api/v1/standard-adoptions', body())).statusCode).toBe(409);
    expect((await applicant2.get('/api/v1/standard-adoptions')).json().total).toBe(1);
    expect((await applicant1.get('/api/v1/standard-adoptions')).json().total).toBe(0);
    expect((await putuo.get('/api/v1/standard-adoptions')).json().total).toBe(0);
    expect((await (await t.login('expert1')).get('/api/v1/standard-adoptions')).statusCode).toBe(403);

    const file = `/api/v1/standard-adoptions/${adoption.id}/attachments/${evidence.sha256}`;
    expect((await applicant2.get(file)).statusCode).toBe(200);
    expect((await keqiao.get(file)).statusCode).toBe(200);
    expect((await applicant1.get(file)).statusCode).toBe(404);
    expect((await putuo.get(file)).statusCode).toBe(404);
  });

  it('its county bureau confirms; confirmed adopters count towards the targets', async () => {
    const url = `/api/v1/standard-adoptions/${adoption.id}/decision`;
    const confirm = { status: 'confirmed', version: adoption.version };
    expect((await shaoxing.post(url, confirm)).statusCode).toBe(403);
    expect((await putuo.post(url, confirm)).statusCode).toBe(404);
    expect((await applicant2.post(url, confirm)).statusCode).toBe(403);
    expect((await keqiao.post(url, { ...confirm, version: 999 })).statusCode).toBe(409);
    expect((await keqiao.get('/api/v1/standard-adoptions?status=declared')).json().items[0].decidable).toBe(true);

    const targetsOf = async () =>
      (await shaoxing.get(`/api/v1/targets?programmeId=${await programmeId(shaoxing, 'shaoxing-2021')}`)).json()
        .rows as { jurisdictionCode: string; subject: string; due: string; certified: number; inProgress: number }[];
    const adopterRow = (rows: Awaited<ReturnType<typeof targetsOf>>, code: string) =>
      rows.find((r) => r.jurisdictionCode === code && r.subject === 'standard_adopter' && r.due === '2021-12-31')!;
    expect(adopterRow(await targetsOf(), '330603')).toMatchObject({ certified: 0, inProgress: 1 });

    const confirmed = await keqiao.post(url, confirm);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', decidedOn: '2021-09-01' });
    expect((await keqiao.post(url, { ...confirm, version: confirmed.json().version })).statusCode).toBe(409);

    const rows = await targetsOf();
    expect(adopterRow(rows, '330603')).toMatchObject({ certified: 1, inProgress: 0 });
    expect(adopterRow(rows, '330600')).toMatchObject({ certified: 1 });
    expect(adopterRow(rows, '330602')).toMatchObject({ certified: 0 });
    const notices = (await applicant2.get('/api/v1/notifications')).json().items as { title: string }[];
    expect(notices.map((n) => n.title)).toContain('贯标申报已确认');
  });

  it('a rejection needs a reason, and the unit may declare again', async () => {
    const other = await newApplicantUnit(t, '330603', 'adopter-two');
    const file = await upload(other.client, '制度汇编.pdf', pdf('adoption two'));
    const declared = await other.client.post('/api/v1/standard-adoptions', { ...body(), attachments: [file] });
    expect(declared.statusCode, declared.body).toBe(201);
    const url = `/api/v1/standard-adoptions/${declared.json().id}/decision`;
    const bare = await keqiao.post(url, { status: 'rejected', version: declared.json().version });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().fields[0].path).toBe('note');
    const rejected = await admin.post(url, {
      status: 'rejected',
      note: '证明材料仅为制度文本，未见实施记录。',
      version: declared.json().version,
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const again = await other.client.post('/api/v1/standard-adoptions', { ...body(), attachments: [file] });
    expect(again.statusCode, again.body).toBe(201);
  });
});
