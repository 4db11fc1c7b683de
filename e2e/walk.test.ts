/**
 * What a new user tripped on while walking every role's menus at 1440 px and the public pages at 390 px: labels that
 * wrapped mid-phrase and actions pushed out of sight.
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** How many line boxes the element's text occupies. */
function textLines(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return tops.size;
  });
}

test('the programme list shows "第 1 版" on one line at 1440 px', async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, 'applicant1');
  await page.getByRole('menuitem', { name: '工作方案' }).click();
  const version = page.getByRole('cell', { name: '第 1 版' }).first();
  await version.waitFor();
  expect(await textLines(version)).toBe(1);
  await screenshot(page, 'walk-programmes-1440');
  expect(errors).toEqual([]);
});

test("every account's actions, 停用 included, stay in view on the account list at 1440 px", async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 1440, height: 900 });
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '账号管理' }).click();
  // Other browser tests add accounts to the shared server, so the row is found by keyword, not on page 1.
  await page.getByLabel('关键词').fill('putuo');
  await page.getByLabel('关键词').press('Enter');
  // An officer row has the most actions (编辑, 重置密码, 重置两步验证, 停用).
  const row = page.getByRole('row').filter({ hasText: '普陀区市场监督管理局' });
  const disable = row.getByRole('button', { name: '停 用' }).or(row.getByRole('button', { name: '停用' }));
  await disable.waitFor();
  const table = page.locator('.ant-table-content, .ant-table-body').first();
  const [button, box] = [await disable.boundingBox(), await table.boundingBox()];
  expect(button).not.toBeNull();
  expect(box).not.toBeNull();
  expect((button?.x ?? 0) + (button?.width ?? 0)).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0));
  await screenshot(page, 'walk-users-1440');
  expect(errors).toEqual([]);
});

test('the home schedule highlights only a stage under way, never an undated first stage', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  const schedule = page.getByTestId('home-schedule-programme').first();
  await schedule
    .getByTestId(/^stage-/)
    .first()
    .waitFor();
  // Shaoxing's programme of 2021: 培育指导 has no date, 自主申报 has ended on 2022-03-15, nothing is under way.
  const highlighted = await schedule
    .locator('.ant-steps-item-active [data-timing]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-timing')));
  expect(highlighted.filter((timing) => timing !== 'current')).toEqual([]);
  await screenshot(page, 'walk-home-schedule');
  expect(errors).toEqual([]);
});

test("the applicant's self-assessment, application and programme lists fit a 390 px phone", async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'applicant1');
  const ready: [string, () => Promise<void>][] = [
    ['/self-assessment', () => page.getByLabel('选择工作方案').waitFor()],
    ['/applications', () => page.getByRole('columnheader', { name: '基地类型' }).waitFor()],
    ['/programs', () => page.getByRole('cell', { name: '第 1 版' }).first().waitFor()],
  ];
  for (const [path, loaded] of ready) {
    await page.goto(path);
    await loaded();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect({ path, width }).toEqual({ path, width: 390 });
    await screenshot(page, `walk-390${path.replace(/\//g, '-')}`);
  }
  expect(errors).toEqual([]);
});

test("on a phone the menu's trigger sits in the header, not over the page title", async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'applicant1');
  await page.goto('/my-unit');
  const trigger = page.locator('.ant-layout-sider-zero-width-trigger');
  await trigger.waitFor();
  const header = await page.locator('.ant-layout-header').boundingBox();
  const box = await trigger.boundingBox();
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual((header?.y ?? 0) + (header?.height ?? 0));
  // It still opens the menu.
  await trigger.click();
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '自评' }).waitFor();
  await screenshot(page, 'walk-390-menu-trigger');
  expect(errors).toEqual([]);
});

test("on a phone the self-assessment's criteria read as lines, not one character per line", async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'applicant1');
  await page.goto('/self-assessment');
  await pickOption(page, page.getByLabel('选择工作方案'), '普陀', /普陀/);
  await pickOption(page, page.getByLabel('选择基地类型'), '', /^区级商业秘密保护示范点$/);
  await page.getByRole('button', { name: '开始自评' }).click();
  const criterion = page.getByRole('cell', { name: /^成立由本单位负责人牵头/ }).first();
  await criterion.waitFor();
  expect((await criterion.boundingBox())?.width).toBeGreaterThanOrEqual(150);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
  await screenshot(page, 'walk-390-self-assessment-criteria');
  // The draft, once saved, is listed with its kind, which reads on a line or two, not a character per line.
  await page.getByRole('button', { name: '保存草稿' }).click();
  await page.getByText('自评草稿已保存').waitFor();
  await page.goto('/self-assessment');
  const draft = page.locator('.ant-list-item').filter({ hasText: '普陀区' }).first();
  await draft.waitFor();
  const kindLines = await draft.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // The kind's short name (示范点) ends the line's text.
      const text = node.textContent ?? '';
      if (!text.endsWith('示范点')) continue;
      const range = document.createRange();
      range.setStart(node, text.length - 3);
      range.setEnd(node, text.length);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    }
    return -1;
  });
  expect(kindLines).toBeGreaterThan(0);
  expect(kindLines).toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
});
