/**
 * The whole path of 002 (Shaoxing 2021) for a city-level point from Keqiao: the enterprise keeps its ledger,
 * self-assesses against the article 10 conditions and applies; the Keqiao county bureau recommends it; the city
 * bureau's panel of three experts checks it; the city publishes the proposed list, a member of the public objects
 * without logging in (attaching a file), the city reads the file and answers the objection in writing; after the
 * period the city approves and certifies it (绍市监管竞争〔2021〕N号), and the base appears in the public registry.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { applicantUnit } from './helpers/demo';
import {
  assignExpert,
  buttonName,
  checkEvery,
  fillDate,
  openApplication,
  recordAcceptanceActivity,
  switchUser,
  takeAction,
  waitForStatus,
} from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const UNIT = applicantUnit('applicant2').name;

test('Shaoxing: Keqiao point → county recommendation → city panel → publicity with an objection → certified', {
  timeout: 300_000,
}, async () => {
  await setBusinessDate('2021-09-01');
  const { page, errors } = await openPage(browser);

  // The enterprise records its all-staff training (the conditions check the ledger themselves).
  await login(page, 'applicant2');
  await page.getByRole('menuitem', { name: '工作台账' }).click();
  await page.getByRole('button', { name: /新增记录/ }).click();
  const drawer = page.getByRole('dialog', { name: '新增台账记录' });
  await pickOption(page, drawer.getByLabel('类型'), '', '培训');
  await fillDate(drawer, '日期', new Date().toISOString().slice(0, 10));
  await drawer.getByLabel('主题').fill('全员商业秘密保护轮训');
  await drawer.getByLabel('覆盖比例（%）').fill('100');
  await drawer.getByRole('button', { name: '保存' }).click();
  await drawer.waitFor({ state: 'hidden' });

  // Self-assessment against the article 10 conditions, turned into an application and submitted.
  await page.getByRole('menuitem', { name: '自评' }).click();
  await pickOption(page, page.getByLabel('选择工作方案'), '绍兴', /绍兴/);
  await pickOption(page, page.getByLabel('选择基地类型'), '', /^市级商业秘密保护示范点$/);
  await page.getByRole('button', { name: '开始自评' }).click();
  expect(await checkEvery(page, /^自评符合 /)).toBeGreaterThan(10);
  await page.getByRole('button', { name: '转为申报' }).click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  await page.getByLabel('企业类型').fill('有限责任公司');
  await page
    .getByLabel('商业秘密保护工作开展情况')
    .fill('成立商业秘密保护领导小组，配备保密员，全员轮训，实行分级管理。');
  await page.getByRole('button', { name: '保存申报内容' }).click();
  await page.getByText('申报内容已保存').waitFor();
  await takeAction(page, '提交申报');
  await waitForStatus(page, '已提交');
  const applicationUrl = page.url();

  // The Keqiao county bureau recommends it to the city.
  await switchUser(page, 'keqiao');
  await openApplication(page, '申报管理', UNIT);
  await takeAction(page, '审核推荐', async (dialog) => {
    await dialog.getByLabel('推荐意见').fill('经审核，该企业符合市级示范点申报条件，同意推荐。');
  });
  await waitForStatus(page, '区县已推荐');

  // The city bureau forms a panel of three experts.
  await switchUser(page, 'shaoxing');
  await page.goto(applicationUrl);
  await takeAction(page, '启动验收');
  for (const name of ['王立法', '陈信安', '刘鉴真']) await assignExpert(page, name);
  for (const expert of ['expert1', 'expert2', 'expert3']) {
    await switchUser(page, expert);
    await openApplication(page, '我的评审任务', UNIT);
    expect(await checkEvery(page, /^评审符合 /)).toBeGreaterThan(10);
    await page.getByRole('button', { name: '保存评分' }).click();
    await page.getByText('评分已保存').waitFor();
  }
  await switchUser(page, 'shaoxing');
  await page.goto(applicationUrl);
  // 002 art. 11(4): the written pre-review and the site visit are on record before passing.
  for (const method of ['书面预审', '实地考察']) {
    await recordAcceptanceActivity(page, {
      method,
      date: '2021-09-01',
      people: '王立法、陈信安、刘鉴真；市局竞争执法处',
      findings: `${method}：符合指南第十条规定条件。`,
    });
  }
  await page.getByLabel('综合验收意见').fill('经书面预审、重点抽查和实地考察，符合指南第十条规定条件，同意通过验收。');
  await page.getByRole('button', { name: '保存综合验收意见' }).click();
  await page.getByText('综合验收意见已保存').waitFor();
  await takeAction(page, '验收通过');
  await waitForStatus(page, '验收通过');

  // Publicity of the proposed list.
  await page.getByRole('menuitem', { name: '公示管理' }).click();
  await pickOption(page, page.getByLabel('公示工作方案'), '', /绍兴/);
  await pickOption(page, page.getByLabel('拟认定名单'), '', new RegExp(UNIT));
  await page.getByLabel('公示标题').fill('2021年度绍兴市商业秘密保护基地拟认定名单公示');
  await fillDate(page.locator('form'), '公示开始日期', '2021-09-01');
  await page.getByRole('button', { name: '发布公示' }).click();
  await page.getByText('公示已发布').waitFor();
  // The published notice's form is gone: no validation of it is left on the page.
  await page.getByText('2021年度绍兴市商业秘密保护基地拟认定名单公示').first().waitFor();
  expect(await page.locator('.ant-form-item-explain-error').count()).toBe(0);

  // Anyone may object, without logging in; name and contact are required.
  const visitor = await openPage(browser);
  await visitor.page.goto('/publicity');
  await visitor.page
    .getByRole('button', { name: /提出异议/ })
    .first()
    .click();
  const objection = visitor.page.getByRole('dialog');
  await objection.getByLabel('异议理由').fill('该企业去年曾发生员工带走技术资料的事件，请核查其保护措施是否落实。');
  await objection.getByRole('button', { name: /提交异议/ }).click();
  await objection
    .getByText(/请填写|不能为空/)
    .first()
    .waitFor();
  await objection.getByLabel('姓名').fill('赵群众');
  await objection.getByLabel('联系方式').fill('13800001111');
  // A supporting file, uploaded without an account to the open notice.
  await objection.locator('input[type=file]').setInputFiles({
    name: '现场情况说明.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% objection\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await objection.getByText('现场情况说明.pdf').waitFor();
  await objection.getByRole('button', { name: /提交异议/ }).click();
  await visitor.page.getByText(/异议已提交，监管部门将书面答复处理结果/).waitFor();
  // The receipt is a short code to write down, not an id; with it, the objector follows the objection.
  const receipt = (await visitor.page.getByTestId('receipt-code').innerText()).trim();
  expect(receipt).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
  await visitor.page.getByRole('link', { name: '查询处理进度' }).click();
  const progress = visitor.page.getByTestId('objection-receipt');
  await progress.getByText('已收到', { exact: true }).last().waitFor();
  expect(await progress.innerText()).not.toContain('赵群众');

  // The city reads the objector's file and answers in writing; approval waits for the end of the period.
  await page.reload();
  const objectionFile = page.getByRole('link', { name: '现场情况说明.pdf' });
  const download = await page.request.get((await objectionFile.getAttribute('href')) ?? '');
  expect(download.status()).toBe(200);
  expect(download.headers()['content-type']).toBe('application/pdf');
  // The demo has other objections waiting (the showcase's open notice): answer the one on this unit.
  await page
    .getByRole('row', { name: new RegExp(UNIT) })
    .getByRole('button', { name: '处理异议' })
    .click();
  const resolve = page.getByRole('dialog', { name: '处理异议' });
  await resolve.getByLabel('异议不成立').check();
  await resolve.getByLabel('书面处理结果').fill('经核查，该企业已就该事件报案并完善了涉密人员管理制度，异议不成立。');
  await resolve.getByRole('button', { name: '提交处理结果' }).click();
  await page.getByText('异议处理结果已提交').waitFor();
  // Typed in by hand, lower case and without the dash, the receipt shows the bureau's written answer.
  await visitor.page.goto('/objection-status');
  await visitor.page.getByLabel('回执码').fill(receipt.replace('-', '').toLowerCase());
  await visitor.page.getByRole('button', { name: buttonName('查询') }).click();
  await progress.getByText('经核查，该企业已就该事件报案并完善了涉密人员管理制度，异议不成立。').waitFor();
  await progress.getByText('异议不成立', { exact: true }).waitFor();
  await screenshot(visitor.page, 'objection-status');

  await setBusinessDate('2021-09-08');
  await page.goto(applicationUrl);
  await takeAction(page, '批准');
  await takeAction(page, '认定', async (dialog) => {
    await dialog.getByLabel('认定文号').fill('绍市监管竞争〔2021〕15号');
    await fillDate(dialog, '认定日期', '2021-09-08');
  });
  await waitForStatus(page, '已认定');

  await visitor.page.goto(`/registry?q=${encodeURIComponent(UNIT)}`);
  await visitor.page.getByRole('link', { name: UNIT }).first().click();
  await visitor.page.getByText('绍市监管竞争〔2021〕15号').waitFor();
  await screenshot(visitor.page, 'path-shaoxing-registry');
  expect(errors).toEqual([]);
  expect(visitor.errors).toEqual([]);
});
