/**
 * The rights module in the browser (issue 12).
 *
 * rights-core: the public rights pages on a 390 px phone: a visitor reports a trade-secret infringement anonymously
 * to Keqiao, gets a receipt code, and follows the report with the code and the password on the follow page — no
 * sideways scrolling on either page.
 *
 * rights-cases — the walk of the issue: a firm reports with an evidence certificate attached → the district triages to
 * the criminal route → the transfer is recorded with the police's receipt → closed → written up as a typical case,
 * which a second officer approves in the browser and the public then reads (list, search, detail) at 390 px. The
 * intake, triage and transfer steps of the walk go through the API (as the firm, Keqiao and Shaoxing); the typical
 * case's approval and the public pages are driven in the browser.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { type ApiSession, apiAs } from './helpers/api';
import { launchBrowser, login, openPage, screenshot, waitForQuietNetwork } from './helpers/browser';

let browser: Browser;
let firm: ApiSession;
let keqiao: ApiSession;
let shaoxing: ApiSession;
beforeAll(async () => {
  browser = await launchBrowser();
  [firm, keqiao, shaoxing] = await Promise.all([apiAs('applicant2'), apiAs('keqiao'), apiAs('shaoxing')]);
});
afterAll(async () => {
  await Promise.all([firm?.dispose(), keqiao?.dispose(), shaoxing?.dispose()]);
  await browser?.close();
});

const noSidewaysScroll = () => document.documentElement.scrollWidth - window.innerWidth;

test('an anonymous report and its follow page at 390 px', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/rights/report');
  await waitForQuietNetwork(page);
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(1);
  await pickOption(page, page.getByLabel('管辖部门'), '柯桥', '柯桥区');
  await page.getByLabel('权利人名称').fill('绍兴柯桥某纺织有限公司');
  await page.getByLabel('被举报方名称').fill('绍兴某某印染科技有限公司');
  await page.getByLabel('原料配方').check();
  await page.getByLabel('商业秘密内容概述').fill('低温染色助剂配方');
  await page.getByLabel('离职员工带走').check();
  await page.getByLabel('侵权事实').fill('前技术主管离职后对方推出同类产品');
  await page.getByLabel('设置查询密码（至少8位，用于查询进展）').fill('follow-me-2024');
  await screenshot(page, 'rights-report-390');
  await page.getByRole('button', { name: '提交举报' }).click();
  const receipt = page.getByTestId('rights-receipt');
  await receipt.waitFor();
  const code = (await receipt.locator('strong').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{10}$/);
  await screenshot(page, 'rights-receipt-390');

  await page.goto('/rights/follow');
  await waitForQuietNetwork(page);
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('查询密码').fill('wrong-password');
  await page.getByRole('button', { name: '查 询' }).click();
  await page.getByText('查询码或查询密码不正确').waitFor();
  await page.getByLabel('查询密码').fill('follow-me-2024');
  await page.getByRole('button', { name: '查 询' }).click();
  const followed = page.getByTestId('rights-followed');
  await followed.waitFor();
  await expect.poll(() => followed.textContent()).toContain('待研判');
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(1);
  await screenshot(page, 'rights-follow-390');
  expect(errors).toEqual([]);
});

const TITLE = '某纺织企业染色工艺被前技术主管披露移送公安案';
let typicalId = '';

test('a firm reports with an evidence certificate; Keqiao transfers it to the police and closes it', async () => {
  const evidence = await firm.send<{ id: string }>('POST', '/evidence/entries', {
    algorithm: 'sha256',
    digest: createHash('sha256').update(`低温染色工艺参数-${Date.now()}`).digest('hex'),
    label: '低温染色工艺参数表',
  });
  const clue = await firm.send<{ id: string }>('POST', '/rights/clues', {
    source: 'unit',
    holder: { name: '绍兴柯桥锦程纺织印染有限公司' },
    infringers: [{ kind: 'person', name: '张某', creditCode: null, relation: '前技术主管' }],
    secretKinds: ['process'],
    secretDescription: '活性染料低温染色工艺参数',
    leakChannels: ['departing_employee'],
    protectionMeasures: ['confidentiality_agreement'],
    facts: '前技术主管离职后将工艺参数提供给竞争对手',
    estimatedLossYuan: 800_000,
    urgency: 'urgent',
    requestedRoute: 'criminal',
    evidenceIds: [evidence.id],
  });
  const me = await keqiao.get<{ user: { id: string } }>('/auth/me');
  let { version } = await keqiao.send<{ version: number }>('POST', `/rights/clues/${clue.id}/handlers`, {
    handlerIds: [me.user.id],
    version: 1,
  });
  ({ version } = await keqiao.send<{ version: number }>('POST', `/rights/clues/${clue.id}/triage`, {
    decision: 'criminal',
    policeAgency: '绍兴市公安局柯桥区分局',
    version,
  }));
  ({ version } = await shaoxing.send<{ version: number }>('POST', `/rights/clues/${clue.id}/transfer-steps`, {
    step: 'approve',
    version,
  }));
  ({ version } = await keqiao.send<{ version: number }>('POST', `/rights/clues/${clue.id}/transfer-steps`, {
    step: 'send',
    version,
  }));
  const today = (await keqiao.get<{ date: string }>('/system/business-date')).date;
  ({ version } = await keqiao.send<{ version: number }>('POST', `/rights/clues/${clue.id}/transfer-steps`, {
    step: 'police_received',
    on: today,
    version,
  }));
  const closed = await keqiao.send<{ status: string }>('POST', `/rights/transfers/${clue.id}/close`, {
    summary: '公安机关已接收移送并立案侦查',
    version,
  });
  expect(closed.status).toBe('closed');
  const typical = await keqiao.send<{ id: string; version: number }>('POST', '/rights/typical-cases', {
    clueId: clue.id,
    title: TITLE,
    summary: '企业前技术主管离职后披露染色工艺，市场监管部门依法移送公安机关。',
    body: '某纺织企业向区市场监管局反映，其前技术主管离职后将低温染色工艺参数提供给竞争对手。经研判，损失数额达到刑事立案追诉标准，依法移送公安机关，公安机关已接收并立案侦查。',
    significance: '提示企业做好离职人员保密管理，并通过存证固定商业秘密的存在时间。',
    secretCategory: '技术信息',
    industry: '纺织业',
  });
  await keqiao.send('POST', `/rights/typical-cases/${typical.id}/submit`, { version: typical.version });
  typicalId = typical.id;
});

test('the author cannot publish; a second officer approves it in the browser', async () => {
  const author = await openPage(browser);
  await login(author.page, 'keqiao');
  await author.page.goto(`/rights-cases/typical/${typicalId}`);
  await author.page.getByText('等待另一名人员审核发布').waitFor();
  expect(await author.page.getByRole('button', { name: '审核发布' }).count()).toBe(0);

  const { page } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.goto(`/rights-cases/typical/${typicalId}`);
  await page.getByRole('button', { name: '审核发布' }).click();
  await page.getByText('公众可在').waitFor();
  await screenshot(page, 'rights-typical-approved');
});

test('the public finds and reads it on a 390 px screen', async () => {
  const { page } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/typical-cases');
  const search = page.getByRole('searchbox', { name: '检索典型案例' });
  await search.fill('染色工艺');
  await search.press('Enter');
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await page.getByText('依法移送公安机关，公安机关已接收并立案侦查').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'rights-typical-public-390');
});
