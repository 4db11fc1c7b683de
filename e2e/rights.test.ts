/**
 * The walk of issue 12: a firm reports with an evidence certificate attached → the district triages to the criminal
 * route → the transfer is recorded with the police's receipt → closed → written up as a typical case, which a second
 * officer approves in the browser and the public then reads (list, search, detail) on a phone-sized screen.
 *
 * The intake, triage and transfer steps are rights-core's; their pages were not on this branch when the walk was
 * written, so those steps go through the API (as the firm, Keqiao and Shaoxing). The parts of rights-cases — the
 * typical case's approval by a second officer and the public pages — are driven in the browser.
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { type ApiSession, apiAs } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';

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
