/**
 * Ongoing management of bases (动态管理), as the certifying bureau walks it: the year's worklist, a review that opens
 * with the conditions the platform judged from its data, a rectification with a deadline, the overdue list after
 * it, and the follow-up; the public registry shows the conclusion and not the findings.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { fillDate } from './helpers/workflow';

const UNIT = '绍兴越醇黄酒有限公司';
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await setBusinessDate('2022-03-15');
});

test('the certifying bureau reviews a base, sets a rectification and follows it up', async () => {
  await setBusinessDate('2022-03-01');
  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.getByRole('menuitem', { name: '动态管理' }).click();
  await page.getByRole('heading', { name: '动态管理' }).waitFor();
  await page.getByRole('spinbutton', { name: '复核年度' }).fill('2021');
  const row = page.getByRole('row', { name: new RegExp(UNIT) });
  await row.getByText('未复核').waitFor();
  const certificateNo = decodeURIComponent(
    (await row.getByRole('link', { name: UNIT }).getAttribute('href'))!.split('/').pop()!,
  );
  await row.getByRole('button', { name: '年度复核' }).click();

  const dialog = page.getByRole('dialog', { name: `2021年度复核：${UNIT}` });
  await dialog.getByText('配备专（兼）职保密员不少于1名').waitFor();
  expect(await dialog.getByText('（平台核验）').count()).toBeGreaterThan(0);
  for (const text of [
    '制定实施商业秘密保护培训宣传、研讨交流、考察学习等年度工作方案',
    '近2年来没有发生侵犯他人商业秘密行为',
  ]) {
    await dialog
      .getByRole('radiogroup', { name: `判断：${text}` })
      .getByLabel('符合', { exact: true })
      .check();
  }
  await dialog.getByLabel('限期整改').check();
  await fillDate(dialog, '整改期限', '2022-04-30');
  await dialog.getByLabel('复核情况').fill('年度培训记录不全，限期补齐。');
  await screenshot(page, 'oversight-review-dialog');
  await dialog.getByRole('button', { name: '记录复核结论' }).click();
  await page.getByText('2021年度复核已记录：限期整改').waitFor();
  await row.getByText('2022-04-30 到期，剩余 60 天').waitFor();

  // After the deadline the base is in the overdue list; the bureau records the follow-up.
  await setBusinessDate('2022-05-05');
  await page.reload();
  await page.getByText('整改逾期 1').click();
  await row.getByText('已逾期 5 天').waitFor();
  await screenshot(page, 'oversight-overdue');
  await row.getByRole('button', { name: '整改验收' }).click();
  const followUp = page.getByRole('dialog', { name: new RegExp(`整改验收：${UNIT}`) });
  await followUp.getByLabel('整改到位').check();
  await followUp.getByLabel('整改验收情况').fill('已补齐培训记录，经核查整改到位。');
  await followUp.getByRole('button', { name: '记录验收结论' }).click();
  await page.getByText('整改验收已记录：整改到位').waitFor();
  await page.getByText('整改逾期 0').waitFor();

  // The public sees the year's conclusion, not the findings.
  const visitor = await openPage(browser);
  await visitor.page.goto(`/registry/${encodeURIComponent(certificateNo)}`);
  await visitor.page.getByRole('row', { name: /2021年\s*限期整改/ }).waitFor();
  expect(await visitor.page.getByText('年度培训记录不全').count()).toBe(0);
  expect(errors).toEqual([]);
  expect(visitor.errors).toEqual([]);
});
