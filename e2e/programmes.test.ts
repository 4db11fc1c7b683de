/**
 * Programme management through the UI: a city-level officer reads a seed rubric with its computed caps, clones a
 * programme into a draft, is shown every problem of a broken edit (and nothing changes), saves a good edit and
 * publishes it; a broken import is refused with its problem list. An applicant reads published programmes only.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openProgramme(page: Page, title: RegExp) {
  await page.getByRole('menuitem', { name: '工作方案' }).click();
  await page.waitForURL('**/programs');
  await page.getByRole('link', { name: title }).first().click();
  await page.waitForURL(/\/programs\/[0-9a-f-]{36}$/);
}

test('a city officer reads a rubric with its caps, clones, edits with a problem list, and publishes', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'shanghai');

  // Putuo 2022's zone rubric: bonus items worth 12 under a cap of 10 (000 annex 5) are shown with the cap applied.
  await openProgramme(page, /普陀区商业秘密保护示范点/);
  await page.getByRole('tab', { name: /示范区/ }).click();
  const visible = (text: string | RegExp) => page.getByText(text).filter({ visible: true });
  await visible('普陀区商业秘密保护示范区验收评价标准').waitFor();
  await visible('满分').waitFor();
  await visible('各加分项合计 12 分，超过封顶 10 分；计分时按 10 分封顶。').waitFor();
  await screenshot(page, 'programme-rubric');

  // Clone the Shanghai measures into a new draft version.
  await openProgramme(page, /上海市市场监督管理局加强商业秘密保护工作若干措施/);
  await page.getByRole('button', { name: /复制为新版本/ }).click();
  await page.getByText(/已复制为第 \d+ 版草稿/).waitFor();
  await page.getByText('草稿', { exact: true }).first().waitFor();

  // A broken edit lists every problem and stores nothing.
  await page.getByRole('button', { name: /编辑草稿/ }).click();
  const source = page.getByLabel('工作方案内容');
  await expect.poll(async () => (await source.inputValue()).length).toBeGreaterThan(100);
  const original = await source.inputValue();
  await source.fill(original.replace(/^year: \d+$/m, 'year: 1999').replace(/^code: .*$/m, 'code: Bad Code'));
  await page.getByRole('button', { name: /保存草稿/ }).click();
  const problems = page.getByLabel('问题清单');
  await problems.getByText('year').waitFor();
  await problems.getByText('code', { exact: true }).waitFor();
  await screenshot(page, 'programme-problems');

  // A good edit saves; publishing makes the version immutable (no more edit button).
  await source.fill(original.replace(/^title: .*$/m, 'title: 上海市加强商业秘密保护工作若干措施（修订稿）'));
  await page.getByRole('button', { name: /保存草稿/ }).click();
  await page.getByRole('heading', { name: '上海市加强商业秘密保护工作若干措施（修订稿）' }).waitFor();
  await page.getByRole('button', { name: /send 发\s*布$/ }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /发\s*布/ })
    .click();
  await page.getByText('已发布；此版本今后不可修改').waitFor();
  expect(await page.getByRole('button', { name: /编辑草稿/ }).count()).toBe(0);
  expect(errors).toEqual([]);
});

test('a broken import is refused with all its problems listed', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.getByRole('menuitem', { name: '工作方案' }).click();
  await page.getByRole('button', { name: /导入工作方案/ }).click();
  await page
    .getByLabel('工作方案内容')
    .fill("formatVersion: 2\ncode: Not Valid\nownerJurisdiction: '330600'\nyear: 20\ntitle: ''\n");
  await page
    .getByRole('button', { name: /导\s*入/ })
    .last()
    .click();
  const problems = page.getByLabel('问题清单');
  await problems.waitFor();
  expect(await problems.locator('.ant-list-item').count()).toBeGreaterThanOrEqual(4);
  await page.getByText(/未导入任何内容/).waitFor();
  expect(errors).toEqual([]);
});

test('an applicant reads published programmes and cannot manage them', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant2');
  await openProgramme(page, /绍兴市市场监督管理局关于进一步强化商业秘密保护工作的通知/);
  await page.getByRole('tab', { name: '工作流程' }).click();
  await page.getByText('书面预审、重点抽查、会议验收、实地考察').waitFor();
  expect(await page.getByRole('button', { name: /复制为新版本|发\s*布|编辑草稿/ }).count()).toBe(0);
  await page.getByRole('menuitem', { name: '工作方案' }).click();
  expect(await page.getByRole('button', { name: /导入工作方案/ }).count()).toBe(0);
  expect(errors).toEqual([]);
});
