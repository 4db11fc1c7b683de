/**
 * Officers see their own jurisdiction's subtree only: the Putuo officer finds no Shaoxing (Keqiao) unit by search,
 * every row of its list is in Putuo, and a Keqiao unit's page answers "not found"; the Shaoxing officer does see the
 * Keqiao units.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { columnTexts, tableRows } from './helpers/antd';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { demoUnit, demoUnitsIn, unitIdByName } from './helpers/demo';

const KEQIAO = '330603';
const PUTUO = '310107';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the demo data has units in Keqiao and Putuo', () => {
  expect(demoUnitsIn(KEQIAO).length).toBeGreaterThan(0);
  expect(demoUnitsIn(PUTUO).length).toBeGreaterThan(0);
});

test('the Putuo officer sees only Putuo units and cannot find or open a Keqiao unit', async () => {
  const keqiaoUnit = demoUnit('keqiao-textile');
  const keqiaoId = await unitIdByName(keqiaoUnit.name, 'shaoxing');
  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await page.waitForURL('**/units');
  const jurisdictions = await columnTexts(page, '辖区');
  expect(jurisdictions.length).toBeGreaterThanOrEqual(demoUnitsIn(PUTUO).length);
  expect(new Set(jurisdictions)).toEqual(new Set(['普陀区']));
  const total = await page.getByText(/^共 \d+ 家单位$/).textContent();
  expect(total).toBe(`共 ${jurisdictions.length} 家单位`);
  await screenshot(page, 'scope-putuo-list');

  await page.getByLabel('关键词').fill(keqiaoUnit.name);
  await page.getByLabel('关键词').press('Enter');
  await page.waitForURL(/q=/);
  expect(await (await tableRows(page)).count()).toBe(0);
  await page.getByText('没有符合条件的单位').waitFor();
  await page.getByLabel('关键词').fill('柯桥');
  await page.getByLabel('关键词').press('Enter');
  await page.waitForURL(/q=%E6%9F%AF%E6%A1%A5/);
  expect(await (await tableRows(page)).count()).toBe(0);
  await screenshot(page, 'scope-putuo-search-keqiao');

  await page.goto(`/units/${keqiaoId}`);
  await page.getByText('单位不存在或无权查看').waitFor();
  expect(errors).toEqual([]);
});

test('the Shaoxing officer sees the Keqiao units', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.goto('/units');
  await page.getByLabel('关键词').fill('柯桥');
  await page.getByLabel('关键词').press('Enter');
  await page.waitForURL(/q=/);
  const names = await columnTexts(page, '单位名称');
  const expected = demoUnitsIn(KEQIAO)
    .filter((u) => u.name.includes('柯桥'))
    .map((u) => u.name);
  expect(expected.length).toBeGreaterThan(0);
  for (const name of expected) expect(names).toContain(name);
  expect(new Set(await columnTexts(page, '辖区'))).toEqual(new Set(['柯桥区']));
  await screenshot(page, 'scope-shaoxing-search-keqiao');

  // Unfiltered, the city officer's list spans several of its counties but no Putuo unit.
  await page.goto('/units?pageSize=100');
  const all = await columnTexts(page, '辖区');
  expect(all).not.toContain('普陀区');
  expect(new Set(all).size).toBeGreaterThan(1);
  expect(errors).toEqual([]);
});

test('the jurisdiction filter narrows the Shaoxing officer list to one county', async () => {
  const { page } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.goto(`/units?jurisdictionCode=${KEQIAO}`);
  // Other test files may have registered more Keqiao units; every demo one is there, and nothing else.
  const names = await columnTexts(page, '单位名称');
  for (const unit of demoUnitsIn(KEQIAO)) expect(names).toContain(unit.name);
  expect(new Set(await columnTexts(page, '辖区'))).toEqual(new Set(['柯桥区']));
});
