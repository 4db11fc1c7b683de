/**
 * The expert registry and the calendar through the UI: a city officer registers an expert, declares a conflict of
 * interest with a unit and confirms it; an administrator marks a day off and the publicity calculator moves.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { buttonName, fillDate } from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('an officer registers an expert and confirms a declared conflict of interest', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'shanghai');
  await page.getByRole('menuitem', { name: '专家库' }).click();
  await page.getByRole('button', { name: '新增专家' }).click();
  const form = page.locator('form[aria-label="新增专家"]');
  await form.getByLabel('姓名').fill('周明律');
  await form.getByLabel('工作单位').fill('上海明德律师事务所');
  await pickOption(page, form.getByLabel('专业领域'), '', '法律');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('保存') })
    .click();
  await page.getByRole('cell', { name: '周明律' }).waitFor();

  const row = page.locator('tr', { hasText: '周明律' });
  await row.getByRole('button', { name: '利益冲突' }).click();
  const declare = page.locator('form[aria-label="申报利益冲突"]');
  await pickOption(page, declare.getByLabel('单位'), '真如', /真如/);
  await pickOption(page, declare.getByLabel('冲突情形'), '', '曾任职');
  await declare.getByRole('button', { name: /申报/ }).click();
  const records = page.getByLabel('利益冲突记录');
  await records.getByText('待确认').waitFor();
  await records.getByRole('button', { name: '确认' }).click();
  await page
    .locator('.ant-popconfirm, .ant-popover')
    .getByRole('button', { name: /确\s*[认定]/ })
    .last()
    .click();
  await records.getByText('已确认').waitFor();
  await screenshot(page, 'experts-conflict');
  expect(errors).toEqual([]);
});

test('an administrator marks a day off and the publicity period ends later', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  const calc = page.locator('form[aria-label="公示期计算"]');
  await fillDate(calc, '起始日期', '2021-09-28');
  await calc.getByLabel('工作日数').fill('5');
  await calc.getByRole('button', { name: '计算' }).click();
  await expect.poll(() => page.getByTestId('working-days-end').textContent()).toContain('2021-10-09');

  await page.getByRole('button', { name: '新增调整' }).click();
  const dialog = page.locator('form[aria-label="新增调整"]');
  await fillDate(dialog, '日期', '2021-10-09');
  await dialog.getByLabel('休息日').check();
  await dialog.getByLabel('说明').fill('本地另行安排休息');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('保存') })
    .click();
  await page.getByLabel('日历调整').getByText('本地另行安排休息').waitFor();
  await calc.getByRole('button', { name: '计算' }).click();
  await expect.poll(() => page.getByTestId('working-days-end').textContent()).toContain('2021-10-11');
  // Removed again: the official calendar applies.
  await page.getByLabel('日历调整').getByRole('button', { name: '删除' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await page.getByLabel('日历调整').getByText('本地另行安排休息').waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
});

test('the calendar shows which years have holiday data, and an administrator enters 2027 in one form', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  const years = page.getByTestId('calendar-years');
  await years.getByText('2026年：国家数据').waitFor();
  await years.getByText('2027年：缺少放假安排').waitFor();

  // Without 2027 data a 5-working-day period from Monday 28 December 2026 ends on New Year's Day: the page says so.
  const calc = page.locator('form[aria-label="公示期计算"]');
  await fillDate(calc, '起始日期', '2026-12-28');
  await calc.getByLabel('工作日数').fill('5');
  await calc.getByRole('button', { name: '计算' }).click();
  await expect.poll(() => page.getByTestId('working-days-end').textContent()).toContain('2027-01-01');
  await page
    .getByTestId('working-days-warning')
    .getByText(/工作日历尚无2027年的法定节假日安排/)
    .waitFor();

  await page.getByRole('button', { name: '录入年度放假安排' }).click();
  const form = page.locator('form[aria-label="录入年度放假安排"]');
  // Only New Year's Day here; the other holidays' rows are removed (a real entry fills them all).
  for (let i = 0; i < 6; i++) await form.getByRole('button', { name: '删除假期2' }).click();
  await fillDate(form, '假期1开始日期', '2027-01-01');
  await fillDate(form, '假期1结束日期', '2027-01-03');
  await screenshot(page, 'calendar-year-form');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: buttonName('保存') })
    .click();
  await page.getByText('已录入2027年放假安排').waitFor();
  await years.getByText('2027年：管理员录入').waitFor();
  await page.getByLabel('日历调整').getByText('元旦').first().waitFor();
  await calc.getByRole('button', { name: '计算' }).click();
  await expect.poll(() => page.getByTestId('working-days-end').textContent()).toContain('2027-01-04');
  expect(await page.getByTestId('working-days-warning').count()).toBe(0);
  expect(errors).toEqual([]);
});
