/**
 * What an officer learns before confirming an action (issue 10, 4): acting outside a stage's published dates, the
 * action's dialog says so before the officer confirms — not only in a toast afterwards.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage } from './helpers/browser';
import { newApplicantUnit, submitApplication } from './helpers/prepare';
import { buttonName } from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await setBusinessDate('2022-03-15');
});

test('the action dialog warns of the published dates before the officer confirms', async () => {
  await setBusinessDate('2022-03-15');
  const firm = await newApplicantUnit('310107', 'before-acting-firm', '上海预警测试科技有限公司');
  const submitted = await submitApplication(firm, 'putuo-2022', 'point', 0.8);
  await firm.dispose();

  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.goto(`/applications/${submitted.id}`);
  // Putuo's 验收评定 is published for 1–10 April 2022; it is 15 March.
  await page.getByRole('button', { name: buttonName('启动验收') }).click();
  const dialog = page.getByRole('dialog', { name: '启动验收' });
  const notice = dialog.getByTestId('schedule-notice');
  await notice.waitFor();
  expect(await notice.innerText()).toContain('“验收评定”阶段的时间为2022年4月上旬');
  expect(await notice.innerText()).toContain('今天（2022年3月15日）尚未开始');
  // Cancelling changes nothing; confirming goes ahead, as the warning says.
  await dialog.getByRole('button', { name: buttonName('取消') }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Within the dates the same dialog has no warning.
  await setBusinessDate('2022-04-02');
  await page.reload();
  await page.getByRole('button', { name: buttonName('启动验收') }).click();
  await page.getByRole('dialog', { name: '启动验收' }).getByText('确定启动验收？').waitFor();
  expect(await page.getByTestId('schedule-notice').count()).toBe(0);
  await page
    .getByRole('dialog', { name: '启动验收' })
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await page.getByText('已启动验收').first().waitFor();
  expect(errors).toEqual([]);
});
