/**
 * Excel export from a list page (issue 10 §2): a Putuo officer narrows the units list to parks and exports it; the
 * downloaded workbook holds exactly the filtered rows of its own district, with names instead of codes.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
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

test('an officer exports the units list with a filter set and gets only those rows', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.goto('/units');
  await pickOption(page, page.getByLabel('单位类型'), '', '园区');
  await page.waitForURL(/kind=park/);
  const rows = await tableRows(page);
  const shown = await rows.count();
  expect(shown).toBeGreaterThan(0);
  await screenshot(page, 'exports-units-filtered');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('单位列表.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await file.path());
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  expect(headers).toEqual(expect.arrayContaining(['单位名称', '单位类型', '所属行业', '所在辖区']));
  const column = (header: string) => {
    const index = headers.indexOf(header) + 1;
    return sheet.getColumn(index).values.slice(2);
  };
  expect(column('单位名称')).toHaveLength(shown);
  expect(new Set(column('单位类型'))).toEqual(new Set(['园区']));
  expect(new Set(column('所在辖区'))).toEqual(new Set(['普陀区']));
  for (const industry of column('所属行业')) expect(String(industry)).toMatch(/^[A-T]\d{2} /);
  expect(errors).toEqual([]);
});
