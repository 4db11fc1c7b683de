/**
 * The "五个一" picture and the reports upward, in the browser: Keqiao's bureau opens 统计与报送, picks 2021, reads
 * the charts and tables, submits its annual report to Shaoxing (then corrects it, which needs a reason) and
 * downloads the PDF; Shaoxing's bureau sees that Keqiao has reported and Yuecheng has not, and drills down into
 * Keqiao's figures.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pdfText } from '../test/helpers/pdf';
import { setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { switchUser } from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await setBusinessDate('2022-03-15');
});

async function pickYear(page: Page, year: string) {
  await page.getByRole('combobox', { name: '年度' }).click();
  await page.locator(`.ant-select-item-option[title="${year}年"]`).click();
}

test('a district reports its year upward and the city sees who has reported', { timeout: 180_000 }, async () => {
  await setBusinessDate('2022-01-20');
  const { page, errors } = await openPage(browser);
  await login(page, 'keqiao');
  await page.getByRole('menuitem', { name: '统计与报送' }).click();
  await page.getByRole('heading', { name: '柯桥区商业秘密保护工作统计' }).waitFor();
  await pickYear(page, '2021');
  await page.getByText('报送情况：2021年度').waitFor();
  await page.getByRole('img', { name: '本期与上年同期对比图' }).waitFor();
  await page.getByRole('table').first().waitFor();

  await page.getByRole('button', { name: '向绍兴市报送本期报表' }).click();
  const dialog = page.getByRole('dialog', { name: '报送统计报表' });
  await dialog.getByRole('button', { name: /报\s*送/ }).click();
  await page.getByText('报表已报送').first().waitFor();
  await page.getByTestId('report-status').getByText('已报送').waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('report-status').getByRole('button', { name: 'PDF' }).first().click(),
  ]);
  const text = (await pdfText(await readFile((await file.path())!))).text;
  expect(text).toContain('柯桥区商业秘密保护工作年度报表（2021年度）');
  expect(text).toContain('报送至：绍兴市');

  // A correction: submitting the period again needs a reason.
  await page.getByRole('button', { name: '重新报送' }).click();
  await dialog.getByRole('button', { name: /报\s*送/ }).click();
  await dialog.getByText('请填写重新报送的原因').waitFor();
  await dialog.getByLabel('重新报送原因').fill('补录年末培训数据');
  await dialog.getByRole('button', { name: /报\s*送/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await screenshot(page, 'reports-district');

  await switchUser(page, 'shaoxing');
  await page.getByRole('menuitem', { name: '统计与报送' }).click();
  await page.getByRole('heading', { name: '绍兴市商业秘密保护工作统计' }).waitFor();
  await pickYear(page, '2021');
  const status = page.getByTestId('report-status');
  await status.getByText('报送情况：2021年度').waitFor();
  const keqiaoRow = status.getByRole('row', { name: /柯桥区/ });
  await keqiaoRow.getByText('已报送').waitFor();
  expect(await keqiaoRow.innerText()).toContain('重新报送 1 次');
  expect(await status.getByText(/^尚未报送：/).innerText()).toContain('越城区');
  await page.getByRole('img', { name: '下级辖区对比图' }).waitFor();
  await screenshot(page, 'reports-city');

  await page.getByRole('table', { name: '五个一统计表' }).getByRole('button', { name: '柯桥区' }).click();
  await page.getByRole('heading', { name: '柯桥区商业秘密保护工作统计' }).waitFor();
  await page.getByRole('button', { name: '返回绍兴市' }).waitFor();
  expect(errors).toEqual([]);
});
