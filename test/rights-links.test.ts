/**
 * Rights protection (issue 12), what links people and files to a clue after intake: the handlers an assigner may
 * choose (the competent bureau's officers, as the server accepts them), evidence certificates linked later by the
 * reporter or a handler (verified, audited), read access for a bureau in joint handling (联合办案, audited; other
 * bureaus still refused), and the public's uploads held per report rather than per address.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { multipart } from './helpers/multipart';
import { clueBody, makeOfficer, publicBody, reportedAndAssigned, userId } from './helpers/rights';

let t: TestApp;
let keqiao: Client;
let shaoxing: Client;
let putuo: Client;
let firm: Client;
let otherFirm: Client;
let keqiaoId: string;
let keqiao2: { id: string; client: Client };
let yuecheng: { id: string; client: Client };
let shangyu: { id: string; client: Client };

const auditCount = async (action: string, entityId: string, actorId?: string) =>
  (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, action),
          eq(auditLog.entityId, entityId),
          actorId ? eq(auditLog.actorId, actorId) : undefined,
        ),
      )
  )[0]!.n;

let serial = 0;
async function preserve(client: Client, label: string) {
  serial += 1;
  const digest = createHash('sha256').update(`${label}-${serial}-${Date.now()}`).digest('hex');
  const res = await client.post('/api/v1/evidence/entries', { algorithm: 'sha256', digest, label });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; certificateNo: string };
}

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2024-09-27' } });
  keqiao = await t.login('keqiao');
  shaoxing = await t.login('shaoxing');
  putuo = await t.login('putuo');
  firm = await t.login('applicant2');
  otherFirm = await t.login('applicant1');
  keqiaoId = await userId(keqiao);
  keqiao2 = await makeOfficer(t, 'keqiao-links', '330603', '柯桥区局执法三科');
  yuecheng = await makeOfficer(t, 'yuecheng-links', '330602', '越城区局联合办案组');
  shangyu = await makeOfficer(t, 'shangyu-links', '330604', '上虞区局执法科');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('handler candidates', () => {
  it('lists the competent bureau’s officers to the district and the city; the chosen one is accepted', async () => {
    const created = await firm.post('/api/v1/rights/clues', clueBody({ holder: { name: '柯桥候选承办测试纺织公司' } }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    for (const assigner of [keqiao, shaoxing]) {
      const res = await assigner.get(`/api/v1/rights/clues/${id}/handler-candidates`);
      expect(res.statusCode, res.body).toBe(200);
      const ids = res.json().map((c: { id: string }) => c.id);
      expect(ids).toEqual(expect.arrayContaining([keqiaoId, keqiao2.id]));
      expect(ids).not.toContain(yuecheng.id);
    }
    expect((await putuo.get(`/api/v1/rights/clues/${id}/handler-candidates`)).statusCode).toBe(404);
    expect((await yuecheng.client.get(`/api/v1/rights/clues/${id}/handler-candidates`)).statusCode).toBe(404);
    expect((await firm.get(`/api/v1/rights/clues/${id}/handler-candidates`)).statusCode).toBe(403);
    const assigned = await shaoxing.post(`/api/v1/rights/clues/${id}/handlers`, {
      handlerIds: [keqiao2.id],
      version: 1,
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const after = (await keqiao.get(`/api/v1/rights/clues/${id}/handler-candidates`)).json();
    expect(after.find((c: { id: string }) => c.id === keqiao2.id).assigned).toBe(true);
    expect(after.find((c: { id: string }) => c.id === keqiaoId).assigned).toBe(false);
  });
});

describe('evidence certificates linked after intake', () => {
  let id: string;
  it('the reporting unit links its own sealed certificate; verified, shown, audited', async () => {
    ({ id } = await reportedAndAssigned(firm, keqiao, keqiaoId, clueBody({ holder: { name: '柯桥补证测试公司' } })));
    const own = await preserve(firm, '染色工艺参数表（补充）');
    const res = await firm.post(`/api/v1/rights/clues/${id}/evidence`, { evidenceIds: [own.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().linked).toEqual([own.certificateNo]);
    const view = (await firm.get(`/api/v1/rights/clues/${id}`)).json();
    expect(view.content.evidence.map((e: { certificateNo: string }) => e.certificateNo)).toEqual([own.certificateNo]);
    expect(view.content.history.map((e: { comment: string }) => e.comment).join()).toContain(own.certificateNo);
    expect(await auditCount('rights.evidence_link', id)).toBe(1);
    const again = await firm.post(`/api/v1/rights/clues/${id}/evidence`, { evidenceIds: [own.id] });
    expect(again.statusCode).toBe(400);
    expect(again.json().fields[0].path).toBe('evidenceIds');
  });

  it('refuses another unit’s certificate, certificate numbers from the reporter, and callers who may not link', async () => {
    const foreign = await preserve(otherFirm, '他单位存证');
    const res = await firm.post(`/api/v1/rights/clues/${id}/evidence`, { evidenceIds: [foreign.id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('evidenceIds.0');
    const byNumber = await firm.post(`/api/v1/rights/clues/${id}/evidence`, {
      certificateNos: [foreign.certificateNo],
    });
    expect(byNumber.statusCode).toBe(400);
    expect((await firm.post(`/api/v1/rights/clues/${id}/evidence`, {})).statusCode).toBe(400);
    const own = await preserve(firm, '客户名单（补充）');
    expect((await shaoxing.post(`/api/v1/rights/clues/${id}/evidence`, { evidenceIds: [own.id] })).statusCode).toBe(
      403,
    );
    expect((await otherFirm.post(`/api/v1/rights/clues/${id}/evidence`, { evidenceIds: [own.id] })).statusCode).toBe(
      404,
    );
    expect((await putuo.post(`/api/v1/rights/clues/${id}/evidence`, { evidenceIds: [own.id] })).statusCode).toBe(404);
    expect(await auditCount('rights.evidence_link', id)).toBe(1);
  });

  it('the handler links a certificate the firm handed over by its number; an unknown number is a field error', async () => {
    const own = await preserve(firm, '设计图纸（交给承办人）');
    const unknown = await keqiao.post(`/api/v1/rights/clues/${id}/evidence`, {
      certificateNos: ['SMEV-99999999-00000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields[0].path).toBe('certificateNos.0');
    const res = await keqiao.post(`/api/v1/rights/clues/${id}/evidence`, { certificateNos: [own.certificateNo] });
    expect(res.statusCode, res.body).toBe(200);
    const view = (await keqiao.get(`/api/v1/rights/clues/${id}`)).json();
    expect(view.content.evidence).toHaveLength(2);
    expect(await auditCount('rights.evidence_link', id, keqiaoId)).toBe(1);
  });
});

describe('joint handling grants read access', () => {
  it('a bureau brought into the case reads clue and case (audited); a bureau not brought in is refused', async () => {
    const clue = await reportedAndAssigned(
      firm,
      keqiao,
      keqiaoId,
      clueBody({ holder: { name: '柯桥联合办案测试公司' } }),
    );
    const triaged = await keqiao.post(`/api/v1/rights/clues/${clue.id}/triage`, {
      decision: 'administrative',
      version: clue.version,
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    expect((await yuecheng.client.get(`/api/v1/rights/clues/${clue.id}`)).statusCode).toBe(404);
    expect((await yuecheng.client.get(`/api/v1/rights/cases/${clue.id}`)).statusCode).toBe(404);
    const joint = await shaoxing.post(`/api/v1/rights/cases/${clue.id}/joint-bureaus`, {
      jurisdictionCode: '330602',
      task: '协助调查被举报方在越城区的生产场所',
    });
    expect(joint.statusCode, joint.body).toBe(200);

    const read = await yuecheng.client.get(`/api/v1/rights/clues/${clue.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().access).toBe('content');
    expect(read.json().content.holderName).toBe('柯桥联合办案测试公司');
    expect(await auditCount('rights.read_content', clue.id, yuecheng.id)).toBe(1);
    const kase = await yuecheng.client.get(`/api/v1/rights/cases/${clue.id}`);
    expect(kase.statusCode, kase.body).toBe(200);
    const list = (await yuecheng.client.get('/api/v1/rights/clues')).json();
    expect(list.items.find((c: { id: string }) => c.id === clue.id)?.access).toBe('content');
    // Reading is not handling: the joint bureau cannot triage or note as a handler would.
    expect(
      (await yuecheng.client.post(`/api/v1/rights/clues/${clue.id}/messages`, { body: '越城区协办' })).statusCode,
    ).toBe(403);

    for (const other of [shangyu.client, putuo]) {
      expect((await other.get(`/api/v1/rights/clues/${clue.id}`)).statusCode).toBe(404);
      expect((await other.get(`/api/v1/rights/cases/${clue.id}`)).statusCode).toBe(404);
      expect((await other.get('/api/v1/rights/clues')).body).not.toContain(clue.id);
    }
  });
});

describe('public uploads are held per report', () => {
  const upload = (key: string | null, name: string) =>
    t.anonymous.request({
      method: 'POST',
      url: `/api/v1/rights/public/attachments${key ? `?uploadKey=${key}` : ''}`,
      ...multipart(name, Buffer.from(`%PDF-1.4\n% ${name} ${Date.now()}\n%%EOF\n`)),
    });
  const keyA = 'reporter-a-upload-key-0123456789abcdef';
  const keyB = 'reporter-b-upload-key-0123456789abcdef';

  it('a second reporter from the same address cannot cite the first one’s upload; its own report can', async () => {
    expect((await upload(null, '无凭据.pdf')).statusCode).toBe(400);
    expect((await upload('short', '短凭据.pdf')).statusCode).toBe(400);
    const stored = await upload(keyA, '举报材料A.pdf');
    expect(stored.statusCode, stored.body).toBe(201);
    const file = { sha256: stored.json().sha256 as string, fileName: '举报材料A.pdf' };

    const stolen = await t.anonymous.post(
      '/api/v1/rights/public/reports',
      publicBody({ uploadKey: keyB, attachments: [file] }),
    );
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json().fields[0].path).toBe('attachments');
    const keyless = await t.anonymous.post('/api/v1/rights/public/reports', publicBody({ attachments: [file] }));
    expect(keyless.statusCode).toBe(400);

    const own = await t.anonymous.post(
      '/api/v1/rights/public/reports',
      publicBody({ uploadKey: keyA, attachments: [file] }),
    );
    expect(own.statusCode, own.body).toBe(201);
    const followed = await t.anonymous.post('/api/v1/rights/public/follow', {
      code: own.json().receiptCode,
      secret: publicBody().secret,
    });
    expect(followed.json().content.attachments).toEqual([file]);
  });
});
