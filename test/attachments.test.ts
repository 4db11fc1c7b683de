// @postgresql-only: file storage and read access through the use cases, no concurrency or raw SQL.
/**
 * Files reach their readers through the records that reference them: an application's attachments and evidence for
 * whoever may read the application (its unit, the officers over it, the experts on its panel), a self-assessment's
 * evidence for whoever may read the self-assessment, an objection's attachments for the owning bureau only. A hash
 * the record does not reference is a 404. Objectors upload their files without logging in, to an open notice only,
 * with the usual size and type checks and a per-IP rate limit.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rubric } from '../src/core/rubric/schema';
import { auditLog } from '../src/server/db/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, answerAll, fillForm, newApplicantUnit, programmeId } from './helpers/applications';
import { markAcceptancePassed, publish, readApplication, setBusinessDate } from './helpers/bases';
import { multipart } from './helpers/multipart';

/** A minimal PDF the server's content sniffing accepts; `label` makes its bytes (and hash) distinct. */
const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

async function upload(client: Client, fileName: string, content: Buffer, url = '/api/v1/attachments') {
  const res = await client.request({ method: 'POST', url, ...multipart(fileName, content) });
  expect(res.statusCode, res.body).toBe(201);
  return { sha256: res.json().sha256 as string, fileName: res.json().fileName as string };
}

/** A download: 200, the PDF's bytes, its type and its UTF-8 name. */
function expectFile(res: LightMyRequestResponse, content: Buffer, fileName: string) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.rawPayload.equals(content)).toBe(true);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
}

function expectNotFound(res: LightMyRequestResponse, message: string) {
  expect(res.statusCode, res.body).toBe(404);
  expect(res.json().message).toBe(message);
}

let t: TestApp;
let applicant: Client;
let other: Client;
let keqiao: Client;
let shaoxing: Client;
let putuo: Client;
let expert1: Client;
let expert2: Client;

const FORM_FILE = pdf('form attachment');
const EVIDENCE_FILE = pdf('evidence');
const OTHER_FILE = pdf('another unit');
const OBJECTION_FILE = pdf('objection');
let formRef: { sha256: string; fileName: string };
let evidenceRef: { sha256: string; fileName: string };
let otherRef: { sha256: string; fileName: string };
let assessmentId: string;
let application: { id: string; version: number };
let otherApplicationId: string;

