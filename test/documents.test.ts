// @postgresql-only: PDF rendering of stored records, read through the use cases.
/**
 * Official documents as PDFs: the text each prints (unit, numbers, dates) read back with pdf.js, the QR code of the
 * certificate and plaque decoded and pointing at the base's registry page, and who may download what — the unit,
 * its bureaus and the certifying bureau the papers of a base; the bureau and the experts the score sheets; anyone
 * the publicity notice and the certification list; everybody else 404, the anonymous 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rubric } from '../src/core/rubric/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, expertSheet, newApplicantUnit, submittedApplication } from './helpers/applications';
import { readApplication, setBusinessDate, shaoxingApproved, shaoxingDecision } from './helpers/bases';
import { pdfQrCodes, pdfText, savePdfPictures } from './helpers/pdf';

const BASE_URL = 'https://shangmi.example.gov.cn';
const put = (client: Client, url: string, payload: Record<string, unknown>) =>
  client.request({ method: 'PUT', url, payload });

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15', PUBLIC_BASE_URL: BASE_URL } });
});
afterAll(async () => {
  await t.close();
});

/** Downloads a PDF; with `picture`, also keeps pictures of its pages in test-artifacts/documents/. */
async function pdf(client: Client, url: string, picture?: { name: string; scale?: number }) {
  const res = await client.get(url);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  if (picture) await savePdfPictures(res.rawPayload, picture.name, picture.scale);
  return res.rawPayload;
}

/** The text without the spaces and breaks that wrapping puts between the pieces of a value. */
const flat = (text: string) => text.replace(/\s+/g, '');

