/**
 * The register of people and panel suggestions through the UI: Wuhan's bureau files an industry expert in its
 * register (人才库) as an acceptance and think-tank member; on the showcase's chip application under acceptance the
 * panel card suggests that expert with the reason in Chinese.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { clueBody } from '../test/helpers/rights';
import { pickOption } from './helpers/antd';
import { apiAs } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { buttonName, fillDate } from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('a bureau files a person with roles, then sees it suggested for a panel with its reasons', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'wuhan');
  await page.getByRole('menuitem', { name: '专家库' }).click();
  await page.getByRole('heading', { name: '人才库 · 智库' }).waitFor();
  await page.getByRole('button', { name: '新增专家' }).click();
  const form = page.locator('form[aria-label="新增专家"]');
  await form.getByLabel('姓名').fill('芯片验收专家');
  await form.getByLabel('工作单位').fill('华中科技大学集成电路学院');
  await pickOption(page, form.getByLabel('人员类别'), '', '智库成员');
  await pickOption(page, form.getByLabel('职业'), '', '学者');
  await pickOption(page, form.getByLabel('专业领域'), '', '信息技术');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('保存') })
    .click();
  const row = page.locator('tr', { hasText: '芯片验收专家' });
  await row.getByText('智库成员').waitFor();
  await row.getByText('验收专家', { exact: true }).waitFor();

  // The administrator links a login and the industry (熟悉行业) so the expert can score online.
  const admin = await apiAs('admin');
  const wuhan = await apiAs('wuhan');
  try {
    const user = await admin.send<{ id: string }>('POST', '/users', {
      username: 'e2e-chip-expert',
      displayName: '芯片验收专家',
      password: 'expert-1234',
      role: 'expert',
    });
    const found = (await wuhan.get<{ items: { id: string; name: string; version: number }[] }>('/experts')).items.find(
      (e) => e.name === '芯片验收专家',
    )!;
    await admin.send('PATCH', `/experts/${found.id}`, { version: found.version, userId: user.id, industries: ['39'] });
    const chip = (
      await wuhan.get<{ items: { id: string; unitName: string; status: string }[] }>('/applications')
    ).items.find((a) => a.unitName === '武汉芯联微电子有限公司' && a.status === 'under_acceptance');
    expect(chip).toBeDefined();

    await page.goto(`/applications/${chip!.id}`);
    const suggestions = page.getByLabel('推荐专家');
    const suggested = suggestions.locator('.ant-list-item', { hasText: '芯片验收专家' });
    await suggested.getByText('熟悉申报单位所属行业（计算机、通信和其他电子设备制造业）').waitFor();
    await screenshot(page, 'people-panel-suggestions');
  } finally {
    await admin.dispose();
    await wuhan.dispose();
  }
  expect(errors).toEqual([]);
});

test('a record of use links a rights clue picked from the officer’s own clue list', async () => {
  const keqiao = await apiAs('keqiao');
  let clueNo = '';
  try {
    await keqiao.send('POST', '/experts', {
      name: '浏览器测试执法人才',
      affiliation: '柯桥区市场监督管理局',
      field: 'law',
      roles: ['enforcement_talent'],
      profession: 'officer',
      jurisdictionCode: '330603',
    });
    const clue = await keqiao.send<{ clueNo: string }>('POST', '/rights/clues', clueBody({ source: 'inspection' }));
    clueNo = clue.clueNo;
  } finally {
    await keqiao.dispose();
  }
  const { page, errors } = await openPage(browser);
  await login(page, 'keqiao');
  await page.getByRole('menuitem', { name: '专家库' }).click();
  await page.getByLabel('关键词').fill('浏览器测试执法人才');
  await page.getByLabel('关键词').press('Enter');
  await page.locator('tr', { hasText: '浏览器测试执法人才' }).getByRole('button', { name: '使用记录' }).click();
  const form = page.locator('form[aria-label="新增使用记录"]');
  await pickOption(page, form.getByLabel('类别'), '', '参与办案');
  await fillDate(form, '日期', '2021-09-01');
  await pickOption(page, form.getByLabel('关联维权线索或案件'), clueNo, clueNo);
  await form.getByLabel('事项').fill('协助办理染色工艺泄露线索');
  await form.getByRole('button', { name: /保存记录/ }).click();
  await page
    .getByLabel('使用记录')
    .locator('tr', { hasText: '协助办理染色工艺泄露线索' })
    .getByText(`维权线索 ${clueNo}`)
    .waitFor();
  await screenshot(page, 'people-record-linked-clue');
  expect(errors).toEqual([]);
});
