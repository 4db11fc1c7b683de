/**
 * Bureau assessment (评估考核), walked from import to the published ranking: Shaoxing imports its scheme (a broken
 * file first: every problem listed, nothing saved), publishes it, scores Yuecheng's hand-scored indicator with the
 * drill-down open, publishes the results; Yuecheng's bureau then reads the ranking.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { switchUser } from './helpers/workflow';

// The demo already holds this scheme (assessment-demo.ts): the walk imports it again as a trial under its own code.
const TITLE = '2021年度各区、县（市）商业秘密保护工作评估考核（试评）';
const YAML = readFileSync('assessments/shaoxing-2021.yaml', 'utf8')
  .replace('code: shaoxing-assessment-2021', 'code: shaoxing-assessment-2021-trial')
  .replace('title: 2021年度各区、县（市）商业秘密保护工作评估考核', `title: ${TITLE}`);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await setBusinessDate('2022-03-15');
});

test('an assessment from import to the published ranking', async () => {
  await setBusinessDate('2022-01-20');
  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.getByRole('menuitem', { name: '评估考核' }).click();
  await page.getByRole('button', { name: '导入考核方案' }).click();
  const dialog = page.getByRole('dialog', { name: '导入评估考核方案' });
  await dialog.getByLabel('方案内容').fill(YAML.replace('points: 40', 'points: 0').replace('full: 4', 'full: -4'));
  await dialog.getByRole('button', { name: '导入为草稿' }).click();
  await dialog.getByText('方案有 2 处问题').waitFor();
  expect(await dialog.getByTestId('problems').innerText()).toContain('indicators[0].points：分值应大于0');
  await dialog.getByLabel('方案内容').fill(YAML);
  await dialog.getByRole('button', { name: '导入为草稿' }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await page.getByText('草稿', { exact: true }).waitFor();

  await page.getByRole('button', { name: '发布方案' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('方案已发布').waitFor();

  // Yuecheng's scorecard: the computed points with the records behind them, then the hand score.
  await page.getByRole('button', { name: '越城区' }).click();
  const drawer = page.getByRole('dialog', { name: '越城区：得分明细' });
  await drawer.getByText('绍兴越醇黄酒有限公司').first().waitFor();
  const form = drawer.getByRole('form', { name: /评分：制定本地商业秘密保护工作方案/ });
  await form.getByLabel('得分').fill('28');
  await form.getByLabel('评分说明').fill('有年度工作方案并落实，个别任务滞后。');
  await form.getByRole('button', { name: '保存评分' }).click();
  await page.getByText('评分已保存').waitFor();
  await screenshot(page, 'assessment-scorecard');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // The other counties' hand-scored indicator is still unscored: the server lists them and publishing needs a yes.
  await page.getByRole('button', { name: '公布考核结果' }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  const pending = page.getByRole('dialog', { name: '尚有人工评分未完成' });
  await pending.getByText(/柯桥区“制定本地商业秘密保护工作方案并组织实施”/).waitFor();
  await pending.getByRole('button', { name: '仍然公布' }).click();
  await page.getByText('考核结果已公布').waitFor();
  const first = page.locator('.ant-table-tbody tr.ant-table-row').first();
  expect(await first.innerText()).toMatch(/^1\s+越城区/);
  await screenshot(page, 'assessment-ranking');

  // The assessed bureau reads the published ranking.
  await switchUser(page, 'yuecheng');
  await page.getByRole('menuitem', { name: '评估考核' }).click();
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByText('得分排名').waitFor();
  expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThan(1);
  expect(errors).toEqual([]);
});