describe('a Putuo point from application to certificate (scored rubric, meeting decision)', () => {
  let putuo: Client;
  let applicant: Client;
  let experts: Client[];
  let expertIds: string[];
  let id: string;
  let rubric: Rubric;
  let certificateNo: string;

  beforeAll(async () => {
    putuo = await t.login('putuo');
    applicant = await t.login('applicant1');
    experts = [await t.login('expert1'), await t.login('expert2')];
    expertIds = [];
    for (const e of experts) expertIds.push((await e.get('/api/v1/experts/me')).json().id);
    let application = await submittedApplication(applicant, 'putuo-2022', 'point');
    id = application.id;
    application = await act(putuo, application, 'start_acceptance');
    for (const expertId of expertIds) {
      const res = await putuo.post(`/api/v1/applications/${id}/panel`, { expertId });
      expect(res.statusCode, res.body).toBe(201);
    }
    rubric = (await putuo.get(`/api/v1/applications/${id}/panel`)).json().rubric;
  });

  it('the application form: fields, narrative, and the opinion blocks with seal and date', async () => {
    const { text } = await pdfText(await pdf(applicant, `/api/v1/applications/${id}/documents/form`));
    const detail = await readApplication(applicant, id);
    const f = flat(text);
    expect(f).toContain(flat(detail.form.title));
    expect(f).toContain(detail.unitName);
    expect(f).toContain('同意申报。');
    expect(f).toContain('区局验收意见');
    expect(f).toContain('（盖章）');
    // The applicant's opinion is dated by the submission's business date (a 2022 walk-through prints 2022, not the
    // day the test ran); the acceptance's is still blank.
    const submitted = detail.history.find((e: { action: string }) => e.action === 'submit');
    expect(submitted.businessDate).toBe('2022-03-15');
    const real = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' });
    expect(f).toContain('2022年3月15日');
    expect(f).not.toContain(real.format(new Date(submitted.at)));
    expect(f).toContain('年月日');
  });

  it('score sheets: each expert’s and the summary, with points, scores, comments, the bonus cap and totals', async () => {
    // Before any sheet: nothing to print.
    expect((await putuo.get(`/api/v1/applications/${id}/documents/score-summary`)).statusCode).toBe(409);
    const first = expertSheet(rubric, 1) as Record<string, { score?: number; note?: string }>;
    first['i1.1'] = { score: 7.5, note: '领导小组由总经理牵头，文件齐全' };
    const second = expertSheet(rubric, 1, '制度完备，台账清楚。');
    for (const [i, answers] of [first, second].entries()) {
      const res = await put(experts[i]!, `/api/v1/applications/${id}/panel/me`, {
        answers,
        comment: `专家${i + 1}综合意见`,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const panel = (await putuo.get(`/api/v1/applications/${id}/panel`)).json();
    const firstTotal = panel.aggregate.experts.find((e: { expertId: string }) => e.expertId === expertIds[0]);

    const sheet = flat(
      (
        await pdfText(
          await pdf(putuo, `/api/v1/applications/${id}/documents/score-sheets/${expertIds[0]}`, {
            name: 'expert-score-sheet-putuo',
          }),
        )
      ).text,
    );
    expect(sheet).toContain('普陀区商业秘密保护示范点验收评价标准');
    expect(sheet).toContain('专家评分表');
    expect(sheet).toContain(
      flat(`申报单位名称：${panel.members.length ? (await readApplication(putuo, id)).unitName : ''}`),
    );
    expect(sheet).toContain('1.组织机构（15分）');
    expect(sheet).toContain('1、成立由本单位负责人牵头的商业秘密保护工作领导小组87.5领导小组由总经理牵头，文件齐全');
    const bonus = rubric.form === 'scored' ? rubric.bonusGroups[0]! : null;
    expect(sheet).toContain(`加分项，最高${bonus?.cap}分`);
    expect(sheet).toContain(`加分项小计（最高${bonus?.cap}分）`);
    expect(sheet).toContain(`总得分：${firstTotal.grandTotal}`);
    expect(sheet).toContain('专家签名：');
    expect(sheet).toContain('日期：');
    expect(sheet).toContain('专家1综合意见');
    // The applicant has had no guidance visit: 活动开展 item 1 is gated; the sheet prints 0 and says why.
    const gated = panel.aggregate.items.find((i: { id: string }) => i.id === 'i5.1');
    expect(gated.gate.reason).toContain('近12个月业务指导 0 次，要求不少于 2 次');
    expect(sheet).toContain(flat(`${gated.gate.reason}（专家评${gated.gate.entered[0].score}分）`));

    const summary = flat(
      (
        await pdfText(
          await pdf(putuo, `/api/v1/applications/${id}/documents/score-summary`, { name: 'panel-summary-putuo' }),
        )
      ).text,
    );
    expect(summary).toContain('验收组评分汇总表');
    for (const m of panel.members) expect(summary).toContain(m.name);
    expect(summary).toContain(`平均总得分${panel.aggregate.meanTotal}分`);
    expect(summary).toContain('验收组组长签名：');
    expect(summary).toContain(flat(gated.gate.reason));
    expect(summary).toContain('专家所评：');

    // An expert downloads its own sheet; the applicant and another district see no scores.
    expect(
      (await experts[1]!.get(`/api/v1/applications/${id}/documents/score-sheets/${expertIds[1]}`)).statusCode,
    ).toBe(200);
    expect((await applicant.get(`/api/v1/applications/${id}/documents/score-summary`)).statusCode).toBe(404);
    expect((await applicant.get(`/api/v1/applications/${id}/documents/score-sheets/${expertIds[0]}`)).statusCode).toBe(
      404,
    );
    expect(
      (await (await t.login('shaoxing')).get(`/api/v1/applications/${id}/documents/score-summary`)).statusCode,
    ).toBe(404);
    expect((await t.anonymous.get(`/api/v1/applications/${id}/documents/score-summary`)).statusCode).toBe(401);
    // Authenticate before validating: a malformed id from the anonymous is still 401.
    expect((await t.anonymous.get('/api/v1/applications/x/documents/form')).statusCode).toBe(401);
    expect(
      (await putuo.get(`/api/v1/applications/${id}/documents/score-sheets/${crypto.randomUUID()}`)).statusCode,
    ).toBe(404);
  });

  it('the form carries the acceptance opinion once given; certificate and plaque after the meeting decision', async () => {
    let current = await readApplication(putuo, id);
    const opinion = '经专家综合评定，该单位商业秘密保护工作成效较为突出，同意通过验收。';
    const written = await put(putuo, `/api/v1/applications/${id}/acceptance-opinion`, {
      opinion,
      version: current.version,
    });
    expect(written.statusCode, written.body).toBe(200);
    // Putuo's programme asks for the expert evaluation to be recorded before acceptance passes.
    const recorded = await putuo.post(`/api/v1/applications/${id}/acceptance-activities`, {
      method: 'expert_evaluation',
      occurredOn: '2022-03-14',
      people: '王立法、陈信安',
      findings: '对照示范点验收评价标准逐项评定。',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    // Passed within the acceptance stage's published dates: the opinion is dated by that business date.
    setBusinessDate(t, '2022-04-08');
    current = await act(putuo, await readApplication(putuo, id), 'pass', { comment: '同意' });
    const form = flat(
      (await pdfText(await pdf(putuo, `/api/v1/applications/${id}/documents/form`, { name: 'application-form-putuo' })))
        .text,
    );
    expect(form).toContain(opinion);
    expect(form).toContain(`${opinion}（盖章）2022年4月8日`);

    setBusinessDate(t, '2022-04-25');
    current = await act(putuo, current, 'approve');
    await act(putuo, current, 'certify', { decision: { form: 'meeting', decidedOn: '2022-04-25' } });
    certificateNo = (await readApplication(putuo, id)).base.certificateNo;

    const detail = (await applicant.get(`/api/v1/registry/${encodeURIComponent(certificateNo)}`)).json();
    expect(detail).toMatchObject({ designation: '普陀区商业秘密保护示范点', documents: { holder: true } });
    expect((await t.anonymous.get(`/api/v1/registry/${encodeURIComponent(certificateNo)}`)).json().documents).toEqual({
      holder: false,
      keeper: false,
    });
    const url = `${BASE_URL}/registry/${encodeURIComponent(certificateNo)}`;
    for (const kind of ['certificate', 'plaque']) {
      const bytes = await pdf(applicant, `/api/v1/registry/${encodeURIComponent(certificateNo)}/${kind}`, {
        name: `${kind}-putuo`,
        scale: kind === 'plaque' ? 0.5 : 1.5,
      });
      const { text, count } = await pdfText(bytes);
      expect(count).toBe(1);
      const f = flat(text);
      expect(f).toContain(detail.unitName);
      expect(f).toContain('普陀区商业秘密保护示范点');
      expect(f).toContain(flat(detail.issuer));
      expect(f).toContain(certificateNo);
      expect(await pdfQrCodes(bytes)).toEqual([url]);
      // The QR code comes from PUBLIC_BASE_URL, never from the Host the caller sends.
      const forged = await applicant.request({
        method: 'GET',
        url: `/api/v1/registry/${encodeURIComponent(certificateNo)}/${kind}`,
        headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      });
      expect(await pdfQrCodes(forged.rawPayload)).toEqual([url]);
    }
    const certificate = flat(
      (await pdfText(await pdf(putuo, `/api/v1/registry/${encodeURIComponent(certificateNo)}/certificate`))).text,
    );
    expect(certificate).toContain('认定证书');
    expect(certificate).toContain('认定日期：2022年4月25日');
    expect(certificate).toContain('认定方式：会议研究');
    // The page of the plaque is 60 × 40 cm.
    const { PDFDocument } = await import('pdf-lib');
    const plaque = await PDFDocument.load(
      await pdf(putuo, `/api/v1/registry/${encodeURIComponent(certificateNo)}/plaque`),
    );
    const size = plaque.getPage(0).getSize();
    expect([Math.round((size.width / 72) * 2.54), Math.round((size.height / 72) * 2.54)]).toEqual([60, 40]);

    // Denials: another unit, another city's bureau, an expert; the anonymous must sign in.
    for (const who of ['applicant2', 'shaoxing', 'expert1']) {
      const res = await (await t.login(who)).get(`/api/v1/registry/${encodeURIComponent(certificateNo)}/certificate`);
      expect(res.statusCode, who).toBe(404);
    }
    expect((await t.anonymous.get(`/api/v1/registry/${encodeURIComponent(certificateNo)}/plaque`)).statusCode).toBe(
      401,
    );
    expect((await putuo.get('/api/v1/registry/310107-2099-point-999/certificate')).statusCode).toBe(404);
    // The city bureau above Putuo keeps the district's bases in view.
    expect(
      (await (await t.login('shanghai')).get(`/api/v1/registry/${encodeURIComponent(certificateNo)}/certificate`))
        .statusCode,
    ).toBe(200);
  });
});

describe('Shaoxing: publicity notice, certification list, district opinion, revocation', () => {
  let shaoxing: Client;
  let applicant: Client;
  let approved: { id: string; version: number };
  let certificateNo: string;

  beforeAll(async () => {
    shaoxing = await t.login('shaoxing');
    applicant = await t.login('applicant2');
    approved = await shaoxingApproved(t, applicant);
  });

  it('the publicity notice: title, text, period, the proposed units — public like the notice page', async () => {
    const notices = (await t.anonymous.get('/api/v1/publicity')).json().items;
    const notice = notices.find((n: { entries: { applicationId: string }[] }) =>
      n.entries.some((e) => e.applicationId === approved.id),
    );
    const bytes = await pdf(t.anonymous, `/api/v1/publicity/${notice.id}/document`, {
      name: 'publicity-notice-shaoxing',
    });
    const f = flat((await pdfText(bytes)).text);
    expect(f).toContain(flat(notice.title));
    expect(f).toContain('现将拟认定名单予以公示。');
    expect(f).toContain(
      `公示期：2021年9月28日至${flat(notice.endsOn.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日'))}（${notice.workingDays}个工作日）`,
    );
    expect(f).toContain(notice.entries[0].unitName);
    expect(f).toContain('绍兴市市场监督管理局');
    expect((await t.anonymous.get(`/api/v1/publicity/${crypto.randomUUID()}/document`)).statusCode).toBe(404);
  });

  it('checklist sheets (002): each requirement with the expert’s 符合 / 不符合, and the majority in the summary', async () => {
    setBusinessDate(t, '2021-09-01');
    const other = (await newApplicantUnit(t, '330603', 'keqiao-sheet')).client;
    const submitted = await submittedApplication(other, 'shaoxing-2021', 'point');
    const recommended = await act(await t.login('keqiao'), submitted, 'recommend', { comment: '同意推荐。' });
    await act(shaoxing, recommended, 'start_acceptance');
    const expert = await t.login('expert3');
    const expertId = (await expert.get('/api/v1/experts/me')).json().id;
    const seated = await shaoxing.post(`/api/v1/applications/${submitted.id}/panel`, { expertId });
    expect(seated.statusCode, seated.body).toBe(201);
    const checklist = seated.json().rubric as Rubric;
    const answers = expertSheet(checklist, 1, '现场核查属实。');
    const first = checklist.form === 'checklist' ? checklist.conditions[0]!.requirements[0]! : null;
    answers[first!.id] = { met: false, note: '制度未经职代会审议' };
    const saved = await put(expert, `/api/v1/applications/${submitted.id}/panel/me`, { answers });
    expect(saved.statusCode, saved.body).toBe(200);

    const sheet = flat(
      (
        await pdfText(
          await pdf(expert, `/api/v1/applications/${submitted.id}/documents/score-sheets/${expertId}`, {
            name: 'expert-checklist-shaoxing',
          }),
        )
      ).text,
    );
    expect(sheet).toContain('专家验收核查表');
    expect(sheet).toContain(flat(`（1）${first!.text}不符合制度未经职代会审议`));
    expect(sheet).toContain('符合现场核查属实。');
    expect(sheet).toContain('专家签名：');
    const summary = flat(
      (await pdfText(await pdf(shaoxing, `/api/v1/applications/${submitted.id}/documents/score-summary`))).text,
    );
    expect(summary).toContain('验收组核查汇总表');
    expect(summary).toContain('按多数意见尚有条件不符合');
    // The applicant's district reviewer sees who sits on the panel, not the sheets.
    const byCounty = await (await t.login('keqiao')).get(
      `/api/v1/applications/${submitted.id}/documents/score-summary`,
    );
    expect(byCounty.statusCode).toBe(404);
  });

  it('the form shows the county’s recommendation opinion under its own heading', async () => {
    const f = flat(
      (
        await pdfText(
          await pdf(shaoxing, `/api/v1/applications/${approved.id}/documents/form`, {
            name: 'application-form-shaoxing',
          }),
        )
      ).text,
    );
    expect(f).toContain('绍兴市商业秘密保护基地（示范点）申报表');
    expect(f).toContain('附表3');
    expect(f).toContain('县市场监管局推荐意见同意推荐。');
    expect(f).toContain('市局验收意见');
    expect((await (await t.login('putuo')).get(`/api/v1/applications/${approved.id}/documents/form`)).statusCode).toBe(
      404,
    );
    expect(
      (await (await t.login('applicant1')).get(`/api/v1/applications/${approved.id}/documents/form`)).statusCode,
    ).toBe(404);
  });

  it('the certification list of the decision, public; a revoked base is shown revoked and gets no certificate', async () => {
    setBusinessDate(t, '2021-10-20');
    const plaqueText = '锦程纺织 绍兴市商业秘密保护示范点';
    await act(shaoxing, await readApplication(shaoxing, approved.id), 'certify', {
      decision: { ...shaoxingDecision(7), plaqueText },
    });
    certificateNo = (await readApplication(shaoxing, approved.id)).base.certificateNo;
    const path = `/api/v1/registry/${encodeURIComponent(certificateNo)}`;
    const detail = (await t.anonymous.get(path)).json();
    expect(detail.designation).toBe('绍兴市商业秘密保护示范点');

    const list = flat(
      (await pdfText(await pdf(t.anonymous, `${path}/certification-list`, { name: 'certification-list-shaoxing' })))
        .text,
    );
    expect(list).toContain('2021年度商业秘密保护示范基地认定名单');
    expect(list).toContain('认定文号：绍市监管竞争〔2021〕7号');
    expect(list).toContain('认定日期：2021年10月11日');
    expect(list).toContain(`1${certificateNo}${detail.unitName}绍兴市商业秘密保护示范点柯桥区有效`);
    expect(list).toContain('共1家。');

    // The bureau's own plaque wording is what the plaque prints.
    expect(flat((await pdfText(await pdf(applicant, `${path}/plaque`))).text)).toContain(flat(plaqueText));
    const cert = flat((await pdfText(await pdf(applicant, `${path}/certificate`))).text);
    expect(cert).toContain('认定文号：绍市监管竞争〔2021〕7号');
    // The county bureau under the city keeps its unit's papers.
    expect((await (await t.login('keqiao')).get(`${path}/certificate`)).statusCode).toBe(200);

    setBusinessDate(t, '2022-06-15');
    const revocation = { ground: 'false_material', revokedOn: '2022-06-10', document: '绍市监管竞争〔2022〕20号' };
    await act(shaoxing, await readApplication(shaoxing, approved.id), 'revoke', { revocation });
    const shown = (await t.anonymous.get(path)).json();
    expect(shown).toMatchObject({
      status: 'revoked',
      statusLabel: '已撤销认定',
      revokedOn: '2022-06-10',
      revocation: { revokedOn: '2022-06-10', groundLabel: '伪造虚假申报材料的', document: revocation.document },
    });
    const refused = await applicant.get(`${path}/certificate`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('该示范基地已于2022年6月10日被撤销认定，认定证书和牌匾不再有效');
    const after = flat((await pdfText(await pdf(t.anonymous, `${path}/certification-list`))).text);
    expect(after).toContain('已于2022年6月10日撤销认定');
  });
});
