/**
 * Applicants see their own unit (/my-unit) and nothing else: another unit's page answers "not found", the bureau
 * pages are refused. A session that ends mid-use sends the user back to the login page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, login, openPage, screenshot, waitForQuietNetwork } from './helpers/browser';
import { applicantUnit, unitIdByName } from './helpers/demo';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('applicant1 sees its own unit with contacts at /my-unit', async () => {
  const own = applicantUnit('applicant1');
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant1');
  await page.getByText(own.name).first().waitFor();
  await page.getByRole('menuitem', { name: '本单位信息' }).click();
  await page.waitForURL('**/my-unit');
  await page.getByRole('heading', { name: own.name }).waitFor();
  await page.getByText(own.creditCode).waitFor();
  for (const contact of own.contacts) await page.getByRole('cell', { name: contact.name }).waitFor();
  await page.getByRole('button', { name: '修改信息' }).waitFor();
  await screenshot(page, 'applicant1-my-unit');
  expect(errors).toEqual([]);
});

test('applicant1 cannot open another unit (不存在或无权查看) nor the bureau pages', async () => {
  const other = applicantUnit('applicant2');
  const otherId = await unitIdByName(other.name);
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant1');
  await page.goto(`/units/${otherId}`);
  await page.getByText('不存在或无权查看').waitFor();
  expect(await page.getByText(other.name).count()).toBe(0);
  await screenshot(page, 'applicant1-other-unit-denied');
  await page.goto(`/units/${otherId}/edit`);
  await page.getByText('不存在或无权查看').waitFor();
  for (const path of ['/units', '/units/new', '/audit', '/admin/users', '/jurisdictions']) {
    await page.goto(path);
    await page.getByText('无权访问', { exact: true }).waitFor();
  }
  expect(errors).toEqual([]);
});

test('applicant1 edits its own unit but cannot move it to another jurisdiction', async () => {
  const own = applicantUnit('applicant1');
  const { page } = await openPage(browser);
  await login(page, 'applicant1');
  await page.goto('/my-unit');
  await page.getByRole('button', { name: '修改信息' }).click();
  await page.waitForURL(/\/edit$/);
  await page.getByRole('heading', { name: `修改单位信息：${own.name}` }).waitFor();
  expect(await page.getByLabel('所属辖区').isDisabled()).toBe(true);
  const liaison = own.contacts.findIndex((c) => c.role === 'liaison');
  await page.getByTestId(`contact-${liaison}`).getByLabel('备注').fill('工作日 9:00–17:00 可联系');
  await page.getByRole('button', { name: '保存修改' }).click();
  await page.waitForURL('**/my-unit');
  await page.getByText('单位信息已保存').waitFor();
  await page.getByRole('cell', { name: '工作日 9:00–17:00 可联系' }).waitFor();
});

test('when the session ends, the next request sends the user to the login page', async () => {
  const { context, page } = await openPage(browser);
  await login(page, 'putuo');
  // The home page loads its figures and to-do count after the layout appears; let those finish first, so the first
  // request without a session is the one the click makes (otherwise a late home-page call redirects first).
  await waitForQuietNetwork(page);
  await context.clearCookies();
  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await page.waitForURL('**/login?redirect=%2Funits');
  await login(page, 'putuo');
});
