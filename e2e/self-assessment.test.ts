/**
 * An applicant self-assesses against the Putuo 2022 point rubric: answers item by item, sees the estimated score and
 * the gap list update at once — including a gap the platform found in the ledger, not in the answers — and saves.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { baseUrl, launchBrowser, login, openPage, screenshot } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('applicant1 self-assesses for a Putuo point and sees its score and gap list live', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant1');
  await page.getByRole('menuitem', { name: '自评' }).click();
  await page.waitForURL('**/self-assessment');
  await pickOption(page, page.getByLabel('选择工作方案'), '普陀', /普陀/);
  await pickOption(page, page.getByLabel('选择基地类型'), '', /^区级商业秘密保护示范点$/);
  await page.getByRole('button', { name: '开始自评' }).click();
  const gaps = page.getByLabel('差距清单');
  await gaps.waitFor();

  await page.getByLabel('自评得分 i4.1').fill('8');
  await page.getByLabel('自评得分 i5.1').fill('8');
  await page.getByLabel('自评得分 i5.1').blur();
  // Fewer than two guidance visits in the ledger: the platform itself reports the gap and does not count the points.
  await gaps.getByText(/^近12个月业务指导 [01] 次，要求不少于 2 次$/).waitFor();
  const total = page.locator('.ant-statistic').filter({ hasText: '估算总分' });
  await expect.poll(async () => (await total.textContent())?.replace(/\s/g, '')).toContain('估算总分8/100');
  await screenshot(page, 'self-assessment-gaps');

  // Evidence for an answer: an uploaded file, kept with the draft.
  const pdf = path.join(tmpdir(), '保密员任命文件.pdf');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const row = page.locator('tr', { has: page.getByLabel('上传佐证 i4.1') });
  await row.locator('input[type=file]').setInputFiles(pdf);
  await row.getByText('保密员任命文件.pdf').waitFor();

  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('自评草稿已保存').waitFor();
  // Saved with the draft, the file downloads through it.
  await row.getByRole('link', { name: '保密员任命文件.pdf' }).waitFor();
  await page.goto(`${baseUrl()}/self-assessment`);
  await page.getByText('我的自评草稿').waitFor();
  await page
    .getByRole('button', { name: /打\s*开/ })
    .first()
    .click();
  await page.getByText('保密员任命文件.pdf').first().waitFor();
  expect(errors).toEqual([]);
});
