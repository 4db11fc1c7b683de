/**
 * 004 (Shijingshan 2023): four enterprises apply for the point; the district bureau scores each against annex 4 in
 * the browser, sees its ranking, recommends the best three, and is refused the fourth — best 3 points to the city.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { newApplicantUnit, submitApplication } from './helpers/prepare';
import { buttonName, fillEvery, takeAction, waitForStatus } from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const FIRMS = [
  { name: '北京石景山云图软件有限公司', score: '10' },
  { name: '北京石景山精诚制造有限公司', score: '8' },
  { name: '北京石景山数联科技有限公司', score: '6' },
  { name: '北京石景山新材科技有限公司', score: '3' },
];

test('Shijingshan: the district scores four points and recommends only the best three', {
  timeout: 300_000,
}, async () => {
  await setBusinessDate('2022-03-15');
  for (const [i, firm] of FIRMS.entries()) {
    const applicant = await newApplicantUnit('110107', `sjs-e2e-${i}`, firm.name);
    await submitApplication(applicant, 'shijingshan-2023', 'point', 1);
    await applicant.dispose();
  }

  const { page, errors } = await openPage(browser);
  await login(page, 'shijingshan');
  await page.getByRole('menuitem', { name: '申报管理' }).click();
  for (const firm of FIRMS) {
    await page.getByRole('link', { name: firm.name }).first().click();
    await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
    // Recommending before scoring is refused: 004 scores against annexes 4–5 first.
    if (firm === FIRMS[0]) {
      await page.getByRole('button', { name: buttonName('审核推荐') }).click();
      await page
        .getByRole('dialog', { name: '审核推荐' })
        .getByRole('button', { name: buttonName('确定') })
        .click();
      await page.getByText('请先按评价标准完成审核评分，再作推荐').waitFor();
      await page
        .getByRole('dialog', { name: '审核推荐' })
        .getByRole('button', { name: buttonName('取消') })
        .click();
    }
    expect(await fillEvery(page, /^审核得分 /, firm.score)).toBeGreaterThan(5);
    await page.getByLabel('推荐意见').fill('材料齐全，评分如上。');
    await page.getByRole('button', { name: '保存审核评分' }).click();
    await page.getByText('审核评分已保存').last().waitFor();
    await page.goBack();
  }

  // The ranking on the last one: four candidates, three within the quota.
  await page.getByRole('link', { name: FIRMS[3]!.name }).first().click();
  const ranking = page.locator('.ant-card', { hasText: '本辖区同类申报评分排名' });
  await ranking.getByText('推荐名额 3 个，已推荐 0 个').waitFor();
  expect(await ranking.locator('tbody tr').count()).toBe(4);
  await screenshot(page, 'path-shijingshan-ranking');
  // The fourth may not jump the queue.
  await page.getByRole('button', { name: buttonName('审核推荐') }).click();
  await page
    .getByRole('dialog', { name: '审核推荐' })
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await page.getByText(/排名第 4 位，推荐名额为 3 个/).waitFor();
  await page
    .getByRole('dialog', { name: '审核推荐' })
    .getByRole('button', { name: buttonName('取消') })
    .click();

  for (const firm of FIRMS.slice(0, 3)) {
    await page.getByRole('menuitem', { name: '申报管理' }).click();
    await page.getByRole('link', { name: firm.name }).first().click();
    await takeAction(page, '审核推荐', async (dialog) => {
      await dialog.getByLabel('推荐意见').fill('综合评分排名靠前，予以推荐。');
    });
    await waitForStatus(page, '区县已推荐');
  }

  // Quota used up; the fourth is not recommended, with the district's opinion.
  await page.getByRole('menuitem', { name: '申报管理' }).click();
  await page.getByRole('link', { name: FIRMS[3]!.name }).first().click();
  await page.getByRole('button', { name: buttonName('审核推荐') }).click();
  await page
    .getByRole('dialog', { name: '审核推荐' })
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await page.getByText(/已达推荐名额（3 个）/).waitFor();
  await page
    .getByRole('dialog', { name: '审核推荐' })
    .getByRole('button', { name: buttonName('取消') })
    .click();
  await takeAction(page, '不予推荐', async (dialog) => {
    await dialog.getByLabel('不予推荐的意见').fill('评分排名未进入前三，本年度不予推荐。');
  });
  await waitForStatus(page, '区县未推荐');
  expect(errors).toEqual([]);
});