/** A self-assessment of the applicant's unit with `evidence` on its first answer, turned into a draft application. */
async function draftWithEvidence(client: Client, evidence: { sha256: string; fileName: string }, form: object[]) {
  const created = await client.post('/api/v1/self-assessments', {
    programmeId: await programmeId(client, 'shaoxing-2021'),
    kindId: 'point',
  });
  expect(created.statusCode, created.body).toBe(201);
  const assessment = created.json();
  const answers: Record<string, object> = answerAll(assessment.rubric as Rubric);
  const first = Object.keys(answers)[0]!;
  answers[first] = { ...answers[first], evidence: [{ type: 'attachment', ...evidence }] };
  const saved = await client.patch(`/api/v1/self-assessments/${assessment.id}`, {
    version: assessment.version,
    answers,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const draft = await client.post('/api/v1/applications', { selfAssessmentId: assessment.id });
  expect(draft.statusCode, draft.body).toBe(201);
  const filled = await client.patch(`/api/v1/applications/${draft.json().id}`, {
    version: draft.json().version,
    formData: fillForm(draft.json().form?.fields ?? [], draft.json().formData),
    narrative: '本单位建立了商业秘密保护制度，设专人负责，定期开展培训与自查。',
    applicantOpinion: '同意申报。',
    attachments: form,
  });
  expect(filled.statusCode, filled.body).toBe(200);
  return { assessmentId: assessment.id as string, application: filled.json() as { id: string; version: number } };
}

beforeAll(async () => {
  // 1 September 2021: Shaoxing's window (until 30 September 2021) is open.
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  setBusinessDate(t, '2021-09-01');
  applicant = await t.login('applicant2');
  other = (await newApplicantUnit(t, '330603', 'keqiao-other-firm')).client;
  keqiao = await t.login('keqiao');
  shaoxing = await t.login('shaoxing');
  putuo = await t.login('putuo');
  expert1 = await t.login('expert1');
  expert2 = await t.login('expert2');

  formRef = await upload(applicant, '申报书附件 2021.pdf', FORM_FILE);
  evidenceRef = await upload(applicant, '保密制度汇编.pdf', EVIDENCE_FILE);
  otherRef = await upload(other, '他人的材料.pdf', OTHER_FILE);
  const mine = await draftWithEvidence(applicant, evidenceRef, [formRef]);
  assessmentId = mine.assessmentId;
  application = mine.application;
  otherApplicationId = (await draftWithEvidence(other, otherRef, [otherRef])).application.id;
});
afterAll(async () => {
  await t.close();
});

describe('application files', () => {
  const url = (sha256: string, id = application.id) => `/api/v1/applications/${id}/attachments/${sha256}`;

  it('the unit downloads its draft’s attachments and evidence; officers see nothing before submission', async () => {
    expectFile(await applicant.get(url(formRef.sha256)), FORM_FILE, '申报书附件 2021.pdf');
    expectFile(await applicant.get(url(evidenceRef.sha256)), EVIDENCE_FILE, '保密制度汇编.pdf');
    expectNotFound(await keqiao.get(url(formRef.sha256)), '申报不存在或无权查看');
  });

  it('officers over the unit, then the assigned expert, read them; nobody else does', async () => {
    application = await act(applicant, application, 'submit');
    for (const officer of [keqiao, shaoxing]) {
      expectFile(await officer.get(url(formRef.sha256)), FORM_FILE, '申报书附件 2021.pdf');
      expectFile(await officer.get(url(evidenceRef.sha256)), EVIDENCE_FILE, '保密制度汇编.pdf');
    }
    // Another unit's applicant, another district's officer, an expert not on the panel, the public.
    expectNotFound(await other.get(url(formRef.sha256)), '申报不存在或无权查看');
    expectNotFound(await putuo.get(url(formRef.sha256)), '申报不存在或无权查看');
    expectNotFound(await (await t.login('hongshan')).get(url(evidenceRef.sha256)), '申报不存在或无权查看');
    expectNotFound(await expert1.get(url(formRef.sha256)), '申报不存在或无权查看');
    expect((await t.anonymous.get(url(formRef.sha256))).statusCode).toBe(401);

    // The city puts expert 1 on the panel: it reads the files, expert 2 still does not.
    application = await act(keqiao, application, 'recommend', { comment: '同意推荐。' });
    application = await act(shaoxing, application, 'start_acceptance');
    const expertId = (await expert1.get('/api/v1/experts/me')).json().id;
    const seated = await shaoxing.post(`/api/v1/applications/${application.id}/panel`, { expertId });
    expect(seated.statusCode, seated.body).toBe(201);
    expectFile(await expert1.get(url(formRef.sha256)), FORM_FILE, '申报书附件 2021.pdf');
    expectFile(await expert1.get(url(evidenceRef.sha256)), EVIDENCE_FILE, '保密制度汇编.pdf');
    expectNotFound(await expert2.get(url(formRef.sha256)), '申报不存在或无权查看');
  });

  it('serves only the files the application references, whoever asks', async () => {
    // Another record's file, stored and known by its hash, is not this application's.
    expectNotFound(await applicant.get(url(otherRef.sha256)), '附件不存在或无权查看');
    expectNotFound(await shaoxing.get(url(otherRef.sha256)), '附件不存在或无权查看');
    expectNotFound(await other.get(url(formRef.sha256, otherApplicationId)), '附件不存在或无权查看');
    expectNotFound(await applicant.get(url('0'.repeat(64))), '附件不存在或无权查看');
    expect((await applicant.get(url('not-a-hash'))).statusCode).toBe(400);
  });
});

describe('self-assessment evidence', () => {
  const url = (sha256: string) => `/api/v1/self-assessments/${assessmentId}/attachments/${sha256}`;

  it('is read by whoever reads the self-assessment: the unit and the officers over it', async () => {
    for (const reader of [applicant, keqiao, shaoxing]) {
      expectFile(await reader.get(url(evidenceRef.sha256)), EVIDENCE_FILE, '保密制度汇编.pdf');
    }
    expectNotFound(await other.get(url(evidenceRef.sha256)), '自评不存在或无权查看');
    expectNotFound(await putuo.get(url(evidenceRef.sha256)), '自评不存在或无权查看');
    // Experts read the evidence through the application they review, not the unit's self-assessments.
    expectNotFound(await expert1.get(url(evidenceRef.sha256)), '自评不存在或无权查看');
    expect((await t.anonymous.get(url(evidenceRef.sha256))).statusCode).toBe(401);
  });

  it('serves only the evidence the self-assessment cites', async () => {
    // The application's form attachment is not evidence of the self-assessment; another unit's file even less.
    expectNotFound(await applicant.get(url(formRef.sha256)), '附件不存在或无权查看');
    expectNotFound(await keqiao.get(url(otherRef.sha256)), '附件不存在或无权查看');
  });
});

describe('objection attachments', () => {
  let noticeId: string;
  let objectionId: string;
  let objectionRef: { sha256: string; fileName: string };
  const uploadUrl = () => `/api/v1/publicity/${noticeId}/attachments`;
  const url = (sha256: string) => `/api/v1/objections/${objectionId}/attachments/${sha256}`;

  beforeAll(async () => {
    await markAcceptancePassed(t, application.id);
    const notice = await publish(shaoxing, 'shaoxing-2021', [application.id], '2021-09-01');
    noticeId = notice.id;
    application = await readApplication(shaoxing, application.id);
  });

  it('anyone uploads a file to an open notice without logging in, with the usual checks', async () => {
    const res = await t.anonymous.request({
      method: 'POST',
      url: uploadUrl(),
      ...multipart('现场照片及说明.pdf', OBJECTION_FILE),
    });
    expect(res.statusCode, res.body).toBe(201);
    objectionRef = { sha256: res.json().sha256, fileName: res.json().fileName };
    expect(res.json()).toMatchObject({ mimeType: 'application/pdf', fileName: '现场照片及说明.pdf' });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'attachment.upload'), eq(auditLog.entityId, objectionRef.sha256)));
    expect(audit).toMatchObject({ actorId: null, entityType: 'attachment' });
    expect(audit!.after).toMatchObject({ noticeId, anonymous: true });

    // Bytes that are not an accepted type, whatever the name says; too large; not multipart.
    const fake = await t.anonymous.request({
      method: 'POST',
      url: uploadUrl(),
      ...multipart('证据.pdf', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.json().message).toContain('不支持的文件类型');
    const large = await t.anonymous.request({
      method: 'POST',
      url: uploadUrl(),
      ...multipart('大文件.pdf', Buffer.concat([pdf('large'), Buffer.alloc(20 * 1024 * 1024)])),
    });
    expect(large.statusCode).toBe(413);
    expect(large.json().message).toBe('附件不能超过 20 MB');
    const json = await t.anonymous.post(uploadUrl(), { file: 'x' });
    expect(json.statusCode).toBe(415);

    // Only to a notice that exists and takes objections now.
    const unknown = await t.anonymous.request({
      method: 'POST',
      url: `/api/v1/publicity/${randomUUID()}/attachments`,
      ...multipart('a.pdf', pdf('unknown notice')),
    });
    expectNotFound(unknown, '公示不存在或无权查看');
    setBusinessDate(t, '2021-12-01');
    const closed = await t.anonymous.request({
      method: 'POST',
      url: uploadUrl(),
      ...multipart('a.pdf', pdf('closed notice')),
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().message).toContain('不再受理异议');
    setBusinessDate(t, '2021-09-01');
  });

  it('the objection names the file; the owning bureau downloads it, nobody else', async () => {
    const filed = await t.anonymous.post(`/api/v1/publicity/${noticeId}/objections`, {
      applicationId: application.id,
      name: '钱女士',
      contact: '13905751234',
      reasons: '该企业的保密制度仅为文件汇编，现场未见落实，附现场照片及说明。',
      attachments: [objectionRef],
    });
    expect(filed.statusCode, filed.body).toBe(201);
    objectionId = filed.json().id;

    const list = (await shaoxing.get(`/api/v1/objections?noticeId=${noticeId}`)).json();
    expect(list.items.find((o: { id: string }) => o.id === objectionId).attachments).toEqual([objectionRef]);
    expectFile(await shaoxing.get(url(objectionRef.sha256)), OBJECTION_FILE, '现场照片及说明.pdf');
    expectFile(await (await t.login('admin')).get(url(objectionRef.sha256)), OBJECTION_FILE, '现场照片及说明.pdf');

    // The district below the owner, another bureau, the applicant objected to, an expert, the public.
    expectNotFound(await keqiao.get(url(objectionRef.sha256)), '异议不存在或无权查看');
    expectNotFound(await putuo.get(url(objectionRef.sha256)), '异议不存在或无权查看');
    expect((await applicant.get(url(objectionRef.sha256))).statusCode).toBe(403);
    expect((await expert1.get(url(objectionRef.sha256))).statusCode).toBe(403);
    expect((await t.anonymous.get(url(objectionRef.sha256))).statusCode).toBe(401);
    // Files of other records are not the objection's.
    expectNotFound(await shaoxing.get(url(formRef.sha256)), '附件不存在或无权查看');
    expectNotFound(await shaoxing.get(url(evidenceRef.sha256)), '附件不存在或无权查看');
  });
});

describe('the public upload', () => {
  it('is rate-limited per IP', async () => {
    const limited = await buildTestApp({ seed: false, env: { LOGIN_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      // Counted before the notice is looked up: an unknown notice still costs a request.
      const post = (ip: string) =>
        limited.app.inject({
          method: 'POST',
          url: `/api/v1/publicity/${randomUUID()}/attachments`,
          remoteAddress: ip,
          ...multipart('a.pdf', pdf('rate limit')),
        });
      expect((await post('203.0.113.7')).statusCode).toBe(404);
      expect((await post('203.0.113.7')).statusCode).toBe(404);
      const refused = await post('203.0.113.7');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({
        code: 'rate_limited',
        message: expect.stringMatching(/^请求过于频繁，请在 \d+ 秒后再试$/),
      });
      expect((await post('198.51.100.9')).statusCode).toBe(404);
    } finally {
      await limited.close();
    }
  });
});

describe('citing files', () => {
  it("knowing another unit's file hash is not enough to cite it, in any record; uploading it oneself is", async () => {
    const refused = (res: LightMyRequestResponse, path: string) => {
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().fields).toContainEqual({ path, message: '附件不存在或不是本单位（本人）上传的，请重新上传' });
    };
    const foreign = { sha256: otherRef.sha256, fileName: '偷来的.pdf' };
    const unitId = (await applicant.get('/api/v1/auth/me')).json().user.unitId;
    // The ledger, a self-assessment's evidence, an application's attachments.
    refused(
      await applicant.post('/api/v1/ledger', {
        unitId,
        kind: 'training',
        occurredOn: '2021-08-01',
        title: '保密培训',
        attachments: [foreign],
      }),
      'attachments',
    );
    const assessment = (await applicant.get(`/api/v1/self-assessments/${assessmentId}`)).json();
    const first = Object.keys(assessment.answers)[0]!;
    refused(
      await applicant.patch(`/api/v1/self-assessments/${assessmentId}`, {
        version: assessment.version,
        answers: {
          ...assessment.answers,
          [first]: { ...assessment.answers[first], evidence: [{ type: 'attachment', ...foreign }] },
        },
      }),
      `answers.${first}.evidence`,
    );
    const fresh = await newApplicantUnit(t, '330603', 'keqiao-citing-firm');
    const { application: draft } = await draftWithEvidence(
      fresh.client,
      await upload(fresh.client, '自己的.pdf', pdf('own')),
      [],
    );
    refused(
      await fresh.client.patch(`/api/v1/applications/${draft.id}`, { version: draft.version, attachments: [foreign] }),
      'attachments',
    );
    // A never-stored hash gets the same answer.
    refused(
      await fresh.client.patch(`/api/v1/applications/${draft.id}`, {
        version: draft.version,
        attachments: [{ sha256: 'f'.repeat(64), fileName: '不存在.pdf' }],
      }),
      'attachments',
    );
    // The same content uploaded by the unit itself is its own to cite.
    const own = await upload(fresh.client, '同样的内容.pdf', OTHER_FILE);
    expect(own.sha256).toBe(otherRef.sha256);
    const cited = await fresh.client.patch(`/api/v1/applications/${draft.id}`, {
      version: draft.version,
      attachments: [own],
    });
    expect(cited.statusCode, cited.body).toBe(200);
    expectFile(
      await fresh.client.get(`/api/v1/applications/${draft.id}/attachments/${own.sha256}`),
      OTHER_FILE,
      '同样的内容.pdf',
    );
  });
});
