/**
 * Services and campaigns and the simulated attack service (issue 13): records feed the unit's ledger and the rubric
 * metrics, statistics and exports stay in the caller's jurisdiction, the attack report reaches its three parties
 * only (every read audited), and refused input stores nothing.
 */

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { newApplicantUnit, programmeId } from './helpers/applications';
import { buildUnit } from './helpers/factories';
import { pdf, upload } from './helpers/subjects';

let t: TestApp;
let keqiao: Client;
let shaoxing: Client;
let putuo: Client;
let admin: Client;
let firm: Client; // applicant2, a Keqiao firm
let otherFirm: Client; // applicant1, a Putuo firm
let firmUnitId: string;
let today: string;
let lawFirmId: string;

const rows = async (table: string) =>
  Number(
    (
      (await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );

beforeAll(async () => {
  t = await buildTestApp();
  keqiao = await t.login('keqiao');
  shaoxing = await t.login('shaoxing');
  putuo = await t.login('putuo');
  admin = await t.login('admin');
  firm = await t.login('applicant2');
  otherFirm = await t.login('applicant1');
  firmUnitId = (await firm.get('/api/v1/auth/me')).json().user.unitId;
  today = (await firm.get('/api/v1/system/business-date')).json().date;
  const partner = await keqiao.post('/api/v1/service-partners', {
    name: '浙江柯桥知识产权律师事务所',
    kind: 'law_firm',
    jurisdictionCode: '330603',
    contactName: '陈律师',
  });
  expect(partner.statusCode, partner.body).toBe(201);
  lawFirmId = partner.json().id;
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('partner organisations', () => {
  it('are registered by the bureau over the jurisdiction, once per name', async () => {
    expect(
      (
        await keqiao.post('/api/v1/service-partners', {
          name: '浙江柯桥知识产权律师事务所',
          kind: 'law_firm',
          jurisdictionCode: '330603',
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await putuo.post('/api/v1/service-partners', {
          name: '普陀越权机构',
          kind: 'law_firm',
          jurisdictionCode: '330603',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await firm.post('/api/v1/service-partners', {
          name: '企业越权机构',
          kind: 'law_firm',
          jurisdictionCode: '330603',
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.anonymous.get('/api/v1/service-partners')).statusCode).toBe(401);
    const before = await rows('service_partners');
    const bad = await keqiao.post('/api/v1/service-partners', { name: '', kind: 'bakery', jurisdictionCode: '33' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['jurisdictionCode', 'kind', 'name']);
    expect(await rows('service_partners')).toBe(before);
    const list = (await firm.get('/api/v1/service-partners')).json();
    expect(list.items.map((p: { name: string }) => p.name)).toContain('浙江柯桥知识产权律师事务所');
  });
});

describe('service records', () => {
  it('a partner service lands in the unit ledger and counts in its rubric metrics', async () => {
    const res = await keqiao.post('/api/v1/service-records', {
      kind: 'training_publicity',
      unitId: firmUnitId,
      provider: 'partner',
      partnerId: lawFirmId,
      occurredOn: today,
      title: '商业秘密保护专题培训',
      description: '律师讲解保密协议与竞业限制。',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ partnerName: '浙江柯桥知识产权律师事务所', unitId: firmUnitId });
    const ledger = (await firm.get(`/api/v1/ledger?unitId=${firmUnitId}&kind=training`)).json();
    const entry = ledger.items.find((e: { id: string }) => e.id === res.json().ledgerEntryId);
    expect(entry).toMatchObject({ kind: 'training', title: '培训宣传：商业秘密保护专题培训' });
    // The unit's own self-assessment counts it.
    const programme = await programmeId(firm, 'shaoxing-2021');
    const assessment = await firm.post('/api/v1/self-assessments', {
      programmeId: programme,
      kindId: 'point',
      practice: true,
    });
    expect(assessment.statusCode, assessment.body).toBe(201);
    expect(assessment.json().metrics['ledger.trainings_12m']).toBeGreaterThanOrEqual(1);
  });

  it('administrative guidance is a guidance visit: it needs one of the unit’s assigned guides', async () => {
    const body = {
      kind: 'administrative_guidance',
      unitId: firmUnitId,
      provider: 'bureau',
      occurredOn: today,
      title: '商业秘密保护制度建设指导',
    };
    const before = await rows('service_records');
    const refused = await keqiao.post('/api/v1/service-records', body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('guideId');
    expect(await rows('service_records')).toBe(before);
    const me = (await keqiao.get('/api/v1/auth/me')).json().user.id;
    expect((await keqiao.post(`/api/v1/units/${firmUnitId}/guides`, { guideId: me })).statusCode).toBe(200);
    const res = await keqiao.post('/api/v1/service-records', body);
    expect(res.statusCode, res.body).toBe(201);
    const ledger = (await keqiao.get(`/api/v1/ledger?unitId=${firmUnitId}&kind=guidance_visit`)).json();
    expect(
      ledger.items.some((e: { id: string; guideId: string }) => e.id === res.json().ledgerEntryId && e.guideId === me),
    ).toBe(true);
  });

  it('refuses bad input with field errors and stores nothing', async () => {
    const before = [await rows('service_records'), await rows('ledger_entries'), await rows('audit_log')];
    const cases: [unknown, string][] = [
      [
        { kind: 'rights_assistance', unitId: firmUnitId, provider: 'partner', occurredOn: today, title: '维权' },
        'partnerId',
      ],
      [
        {
          kind: 'administrative_guidance',
          unitId: firmUnitId,
          provider: 'partner',
          partnerId: lawFirmId,
          occurredOn: today,
          title: '指导',
        },
        'provider',
      ],
      [
        { kind: 'legal_consultation', unitId: firmUnitId, provider: 'bureau', occurredOn: '2999-01-01', title: '咨询' },
        'occurredOn',
      ],
      [{ kind: 'legal_consultation', unitId: firmUnitId, provider: 'bureau', occurredOn: today, title: '' }, 'title'],
      [{ kind: 'haircut', unitId: firmUnitId, provider: 'bureau', occurredOn: today, title: '理发' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await keqiao.post('/api/v1/service-records', body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect([await rows('service_records'), await rows('ledger_entries'), await rows('audit_log')]).toEqual(before);
  });

  it('a district neither records for nor sees another district’s units', async () => {
    const body = {
      kind: 'legal_consultation',
      unitId: firmUnitId,
      provider: 'bureau',
      occurredOn: today,
      title: '咨询',
    };
    expect((await putuo.post('/api/v1/service-records', body)).statusCode).toBe(404);
    expect((await firm.post('/api/v1/service-records', body)).statusCode).toBe(404);
    expect((await otherFirm.post('/api/v1/service-records', body)).statusCode).toBe(404);
    expect(
      (await putuo.get('/api/v1/service-records'))
        .json()
        .items.some((r: { unitId: string }) => r.unitId === firmUnitId),
    ).toBe(false);
    expect((await otherFirm.get('/api/v1/service-records')).json().total).toBe(0);
    expect((await firm.get('/api/v1/service-records')).json().total).toBeGreaterThanOrEqual(2);
    expect((await shaoxing.get('/api/v1/service-records')).json().total).toBeGreaterThanOrEqual(2);
    const expert = await t.login('expert1');
    expect((await expert.get('/api/v1/service-records')).json().total).toBe(0);
  });
});

describe('correcting and voiding service records', () => {
  const ledgerEntry = async (id: string | null) =>
    (
      (await keqiao.get(`/api/v1/ledger?unitId=${firmUnitId}&kind=rights_help`)).json().items as {
        id: string;
        title: string;
        occurredOn: string;
      }[]
    ).find((e) => e.id === id);

  it('an edit corrects the record and its ledger entry together, with the version read', async () => {
    const created = await keqiao.post('/api/v1/service-records', {
      kind: 'rights_assistance',
      unitId: firmUnitId,
      provider: 'bureau',
      occurredOn: today,
      title: '维权援助（待更正）',
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/v1/service-records/${created.json().id}`;
    const patch = {
      version: created.json().version,
      title: '协助固定侵权证据',
      provider: 'partner',
      partnerId: lawFirmId,
    };
    // Denials: another district, the firm itself, the anonymous; nothing changes.
    expect((await putuo.patch(url, patch)).statusCode).toBe(404);
    expect((await firm.patch(url, patch)).statusCode).toBe(404);
    expect((await otherFirm.patch(url, patch)).statusCode).toBe(404);
    expect((await t.anonymous.patch(url, patch)).statusCode).toBe(401);
    const inconsistent = await keqiao.patch(url, { version: created.json().version, provider: 'partner' });
    expect(inconsistent.statusCode).toBe(400);
    expect(inconsistent.json().fields[0].path).toBe('partnerId');
    const future = await keqiao.patch(url, { version: created.json().version, occurredOn: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    expect((await ledgerEntry(created.json().ledgerEntryId))?.title).toBe('维权援助：维权援助（待更正）');

    const edited = await keqiao.patch(url, patch);
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '协助固定侵权证据', partnerId: lawFirmId, version: 2 });
    expect((await ledgerEntry(created.json().ledgerEntryId))?.title).toBe('维权援助：协助固定侵权证据');
    expect((await keqiao.patch(url, patch)).statusCode).toBe(409);
  });

  it('voiding keeps the record with its reason, removes its ledger entry and its count, and is final', async () => {
    const created = await keqiao.post('/api/v1/service-records', {
      kind: 'litigation_agency',
      unitId: firmUnitId,
      provider: 'partner',
      partnerId: lawFirmId,
      occurredOn: today,
      title: '代理商业秘密侵权诉讼（误登）',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, ledgerEntryId, version } = created.json();
    const statsBefore = (await keqiao.get('/api/v1/service-statistics')).json();
    const url = `/api/v1/service-records/${id}/void`;
    expect((await putuo.post(url, { version, reason: '误登' })).statusCode).toBe(404);
    expect((await firm.post(url, { version, reason: '误登' })).statusCode).toBe(404);
    expect((await keqiao.post(url, { version, reason: '' })).statusCode).toBe(400);
    expect(await ledgerEntry(ledgerEntryId)).toBeDefined();

    const voided = await keqiao.post(url, { version, reason: '登记对象错误，应为另一企业' });
    expect(voided.statusCode, voided.body).toBe(200);
    expect(voided.json()).toMatchObject({ voidReason: '登记对象错误，应为另一企业', ledgerEntryId: null });
    expect(voided.json().voidedAt).not.toBeNull();
    expect(await ledgerEntry(ledgerEntryId)).toBeUndefined();
    const listed = (await firm.get('/api/v1/service-records')).json().items.find((r: { id: string }) => r.id === id);
    expect(listed.voidReason).toBe('登记对象错误，应为另一企业');
    const statsAfter = (await keqiao.get('/api/v1/service-statistics')).json();
    expect(JSON.stringify(statsAfter)).not.toBe(JSON.stringify(statsBefore));
    const audit = (await t.database.db.execute(
      sql.raw(`select action from audit_log where entity_id in ('${id}', '${ledgerEntryId}') order by id`),
    )) as unknown as { rows: { action: string }[] };
    expect(audit.rows.map((r) => r.action)).toEqual([
      'ledger.create',
      'service.record',
      'ledger.delete',
      'service.void',
    ]);
    // Final: neither voided again nor edited.
    expect((await keqiao.post(url, { version: voided.json().version, reason: '再次' })).statusCode).toBe(409);
    expect(
      (await keqiao.patch(`/api/v1/service-records/${id}`, { version: voided.json().version, title: '改' })).statusCode,
    ).toBe(409);
  });
});

describe('campaigns and conventions', () => {
  it('a "三进" visit to a firm is publicity in its ledger; a market visit names no unit', async () => {
    const visit = await keqiao.post('/api/v1/campaign-visits', {
      kind: 'enterprise',
      jurisdictionCode: '330603',
      unitId: firmUnitId,
      placeName: '柯桥纺织企业',
      occurredOn: today,
      firmsReached: 1,
      participants: 35,
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().ledgerEntryId).toBeTruthy();
    const market = await keqiao.post('/api/v1/campaign-visits', {
      kind: 'market',
      jurisdictionCode: '330603',
      placeName: '中国轻纺城',
      occurredOn: today,
      firmsReached: 120,
    });
    expect(market.statusCode, market.body).toBe(201);
    expect(market.json().ledgerEntryId).toBeNull();
    expect(
      (
        await putuo.post('/api/v1/campaign-visits', {
          kind: 'market',
          jurisdictionCode: '330603',
          placeName: '越权',
          occurredOn: today,
          firmsReached: 1,
        })
      ).statusCode,
    ).toBe(404);
    const wrongPlace = await keqiao.post('/api/v1/campaign-visits', {
      kind: 'enterprise',
      jurisdictionCode: '330603',
      unitId: (await otherFirm.get('/api/v1/auth/me')).json().user.unitId,
      placeName: '他区企业',
      occurredOn: today,
      firmsReached: 1,
    });
    expect(wrongPlace.statusCode).toBe(400);
    expect(
      (await putuo.get('/api/v1/campaign-visits'))
        .json()
        .items.some((v: { jurisdictionCode: string }) => v.jurisdictionCode === '330603'),
    ).toBe(false);
    expect((await firm.get('/api/v1/campaign-visits')).json().items.map((v: { id: string }) => v.id)).toEqual([
      visit.json().id,
    ]);
  });

  it('an association’s convention is signed by its members only', async () => {
    const association = await admin.post(
      '/api/v1/units',
      buildUnit({
        kind: 'association',
        jurisdictionCode: '330603',
        name: '柯桥区纺织行业协会',
        memberIds: [firmUnitId],
      }),
    );
    expect(association.statusCode, association.body).toBe(201);
    const associationId = association.json().unit.id;
    const outsider = await newApplicantUnit(t, '330603', 'convention-outsider');
    const before = await rows('service_conventions');
    const refused = await keqiao.post('/api/v1/conventions', {
      associationId,
      title: '柯桥纺织行业商业秘密保护自律公约',
      signedOn: today,
      signatoryIds: [firmUnitId, outsider.unitId],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('signatoryIds');
    const notAssociation = await keqiao.post('/api/v1/conventions', {
      associationId: firmUnitId,
      title: '公约',
      signedOn: today,
      signatoryIds: [outsider.unitId],
    });
    expect(notAssociation.statusCode).toBe(400);
    expect(await rows('service_conventions')).toBe(before);
    expect(
      (
        await putuo.post('/api/v1/conventions', {
          associationId,
          title: '公约',
          signedOn: today,
          signatoryIds: [firmUnitId],
        })
      ).statusCode,
    ).toBe(404);
    const signed = await keqiao.post('/api/v1/conventions', {
      associationId,
      title: '柯桥纺织行业商业秘密保护自律公约',
      signedOn: today,
      signatoryIds: [firmUnitId],
    });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().signatories).toEqual([{ id: firmUnitId, name: expect.any(String) }]);
    // The signatory sees the convention it signed; another district's firm does not.
    expect((await firm.get('/api/v1/conventions')).json().items.map((c: { id: string }) => c.id)).toContain(
      signed.json().id,
    );
    expect((await otherFirm.get('/api/v1/conventions')).json().total).toBe(0);
    expect((await putuo.get('/api/v1/conventions')).json().total).toBe(0);
  });

  it('statistics by district, kind and month stay in the jurisdiction, with an Excel export', async () => {
    const month = today.slice(0, 7);
    const mine = (await keqiao.get(`/api/v1/service-statistics?from=${month}&to=${month}`)).json().items;
    const training = mine.find(
      (r: { category: string; kind: string }) => r.category === 'service' && r.kind === 'training_publicity',
    );
    expect(training).toMatchObject({ month, jurisdictionCode: '330603', kindLabel: '培训宣传', count: 1, reached: 1 });
    expect(mine.find((r: { kind: string }) => r.kind === 'market')).toMatchObject({ count: 1, reached: 120 });
    expect(mine.find((r: { category: string }) => r.category === 'convention')).toMatchObject({ count: 1, reached: 1 });
    expect(
      (await putuo.get('/api/v1/service-statistics'))
        .json()
        .items.some((r: { jurisdictionCode: string }) => r.jurisdictionCode === '330603'),
    ).toBe(false);
    expect((await firm.get('/api/v1/service-statistics')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/v1/service-statistics')).statusCode).toBe(401);
    expect((await keqiao.get('/api/v1/service-statistics?from=2024-13')).statusCode).toBe(400);
    const xlsx = await shaoxing.get(`/api/v1/service-statistics/export.xlsx?from=${month}`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('覆盖单位（企业）数');
    expect(sheet.rowCount).toBeGreaterThan(3);
    const records = await keqiao.get('/api/v1/service-records/export.xlsx?kind=training_publicity');
    expect(records.statusCode).toBe(200);
    expect((await firm.get('/api/v1/service-statistics/export.xlsx')).statusCode).toBe(403);
  });
});

describe('simulated attack service', () => {
  let providerId: string;
  let provider: Client;
  let assessment: { id: string; version: number };

  beforeAll(async () => {
    const unit = await newApplicantUnit(t, '330603', 'attack-provider', {
      kind: 'service_body',
      name: '绍兴网安测评有限公司',
    });
    provider = unit.client;
    const partner = await keqiao.post('/api/v1/service-partners', {
      name: '绍兴网安测评有限公司',
      kind: 'security_assessor',
      jurisdictionCode: '330603',
      unitId: unit.unitId,
      attackAccredited: true,
    });
    expect(partner.statusCode, partner.body).toBe(201);
    providerId = partner.json().id;
  });

  it('a firm requests an assessment from an accredited provider only, for itself only', async () => {
    const before = await rows('service_attack_assessments');
    const unaccredited = await firm.post('/api/v1/attack-assessments', {
      unitId: firmUnitId,
      partnerId: lawFirmId,
      scope: '办公网络',
    });
    expect(unaccredited.statusCode).toBe(400);
    expect(unaccredited.json().fields[0].path).toBe('partnerId');
    expect(
      (await firm.post('/api/v1/attack-assessments', { unitId: firmUnitId, partnerId: providerId, scope: '' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await otherFirm.post('/api/v1/attack-assessments', {
          unitId: firmUnitId,
          partnerId: providerId,
          scope: '办公网络',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await keqiao.post('/api/v1/attack-assessments', {
          unitId: firmUnitId,
          partnerId: providerId,
          scope: '办公网络',
        })
      ).statusCode,
    ).toBe(404);
    expect(await rows('service_attack_assessments')).toBe(before);
    const res = await firm.post('/api/v1/attack-assessments', {
      unitId: firmUnitId,
      partnerId: providerId,
      scope: '研发文档服务器与办公网络',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'requested', party: true, findings: [] });
    assessment = res.json();
    // The provider's accounts see it; another district's bureau does not.
    expect((await provider.get('/api/v1/attack-assessments')).json().items.map((a: { id: string }) => a.id)).toContain(
      assessment.id,
    );
    expect((await putuo.get(`/api/v1/attack-assessments/${assessment.id}`)).statusCode).toBe(404);
    expect((await otherFirm.get(`/api/v1/attack-assessments/${assessment.id}`)).statusCode).toBe(404);
  });

  it('the district bureau schedules it and becomes the responsible officer; the city above may not take over', async () => {
    const scheduled = await keqiao.post(`/api/v1/attack-assessments/${assessment.id}/schedule`, {
      scheduledOn: today,
      version: assessment.version,
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', responsibleOfficerName: expect.any(String) });
    expect(
      (
        await keqiao.post(`/api/v1/attack-assessments/${assessment.id}/schedule`, {
          scheduledOn: today,
          version: assessment.version,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await shaoxing.post(`/api/v1/attack-assessments/${assessment.id}/schedule`, {
          scheduledOn: today,
          version: scheduled.json().version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await firm.post(`/api/v1/attack-assessments/${assessment.id}/schedule`, {
          scheduledOn: today,
          version: scheduled.json().version,
        })
      ).statusCode,
    ).toBe(403);
    assessment = scheduled.json();
  });

  it('the provider delivers the confidential report; only the three parties read it, each read audited', async () => {
    const file = await upload(provider, '模拟攻击评估报告.pdf', pdf('attack report'));
    const body = {
      report: file,
      summary: '外网渗透发现弱口令与未加密共享目录。',
      findings: [
        { title: '研发服务器存在弱口令', severity: 'high', recommendation: '启用复杂口令与双因素认证' },
        { title: '共享目录未加密', severity: 'medium', recommendation: '对涉密目录加密并限制访问' },
      ],
      version: assessment.version,
    };
    // The firm may not write its own report, nor cite a file it did not upload.
    expect((await firm.post(`/api/v1/attack-assessments/${assessment.id}/report`, body)).statusCode).toBe(403);
    const foreign = await upload(firm, '自拟报告.pdf', pdf('firm file'));
    const uncitable = await provider.post(`/api/v1/attack-assessments/${assessment.id}/report`, {
      ...body,
      report: foreign,
    });
    expect(uncitable.statusCode).toBe(400);
    const reported = await provider.post(`/api/v1/attack-assessments/${assessment.id}/report`, body);
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().findings).toHaveLength(2);

    const url = `/api/v1/attack-assessments/${assessment.id}/report`;
    const reads = async () =>
      (await keqiao.get(`/api/v1/audit?entityId=${assessment.id}&action=attack.report_read`)).json().total as number;
    for (const party of [firm, provider, keqiao]) {
      const res = await party.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(pdf('attack report'))).toBe(true);
    }
    expect(await reads()).toBe(3);
    expect((await shaoxing.get(url)).statusCode).toBe(403);
    for (const outsider of [putuo, otherFirm, admin]) expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await t.anonymous.get(url)).statusCode).toBe(401);
    expect(await reads()).toBe(3);
    // The bureau above sees the record's progress, not the report's content.
    const above = (await shaoxing.get(`/api/v1/attack-assessments/${assessment.id}`)).json();
    expect(above).toMatchObject({ status: 'reported', party: false, report: null, findings: null });
  });

  it('findings are followed up by the parties until the assessment closes', async () => {
    const detail = (await firm.get(`/api/v1/attack-assessments/${assessment.id}`)).json();
    const [first, second] = detail.findings;
    expect(
      (await shaoxing.patch(`/api/v1/attack-findings/${first.id}`, { status: 'resolved', version: first.version }))
        .statusCode,
    ).toBe(404);
    expect(
      (await otherFirm.patch(`/api/v1/attack-findings/${first.id}`, { status: 'resolved', version: first.version }))
        .statusCode,
    ).toBe(404);
    expect(
      (await firm.patch(`/api/v1/attack-findings/${first.id}`, { status: 'fixed', version: first.version })).statusCode,
    ).toBe(400);
    const a = await firm.patch(`/api/v1/attack-findings/${first.id}`, {
      status: 'resolved',
      followUp: '已更换口令并启用双因素认证',
      version: first.version,
    });
    expect(a.statusCode, a.body).toBe(200);
    expect(a.json().status).toBe('reported');
    expect(
      (await keqiao.patch(`/api/v1/attack-findings/${first.id}`, { status: 'open', version: first.version }))
        .statusCode,
    ).toBe(409);
    const b = await keqiao.patch(`/api/v1/attack-findings/${second.id}`, {
      status: 'accepted',
      followUp: '经评估接受风险',
      version: second.version,
    });
    expect(b.statusCode, b.body).toBe(200);
    expect(b.json()).toMatchObject({ status: 'closed', closedOn: today });
  });

  it('each step told the other parties (the district bureau before an officer was responsible), nobody else', async () => {
    const titles = async (client: Client) =>
      ((await client.get('/api/v1/notifications?pageSize=100')).json().items as { title: string; link: string }[])
        .filter((n) => n.link === '/attack-assessments')
        .map((n) => n.title)
        .sort();
    expect(await titles(firm)).toEqual(['模拟攻击评估已关闭', '模拟攻击评估已安排', '模拟攻击评估报告已提交'].sort());
    expect(await titles(provider)).toEqual(
      ['新的模拟攻击评估申请', '模拟攻击评估已安排', '评估问题整改情况更新', '模拟攻击评估已关闭'].sort(),
    );
    expect(await titles(keqiao)).toEqual(
      ['新的模拟攻击评估申请', '模拟攻击评估报告已提交', '评估问题整改情况更新'].sort(),
    );
    for (const outsider of [shaoxing, putuo, otherFirm, admin]) expect(await titles(outsider)).toEqual([]);
    // The messages name the step, never the report's findings.
    const bodies = (await firm.get('/api/v1/notifications?pageSize=100'))
      .json()
      .items.map((n: { body: string }) => n.body);
    expect(bodies.join()).not.toContain('弱口令');
  });
});
