/**
 * The ledger (台账) through the UI: an applicant records a training with an attachment and edits it; an officer
 * assigns itself as the unit's guide, records a guidance visit that names it, and exports the list to Excel.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption, tableRows } from './helpers/antd';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A small but real PDF (the server checks the type by content). */
function samplePdf(): string {
  const file = path.join(tmpdir(), '培训签到表.pdf');
  writeFileSync(
    file,
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  );
  return file;
}

async function fillDate(page: Page, label: string, date: string) {
  const input = page.getByRole('dialog').getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('an applicant records a training with an attachment and edits it', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant1');
  await page.getByRole('menuitem', { name: '工作台账' }).click();
  await page.waitForURL('**/ledger');
  await page.getByRole('button', { name: /新增记录/ }).click();
  const drawer = page.getByRole('dialog', { name: '新增台账记录' });
  await pickOption(page, drawer.getByLabel('类型'), '', '培训');
  await fillDate(page, '日期', '2026-11-20');
  await drawer.getByLabel('主题').fill('商业秘密保护专题培训（浏览器测试）');
  await drawer.getByLabel('参与人数').fill('36');
  await drawer.getByLabel('覆盖比例（%）').fill('60');
  await drawer.getByLabel('附件').setInputFiles(samplePdf());
  await drawer.getByText('培训签到表.pdf').waitFor();
  await drawer.getByRole('button', { name: '保存' }).click();
  await drawer.waitFor({ state: 'hidden' });

  const row = page.locator('tr', { hasText: '商业秘密保护专题培训（浏览器测试）' });
  await row.getByText('参与 36 人').waitFor();
  await row.getByRole('link', { name: /培训签到表\.pdf/ }).waitFor();
  await screenshot(page, 'ledger-applicant');

  await row.getByRole('button', { name: /编辑/ }).click();
  const edit = page.getByRole('dialog').filter({ hasText: '主题' });
  await edit.getByLabel('参与人数').fill('40');
  await edit.getByRole('button', { name: '保存' }).click();
  await page.locator('tr', { hasText: '商业秘密保护专题培训（浏览器测试）' }).getByText('参与 40 人').waitFor();
  expect(errors).toEqual([]);
});

test('an officer assigns a guide, records a guidance visit and exports to Excel', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.getByRole('menuitem', { name: '工作台账' }).click();
  await page.waitForURL('**/ledger');
  await pickOption(page, page.getByLabel('筛选单位'), '精', /精/);
  await page.getByRole('button', { name: /指导员/ }).click();
  const guides = page.getByRole('dialog', { name: /^指导员 · / });
  await pickOption(page, guides.getByLabel('选择指导员'), '', /普陀/);
  await guides.getByRole('button', { name: '指派' }).click();
  await guides.getByRole('button', { name: /取消指派/ }).waitFor();
  await guides.getByRole('button', { name: '关闭' }).first().click();

  await page.getByRole('button', { name: /新增记录/ }).click();
  const drawer = page.getByRole('dialog', { name: '新增台账记录' });
  await pickOption(page, drawer.getByLabel('类型'), '', '业务指导');
  await fillDate(page, '日期', '2026-11-21');
  await drawer.getByLabel('主题').fill('上门指导商业秘密分级管理（浏览器测试）');
  await drawer.getByRole('button', { name: '保存' }).click();
  await drawer.waitFor({ state: 'hidden' });
  const rows = await tableRows(page, 'ledger-table');
  await rows.filter({ hasText: '上门指导商业秘密分级管理（浏览器测试）' }).getByText(/普陀/).first().waitFor();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toBe('台账.xlsx');
  expect(errors).toEqual([]);
});
