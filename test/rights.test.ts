/**
 * Rights protection (issue 12, rights-core): intake from the four sources, confidentiality (content for handlers,
 * supervisors and reporters; metadata for others, audited), clocks on the working-day calendar across the 2024
 * National Day, the criminal threshold proposal, duplicates across two districts, 409 on concurrent triage, the
 * criminal-transfer steps, bad input refused with nothing stored, and the public report followed by code + secret.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, notifications, rightsClues } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { setBusinessDate } from './helpers/bases';
import { makeCreditCode, withWrongCheckChar } from './helpers/factories';
import { multipart } from './helpers/multipart';
import { clueBody, makeOfficer, publicBody, reportedAndAssigned, userId } from './helpers/rights';

let t: TestApp;
let keqiao: Client;
let shaoxing: Client;
let putuo: Client;
let applicant: Client;
let applicantOther: Client;
let expert: Client;
let keqiaoId: string;
let yuecheng: { id: string; client: Client };
let keqiao2: { id: string; client: Client };

const clueCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(rightsClues))[0]!.n;
const auditCount = async (action: string, entityId: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, action), eq(auditLog.entityId, entityId)))
  )[0]!.n;

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2024-09-27' } });
  keqiao = await t.login('keqiao');
  shaoxing = await t.login('shaoxing');
  putuo = await t.login('putuo');
  applicant = await t.login('applicant2');
  applicantOther = await t.login('applicant1');
  expert = await t.login('expert1');
  keqiaoId = await userId(keqiao);
  yuecheng = await makeOfficer(t, 'yuecheng', '330602', '绍兴市越城区市场监督管理局');
  keqiao2 = await makeOfficer(t, 'keqiao2', '330603', '柯桥区局执法二科');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('intake and confidentiality', () => {
  let id: string;
  let sha: string;

  it('a unit reports for itself; the competent bureau is its district, the clock starts', async () => {
    const file = await applicant.request({
      method: 'POST',
      url: '/api/v1/attachments',
      ...multipart('工艺单.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')),
    });
    expect(file.statusCode, file.body).toBe(201);
    sha = file.json().sha256;
    const res = await applicant.post(
      '/api/v1/rights/clues',
      clueBody({ attachments: [{ sha256: sha, fileName: '工艺单.pdf' }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json().clueNo).toMatch(/^WQ2024-\d{5}$/);
    // Received Friday 27 September 2024: counted from the next day, Sunday 29 September is a make-up working day
    // and 1–7 October are off, so 15 working days end on Wednesday 23 October (not 18 October).
    expect(res.json().decisionDeadline).toBe('2024-10-23');
  });

  it('before assignment the district sees metadata only, and the attempt is audited', async () => {
    const res = await keqiao.get(`/api/v1/rights/clues/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().access).toBe('metadata');
    expect(res.json().content).toBeNull();
    expect(res.body).not.toContain('低温染色');
    expect(await auditCount('rights.read_denied', id)).toBe(1);
    const file = await keqiao.get(`/api/v1/rights/clues/${id}/attachments/${sha}`);
    expect(file.statusCode).toBe(403);
    expect(await auditCount('rights.read_denied', id)).toBe(2);
  });

  it('the city above reads content; another province, other units, experts and the public get nothing', async () => {
    const city = await shaoxing.get(`/api/v1/rights/clues/${id}`);
    expect(city.statusCode).toBe(200);
    expect(city.json().access).toBe('content');
    expect(city.json().content.secretDescription).toContain('低温染色');
    expect(await auditCount('rights.read_content', id)).toBe(1);
    for (const c of [putuo, applicantOther, expert]) {
      expect((await c.get(`/api/v1/rights/clues/${id}`)).statusCode).toBe(404);
      expect((await c.get(`/api/v1/rights/clues/${id}/attachments/${sha}`)).statusCode).toBe(404);
    }
    expect((await t.anonymous.get(`/api/v1/rights/clues/${id}`)).statusCode).toBe(401);
    const putuoList = await putuo.get('/api/v1/rights/clues');
    expect(putuoList.body).not.toContain(id);
    const otherList = await applicantOther.get('/api/v1/rights/clues');
    expect(otherList.json().total).toBe(0);
  });

  it('the city assigns a Keqiao handler, who then reads content and files (audited)', async () => {
    const wrong = await shaoxing.post(`/api/v1/rights/clues/${id}/handlers`, {
      handlerIds: [yuecheng.id],
      version: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fields[0].path).toBe('handlerIds');
    expect(
      (await putuo.post(`/api/v1/rights/clues/${id}/handlers`, { handlerIds: [keqiaoId], version: 1 })).statusCode,
    ).toBe(404);
    const ok = await shaoxing.post(`/api/v1/rights/clues/${id}/handlers`, { handlerIds: [keqiaoId], version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const res = await keqiao.get(`/api/v1/rights/clues/${id}`);
    expect(res.json().access).toBe('content');
    expect(res.json().internal.handlers.map((h: { id: string }) => h.id)).toEqual([keqiaoId]);
    const file = await keqiao.get(`/api/v1/rights/clues/${id}/attachments/${sha}`);
    expect(file.statusCode).toBe(200);
    expect(await auditCount('rights.read_file', id)).toBe(1);
    // Another officer of the same bureau, not assigned: metadata only.
    const other = await keqiao2.client.get(`/api/v1/rights/clues/${id}`);
    expect(other.json().access).toBe('metadata');
  });

  it('the reporter sees its request, deadlines and messages — never internal notes', async () => {
    expect((await keqiao.post(`/api/v1/rights/clues/${id}/notes`, { body: '内部：疑似涉及多家企业' })).statusCode).toBe(
      201,
    );
    expect((await applicant.post(`/api/v1/rights/clues/${id}/notes`, { body: '试图写备注' })).statusCode).toBe(403);
    const msg = await keqiao.post(`/api/v1/rights/clues/${id}/messages`, { body: '请补充保密协议扫描件' });
    expect(msg.statusCode, msg.body).toBe(201);
    expect((await applicant.post(`/api/v1/rights/clues/${id}/messages`, { body: '已补充' })).statusCode).toBe(201);
    expect((await keqiao2.client.post(`/api/v1/rights/clues/${id}/messages`, { body: 'x' })).statusCode).toBe(403);
    const res = await applicant.get(`/api/v1/rights/clues/${id}`);
    expect(res.json().access).toBe('reporter');
    expect(res.json().internal).toBeNull();
    expect(res.body).not.toContain('疑似涉及多家企业');
    expect(res.json().content.messages.map((m: { body: string }) => m.body)).toEqual([
      '请补充保密协议扫描件',
      '已补充',
    ]);
    expect(res.json().clocks[0].deadline).toBe('2024-10-23');
    const mine = await applicant.get('/api/v1/rights/clues');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('clocks: days left on the working-day calendar, extension once with someone else approving, overdue', async () => {
    setBusinessDate(t, '2024-09-30');
    const list = await keqiao.get('/api/v1/rights/clues');
    const item = list.json().items.find((i: { id: string }) => i.id === id);
    // 8–12 October (12 is a make-up Saturday), 14–18, 21–23: 13 working days left after Monday 30 September.
    expect(item.clocks[0].left).toBe(13);
    expect(item.clocks[0].label).toBe('剩余 13 个工作日');
    const detail = (await keqiao.get(`/api/v1/rights/clues/${id}`)).json();
    const asked = await keqiao.post(`/api/v1/rights/clues/${id}/extension`, {
      reason: '需调取外省证据',
      version: detail.version,
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const self = await keqiao.post(`/api/v1/rights/clues/${id}/extension/approval`, { version: asked.json().version });
    expect(self.statusCode).toBe(403);
    const approved = await shaoxing.post(`/api/v1/rights/clues/${id}/extension/approval`, {
      version: asked.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().decisionDeadline).toBe('2024-11-13');
    const again = await keqiao.post(`/api/v1/rights/clues/${id}/extension`, {
      reason: '再延',
      version: approved.json().version,
    });
    expect(again.statusCode).toBe(409);
    setBusinessDate(t, '2024-11-15');
    const late = (await keqiao.get('/api/v1/rights/clues?overdue=1')).json();
    const overdue = late.items.find((i: { id: string }) => i.id === id);
    expect(overdue.overdue).toBe(true);
    expect(overdue.clocks[0].label).toBe('已超期 2 天');
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(notifications);
    expect((await keqiao.post('/api/v1/rights/overdue-notices')).statusCode).toBe(403);
    const sent = await shaoxing.post('/api/v1/rights/overdue-notices');
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().notified).toBeGreaterThanOrEqual(1);
    // Once per clue, clock and deadline.
    expect((await shaoxing.post('/api/v1/rights/overdue-notices')).json().notified).toBe(0);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(notifications);
    expect(after[0]!.n).toBeGreaterThan(before[0]!.n);
    setBusinessDate(t, '2024-09-27');
  });

  it('the threshold proposal: below it no criminal proposal; the city lowers it and the proposal follows', async () => {
    const res = (await keqiao.get(`/api/v1/rights/clues/${id}`)).json();
    expect(res.internal.proposal.proposed).toBe(false);
    expect(res.internal.proposal.amountYuan).toBe(300_000);
    expect(res.internal.proposal.source).toContain('2020');
    const rules = (await t.anonymous.get('/api/v1/rights/rules')).json();
    expect(rules.threshold.version).toBe(1);
    expect(
      (
        await keqiao.request({
          method: 'PUT',
          url: '/api/v1/rights/rules/criminal_threshold',
          payload: { amountYuan: 100_000, version: 1 },
        })
      ).statusCode,
    ).toBe(403);
    const changed = await shaoxing.request({
      method: 'PUT',
      url: '/api/v1/rights/rules/criminal_threshold',
      payload: { amountYuan: 100_000, version: 1 },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().threshold.amountYuan).toBe(100_000);
    const proposed = (await keqiao.get(`/api/v1/rights/clues/${id}`)).json();
    expect(proposed.internal.proposal.proposed).toBe(true);
    expect(proposed.internal.proposal.reason).toContain('建议移送公安机关');
    const back = await shaoxing.request({
      method: 'PUT',
      url: '/api/v1/rights/rules/criminal_threshold',
      payload: { amountYuan: 300_000, version: 2 },
    });
    expect(back.statusCode, back.body).toBe(200);
  });

  it('concurrent triage: one wins, the other gets 409; a non-handler cannot triage', async () => {
    const version = (await keqiao.get(`/api/v1/rights/clues/${id}`)).json().version;
    expect(
      (await keqiao2.client.post(`/api/v1/rights/clues/${id}/triage`, { decision: 'administrative', version }))
        .statusCode,
    ).toBe(403);
    const [a, b] = await Promise.all([
      keqiao.post(`/api/v1/rights/clues/${id}/triage`, { decision: 'administrative', version }),
      keqiao.post(`/api/v1/rights/clues/${id}/triage`, { decision: 'not_accepted', reason: '不构成', version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const after = (await applicant.get(`/api/v1/rights/clues/${id}`)).json();
    expect(['accepted', 'not_accepted']).toContain(after.status);
  });
});

describe('criminal route and the threshold', () => {
  it('proposes the criminal route at ¥300,000 and records the transfer steps of Decree 310', async () => {
    const { id } = await reportedAndAssigned(
      applicant,
      keqiao,
      keqiaoId,
      clueBody({ estimatedLossYuan: 350_000, requestedRoute: 'criminal' }),
    );
    const detail = (await keqiao.get(`/api/v1/rights/clues/${id}`)).json();
    expect(detail.internal.proposal.proposed).toBe(true);
    expect(detail.internal.proposal.reason).toContain('350,000');
    const missing = await keqiao.post(`/api/v1/rights/clues/${id}/triage`, {
      decision: 'criminal',
      version: detail.version,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().fields.map((f: { path: string }) => f.path)).toContain('policeAgency');
    const triaged = await keqiao.post(`/api/v1/rights/clues/${id}/triage`, {
      decision: 'criminal',
      policeAgency: '绍兴市公安局柯桥区分局',
      version: detail.version,
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    let version = triaged.json().version;
    // The reporting handler cannot approve its own report; out of order is refused.
    expect(
      (await keqiao.post(`/api/v1/rights/clues/${id}/transfer-steps`, { step: 'approve', version })).statusCode,
    ).toBe(403);
    expect((await keqiao.post(`/api/v1/rights/clues/${id}/transfer-steps`, { step: 'send', version })).statusCode).toBe(
      409,
    );
    for (const [client, body] of [
      [shaoxing, { step: 'approve' }],
      [keqiao, { step: 'send' }],
      [keqiao, { step: 'police_received', on: '2024-09-27' }],
      [keqiao, { step: 'police_decided', on: '2024-09-27', policeDecision: 'filed' }],
    ] as const) {
      const res = await client.post(`/api/v1/rights/clues/${id}/transfer-steps`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
      version = res.json().version;
    }
    const seen = (await applicant.get(`/api/v1/rights/clues/${id}`)).json();
    expect(seen.status).toBe('transferred_police');
    expect(seen.content.policeDecision).toBe('filed');
    expect(seen.clocks.map((c: { code: string }) => c.code)).toEqual([
      'decide_acceptance',
      'transfer_decide',
      'transfer_send',
      'police_decide',
    ]);
    // The 3-day approval clock is met on the business date of the approval, not on the wall clock's date.
    const approval = seen.clocks.find((c: { code: string }) => c.code === 'transfer_decide');
    expect(approval).toMatchObject({ metOn: '2024-09-27', overdue: false });
  });
});

describe('duplicates across districts', () => {
  it('a Yuecheng inspection naming the same infringer as a Keqiao clue is flagged to both and the city', async () => {
    const code = makeCreditCode('330603');
    const infringers = [{ kind: 'unit', name: '绍兴恒通化纤有限公司', creditCode: code }];
    const first = await reportedAndAssigned(applicant, keqiao, keqiaoId, clueBody({ infringers }));
    const second = await yuecheng.client.post(
      '/api/v1/rights/clues',
      clueBody({
        source: 'inspection',
        holder: { name: '绍兴越城某纺织有限公司' },
        infringers: [{ kind: 'unit', name: '恒通化纤（绍兴）公司', creditCode: code }],
      }),
    );
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().duplicates).toBe(1);
    // Yuecheng recorded it and is its handler; it does not see the Keqiao clue.
    expect((await yuecheng.client.get(`/api/v1/rights/clues/${first.id}`)).statusCode).toBe(404);
    const dupNotes = await t.database.db
      .select({ userId: notifications.userId })
      .from(notifications)
      .where(sql`${notifications.title} LIKE ${`疑似重复线索：${second.json().clueNo}%`}`);
    const shaoxingId = await userId(shaoxing);
    expect(new Set(dupNotes.map((n) => n.userId))).toEqual(new Set([keqiaoId, yuecheng.id, shaoxingId]));
    const city = (await shaoxing.get(`/api/v1/rights/clues/${first.id}`)).json();
    // (The firm's earlier clues name the same holder and are flagged too.)
    const flag = city.internal.duplicates.find((d: { otherClueNo: string }) => d.otherClueNo === second.json().clueNo);
    expect(flag.match).toBe('infringer_credit_code');
    expect(
      (await putuo.post(`/api/v1/rights/duplicates/${flag.id}/decision`, { status: 'linked', version: 1 })).statusCode,
    ).toBe(404);
    const linked = await shaoxing.post(`/api/v1/rights/duplicates/${flag.id}/decision`, {
      status: 'linked',
      version: flag.version,
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(
      (
        await keqiao.post(`/api/v1/rights/duplicates/${flag.id}/decision`, {
          status: 'dismissed',
          version: flag.version,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('offers merging only before triage, and no decision once both clues have ended', async () => {
    const code = makeCreditCode('330603');
    const first = await reportedAndAssigned(
      applicant,
      keqiao,
      keqiaoId,
      clueBody({ infringers: [{ kind: 'unit', name: '绍兴远帆机电有限公司', creditCode: code }] }),
    );
    const second = await yuecheng.client.post(
      '/api/v1/rights/clues',
      clueBody({
        source: 'inspection',
        holder: { name: '绍兴越城某机电有限公司' },
        infringers: [{ kind: 'unit', name: '远帆机电（绍兴）公司', creditCode: code }],
      }),
    );
    expect(second.statusCode, second.body).toBe(201);
    const flagOf = async () =>
      (await shaoxing.get(`/api/v1/rights/clues/${first.id}`))
        .json()
        .internal.duplicates.find((d: { otherClueNo: string }) => d.otherClueNo === second.json().clueNo);
    expect((await flagOf()).decisions).toEqual(['linked', 'merged', 'dismissed']);
    const end = async (client: Client, id: string) => {
      const version = (await client.get(`/api/v1/rights/clues/${id}`)).json().version;
      const res = await client.post(`/api/v1/rights/clues/${id}/triage`, {
        decision: 'not_accepted',
        reason: '不构成侵犯商业秘密',
        version,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    // The newer clue triaged: it can no longer be merged into the older one.
    await end(yuecheng.client, second.json().id);
    const triaged = await flagOf();
    expect(triaged.decisions).toEqual(['linked', 'dismissed']);
    const merge = await shaoxing.post(`/api/v1/rights/duplicates/${triaged.id}/decision`, {
      status: 'merged',
      version: triaged.version,
    });
    expect(merge.statusCode).toBe(409);
    // Both ended: nothing is offered and nothing is accepted.
    await end(keqiao, first.id);
    const ended = await flagOf();
    expect(ended.status).toBe('open');
    expect(ended.decisions).toEqual([]);
    const link = await shaoxing.post(`/api/v1/rights/duplicates/${ended.id}/decision`, {
      status: 'linked',
      version: ended.version,
    });
    expect(link.statusCode).toBe(409);
    expect(link.json().message).toBe('两条线索均已办结，无需再处理疑似重复');
  });

  it('matches normalised names when no credit code is given', async () => {
    await applicant.post(
      '/api/v1/rights/clues',
      clueBody({ infringers: [{ kind: 'unit', name: '杭州  星河材料有限公司' }] }),
    );
    const res = await yuecheng.client.post(
      '/api/v1/rights/clues',
      clueBody({
        source: 'inspection',
        holder: { name: '越城甲公司' },
        infringers: [{ kind: 'unit', name: '杭州星河材料公司' }],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().duplicates).toBeGreaterThanOrEqual(1);
  });
});

describe('bad input', () => {
  it('is refused with field errors and nothing stored', async () => {
    const before = await clueCount();
    const badCode = await applicant.post(
      '/api/v1/rights/clues',
      clueBody({ infringers: [{ kind: 'unit', name: '某公司', creditCode: withWrongCheckChar(makeCreditCode()) }] }),
    );
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().fields.map((f: { path: string }) => f.path)).toContain('infringers.0.creditCode');
    const empty = await applicant.post('/api/v1/rights/clues', clueBody({ infringers: [], secretKinds: [] }));
    expect(empty.statusCode).toBe(400);
    const paths = empty.json().fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['infringers', 'secretKinds']));
    const negative = await applicant.post('/api/v1/rights/clues', clueBody({ estimatedLossYuan: -5 }));
    expect(negative.statusCode).toBe(400);
    const foreignFile = await applicant.post(
      '/api/v1/rights/clues',
      clueBody({ attachments: [{ sha256: 'a'.repeat(64), fileName: 'x.pdf' }] }),
    );
    expect(foreignFile.statusCode).toBe(400);
    const wrongSource = await applicant.post('/api/v1/rights/clues', clueBody({ source: 'inspection' }));
    expect(wrongSource.statusCode).toBe(400);
    expect((await expert.post('/api/v1/rights/clues', clueBody())).statusCode).toBe(403);
    const outside = await keqiao.post(
      '/api/v1/rights/clues',
      clueBody({ source: 'inspection', jurisdictionCode: '310107' }),
    );
    expect(outside.statusCode).toBe(400);
    const referral = await keqiao.post('/api/v1/rights/clues', clueBody({ source: 'referral' }));
    expect(referral.statusCode).toBe(400);
    expect(referral.json().fields.map((f: { path: string }) => f.path)).toContain('referralOrigin');
    expect(await clueCount()).toBe(before);
  });
});

describe('public report', () => {
  it('anyone reports anonymously and follows it only with code and secret', async () => {
    const res = await t.anonymous.post('/api/v1/rights/public/reports', publicBody());
    expect(res.statusCode, res.body).toBe(201);
    const { receiptCode, id } = res.json();
    expect(receiptCode).toMatch(/^[0-9A-Z]{10}$/);
    const wrong = await t.anonymous.post('/api/v1/rights/public/follow', {
      code: receiptCode,
      secret: 'not-the-secret',
    });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().message).toBe('查询码或查询密码不正确');
    const follow = await t.anonymous.post('/api/v1/rights/public/follow', {
      code: receiptCode,
      secret: 'follow-me-2024',
    });
    expect(follow.statusCode, follow.body).toBe(200);
    expect(follow.json().access).toBe('public');
    expect(follow.json().internal).toBeNull();
    // Not by id, without a session.
    expect((await t.anonymous.get(`/api/v1/rights/clues/${id}`)).statusCode).toBe(401);
    // The handler says no, with a reason the reporter reads.
    const assigned = await keqiao.post(`/api/v1/rights/clues/${id}/handlers`, { handlerIds: [keqiaoId], version: 1 });
    const reasonless = await keqiao.post(`/api/v1/rights/clues/${id}/triage`, {
      decision: 'not_accepted',
      version: assigned.json().version,
    });
    expect(reasonless.statusCode).toBe(400);
    expect(reasonless.json().fields[0].path).toBe('reason');
    const no = await keqiao.post(`/api/v1/rights/clues/${id}/triage`, {
      decision: 'not_accepted',
      reason: '所述信息已公开，不属于商业秘密',
      version: assigned.json().version,
    });
    expect(no.statusCode, no.body).toBe(200);
    const seen = (
      await t.anonymous.post('/api/v1/rights/public/follow', { code: receiptCode, secret: 'follow-me-2024' })
    ).json();
    expect(seen.status).toBe('not_accepted');
    expect(seen.content.decisionReason).toBe('所述信息已公开，不属于商业秘密');
    const msg = await t.anonymous.post('/api/v1/rights/public/messages', {
      code: receiptCode,
      secret: 'follow-me-2024',
      body: '补充：对方网站仍在宣传该工艺',
    });
    expect(msg.statusCode, msg.body).toBe(201);
    expect(
      (await t.anonymous.post('/api/v1/rights/public/messages', { code: receiptCode, secret: 'nope-nope', body: 'x' }))
        .statusCode,
    ).toBe(404);
  });

  it('a rights centre routes the zone’s intake to the competent bureau', async () => {
    expect(
      (
        await keqiao.post('/api/v1/rights/centres', {
          jurisdictionCode: '330603',
          name: '柯桥维权中心',
          routesToCode: '330603',
        })
      ).statusCode,
    ).toBe(403);
    const centre = await shaoxing.post('/api/v1/rights/centres', {
      jurisdictionCode: '330602',
      name: '越城区商业秘密维权中心',
      routesToCode: '330603',
    });
    expect(centre.statusCode, centre.body).toBe(201);
    const listed = (await t.anonymous.get('/api/v1/rights/centres')).json();
    expect(listed.map((c: { name: string }) => c.name)).toContain('越城区商业秘密维权中心');
    const res = await t.anonymous.post('/api/v1/rights/public/reports', publicBody({ jurisdictionCode: '330602' }));
    expect(res.statusCode, res.body).toBe(201);
    const meta = (await keqiao.get(`/api/v1/rights/clues/${res.json().id}`)).json();
    expect(meta.jurisdictionCode).toBe('330603');
  });
});
