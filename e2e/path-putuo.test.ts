/**
 * A whole path of 000 (Putuo 2022): applicant1's enterprise self-assesses and applies for a district-level point;
 * the Putuo bureau (owner and reviewer) forms a panel of three experts, who score it; the bureau passes, approves and
 * certifies it (普市监公平〔2022〕N号); the base is in the public registry; then the bureau revokes it, the registry
 * shows the revocation, and the unit's new application is refused for two years.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { applicantUnit } from './helpers/demo';
import {
  assignExpert,
  buttonName,
  fillDate,
  fillEvery,
  openApplication,
  recordAcceptanceActivity,
  scoreSheet,
  switchUser,
  takeAction,
  waitForStatus,
} from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const UNIT = applicantUnit('applicant1').name;

async function startFromSelfAssessment(page: Page) {
  await page.getByRole('menuitem', { name: '自评' }).click();
  await pickOption(page, page.getByLabel('选择工作方案'), '普陀', /普陀/);
  await pickOption(page, page.getByLabel('选择基地类型'), '', /^区级商业秘密保护示范点$/);
  await page.getByRole('button', { name: '开始自评' }).click();
  await page.getByLabel('差距清单').waitFor();
}

test('Putuo: apply, panel of three, certify, public registry, revoke, and the new application refused', {
  timeout: 300_000,
}, async () => {
  await setBusinessDate('2022-03-10');
  const { page, errors } = await openPage(browser);

  // The applicant answers every item, turns the self-assessment into an application, completes the form, submits.
  await login(page, 'applicant1');
  await startFromSelfAssessment(page);
  expect(await fillEvery(page, /^自评得分 /, '10')).toBeGreaterThan(5);
  await page.getByRole('button', { name: '转为申报' }).click();
  await page.waitForURL(/\/applications\/[0-9a-f-]{36}$/);
  await page.getByLabel('单位类型').fill('企业');
  await page.getByLabel('商业秘密保护工作开展情况').fill('建立商业秘密分级管理制度，设保密员两名，年内开展培训四次。');
  await page.getByRole('button', { name: '保存申报内容' }).click();
  await page.getByText('申报内容已保存').waitFor();
  await takeAction(page, '提交申报');
  await waitForStatus(page, '已提交');
  const applicationUrl = page.url();

  // The Putuo bureau starts acceptance and seats three experts from the registry.
  await switchUser(page, 'putuo');
  await openApplication(page, '申报管理', UNIT);
  await takeAction(page, '启动验收');
  await waitForStatus(page, '验收中');
  for (const name of ['王立法', '陈信安', '刘鉴真']) await assignExpert(page, name);

  // The applicant sees who sits on the panel and declares a conflict with one; the bureau finds none and dismisses it.
  await switchUser(page, 'applicant1');
  await page.goto(applicationUrl);
  await page.getByRole('button', { name: '申报利益冲突 刘鉴真' }).click();
  const declare = page.getByRole('dialog', { name: /申报与专家刘鉴真的利益冲突/ });
  await pickOption(page, declare.getByLabel('冲突情形'), '', '其他申报情形');
  await declare.getByLabel('说明').fill('该专家曾为本单位竞争对手提供鉴定服务。');
  await declare.getByRole('button', { name: buttonName('提交') }).click();
  await page.getByText('已申报，待监管部门确认').waitFor();
  await switchUser(page, 'putuo');
  await page.getByRole('menuitem', { name: '专家库' }).click();
  await page.getByRole('tab', { name: /待确认的利益冲突/ }).click();
  const pending = page.getByLabel('待确认的利益冲突');
  await pending.getByText('该专家曾为本单位竞争对手提供鉴定服务。').waitFor();
  await pending.getByRole('button', { name: '不构成冲突' }).click();
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await page.getByText('已认定不构成冲突').waitFor();

  // Each expert scores the sheet from its task list.
  for (const [expert, score] of [
    ['expert1', '10'],
    ['expert2', '9'],
    ['expert3', '4'],
  ] as const) {
    await switchUser(page, expert);
    await openApplication(page, '我的评审任务', UNIT);
    expect(await scoreSheet(page, score, '材料齐全，制度健全。')).toBeGreaterThan(5);
  }

  // The bureau reads the panel's result (the low scorer is flagged), writes its opinion, passes, approves, certifies.
  await switchUser(page, 'putuo');
  await page.goto(applicationUrl);
  await page.getByText(/评审结果：平均总分/).waitFor();
  await page.getByText('分歧较大').first().waitFor();
  // The total too: median and spread of the experts' totals, its disagreement flagged (full marks against 4s).
  const total = page.getByLabel('总分汇总');
  await total.getByText(/^总分中位数 \d/).waitFor();
  await total.getByText(/^总分极差 \d/).waitFor();
  await total.getByText('专家意见分歧较大').waitFor();
  await page
    .getByLabel('综合验收意见')
    .fill('经书面预审和实地考察，验收组认为该单位符合示范点建设标准，同意通过验收。');
  await page.getByRole('button', { name: '保存综合验收意见' }).click();
  await page.getByText('综合验收意见已保存').waitFor();
  // 000 has its experts' evaluation (专家综合评定) on record before passing: the card says what is missing.
  const rules = page.getByTestId('acceptance-rules');
  await rules.getByText('专家综合评定未记录').waitFor();
  await page.getByText('本方案要求记录的验收方式尚未记录：“专家综合评定”').waitFor();
  await recordAcceptanceActivity(page, {
    method: '专家综合评定',
    date: '2022-03-10',
    people: '王立法、陈信安、刘鉴真',
    findings: '对照建设标准逐项综合评定。',
  });
  await screenshot(page, 'path-putuo-panel');
  await takeAction(page, '验收通过');
  await waitForStatus(page, '验收通过');
  await takeAction(page, '批准');
  await setBusinessDate('2022-03-25');
  await page.reload();
  await takeAction(page, '认定', async (dialog) => {
    await dialog.getByLabel('认定文号').fill('普市监公平〔2022〕12号');
    await fillDate(dialog, '认定日期', '2022-03-20');
  });
  await waitForStatus(page, '已认定');

  // The public registry lists it, without login.
  const visitor = await openPage(browser);
  await visitor.page.goto(`/registry?q=${encodeURIComponent(UNIT)}`);
  await visitor.page.getByRole('link', { name: UNIT }).first().click();
  await visitor.page.getByText('普市监公平〔2022〕12号').waitFor();
  await screenshot(visitor.page, 'path-putuo-registry');

  // The bureau records an annual review (动态管理); the registry shows its conclusion, not the findings.
  await page.getByLabel('复核年度').fill('2022');
  await page.getByRole('button', { name: '年度复核' }).click();
  const review = page.getByRole('dialog', { name: /2022年度复核/ });
  await review.getByText('工作方案未规定复核条件').waitFor();
  await review.getByLabel('通过', { exact: true }).check();
  await review.getByLabel('复核情况').fill('制度运行正常，台账完整。');
  await review.getByRole('button', { name: '记录复核结论' }).click();
  await page.getByText('2022年度复核已记录：通过').waitFor();
  await page.getByRole('cell', { name: '制度运行正常，台账完整。' }).waitFor();
  await visitor.page.reload();
  await visitor.page.getByRole('row', { name: /2022年\s*通过/ }).waitFor();
  expect(await visitor.page.getByText('制度运行正常，台账完整。').count()).toBe(0);

  // Revoked on the grounds of 002 art. 15 (一); the registry shows it.
  await takeAction(page, '撤销认定', async (dialog) => {
    await pickOption(page, dialog.getByLabel('撤销情形'), '', /伪造虚假申报材料/);
    await fillDate(dialog, '撤销日期', '2022-03-25');
    await dialog.getByLabel('撤销文号').fill('普市监公平〔2022〕20号');
  });
  await waitForStatus(page, '已撤销认定');
  await visitor.page.reload();
  await visitor.page.getByText('伪造虚假申报材料的').waitFor();

  // The unit's new application is refused, saying from when it may apply again.
  await switchUser(page, 'applicant1');
  await startFromSelfAssessment(page);
  await page.getByRole('button', { name: '转为申报' }).click();
  await page
    .getByText('本单位于2022年3月25日被撤销示范基地称号，2年内不得再次申报，可于2024年3月26日起再次申报')
    .waitFor();
  expect(errors).toEqual([]);
  expect(visitor.errors).toEqual([]);
});
