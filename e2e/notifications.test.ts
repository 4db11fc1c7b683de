/**
 * The notification centre through the UI: two firms submit to Wuhan's programme, which notifies their district
 * bureau (洪山); its officer goes from the header bell to 查看全部通知, sees both, filters the unread ones, opens one
 * (marked read, it leads to the application) and marks the rest read, the bell's count following.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { columnTexts, tableRows } from './helpers/antd';
import { apiAs, setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { newApplicantUnit, submitApplication } from './helpers/prepare';

const FIRMS = ['武汉洪山云帆信息科技有限公司', '武汉洪山启明精密制造有限公司'];

/** Chooses an antd radio button (its input is hidden) by clicking its label, as a user does. */
async function pickRadio(page: Page, name: string) {
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name, exact: true }) })
    .click();
}

let browser: Browser;
let previousDate: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const admin = await apiAs('admin');
  try {
    previousDate = (await admin.get<{ date: string }>('/system/business-date')).date;
  } finally {
    await admin.dispose();
  }
  // Wuhan's programme takes applications until 30 November 2022; the district (洪山) reviews them next.
  await setBusinessDate('2022-03-15');
  for (const [i, name] of FIRMS.entries()) {
    const applicant = await newApplicantUnit('420111', `notify-e2e-${i}`, name);
    await submitApplication(applicant, 'wuhan-2022', 'point', 1);
    await applicant.dispose();
  }
});
afterAll(async () => {
  await browser?.close();
  if (previousDate) await setBusinessDate(previousDate);
});

test('an officer opens the notification centre from the bell, filters unread, opens one and marks all read', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'hongshan');
  // The bell shows 0 until its first answer.
  const bell = page.getByRole('button', { name: /^通知（[1-9]\d* 条未读）$/ });
  await bell.waitFor();
  const unreadBefore = Number((await bell.getAttribute('aria-label'))?.match(/\d+/)?.[0]);
  expect(unreadBefore).toBeGreaterThanOrEqual(FIRMS.length);

  await bell.click();
  await page.getByRole('link', { name: '查看全部通知' }).click();
  await page.waitForURL('**/notifications');
  await page.getByRole('heading', { name: '通知中心', exact: true }).waitFor();
  let rows = await tableRows(page, 'notification-table');
  for (const firm of FIRMS) await rows.filter({ hasText: firm }).getByText('未读', { exact: true }).waitFor();
  await screenshot(page, 'notifications-all');

  await pickRadio(page, '未读');
  await page.waitForURL('**/notifications?filter=unread');
  rows = await tableRows(page, 'notification-table');
  expect(await rows.count()).toBe(Math.min(unreadBefore, 20));
  expect(new Set(await columnTexts(page, '状态', 'notification-table'))).toEqual(new Set(['未读']));

  // Opening one marks it read and goes to the application it is about.
  await rows
    .filter({ hasText: FIRMS[0]! })
    .getByRole('link', { name: new RegExp(FIRMS[0]!) })
    .click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  await page.getByText(FIRMS[0]!).first().waitFor();
  await page.getByRole('button', { name: `通知（${unreadBefore - 1} 条未读）` }).waitFor();
  await page.goBack();
  await page.waitForURL('**/notifications?filter=unread');
  rows = await tableRows(page, 'notification-table');
  await rows.filter({ hasText: FIRMS[1]! }).waitFor();
  expect(await rows.filter({ hasText: FIRMS[0]! }).count()).toBe(0);

  await page.getByRole('button', { name: '全部标为已读' }).click();
  await page.getByText('没有未读通知').first().waitFor();
  await page.getByRole('button', { name: '通知（0 条未读）' }).waitFor();
  expect(await page.getByRole('button', { name: '全部标为已读' }).isDisabled()).toBe(true);
  await screenshot(page, 'notifications-unread-none');

  await pickRadio(page, '全部');
  await page.waitForURL('**/notifications');
  rows = await tableRows(page, 'notification-table');
  for (const firm of FIRMS) await rows.filter({ hasText: firm }).getByText('已读', { exact: true }).waitFor();
  expect(new Set(await columnTexts(page, '状态', 'notification-table'))).toEqual(new Set(['已读']));
  expect(errors).toEqual([]);
});
