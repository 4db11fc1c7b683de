/**
 * Every demo account logs in through the login page and sees exactly the menus of its role, with its name and role
 * in the header. Anonymous visitors are sent to the login page.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_ACCOUNTS } from '../src/server/demo/seed';
import { Role } from '../src/shared/enums';
import { launchBrowser, login, menuLabels, openPage, screenshot } from './helpers/browser';
import { MENUS } from './helpers/menus';

const ACCOUNTS: { username: string; role: Role }[] = [
  { username: 'admin', role: 'admin' },
  { username: 'putuo', role: 'officer' },
  { username: 'shanghai', role: 'officer' },
  { username: 'shaoxing', role: 'officer' },
  { username: 'keqiao', role: 'officer' },
  { username: 'wuhan', role: 'officer' },
  { username: 'hongshan', role: 'officer' },
  { username: 'shijingshan', role: 'officer' },
  { username: 'expert1', role: 'expert' },
  { username: 'expert2', role: 'expert' },
  { username: 'expert3', role: 'expert' },
  { username: 'applicant1', role: 'applicant' },
  { username: 'applicant2', role: 'applicant' },
  { username: 'applicant3', role: 'applicant' },
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

test('the list covers every demo account with its seeded role', () => {
  expect(ACCOUNTS.map((a) => `${a.username}:${a.role}`).sort()).toEqual(
    DEMO_ACCOUNTS.map((a) => `${a.username}:${a.role}`).sort(),
  );
});

test('an anonymous visitor is sent to the login page, which links to self-registration', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto('/units');
  await page.waitForURL('**/login?redirect=%2Funits');
  expect(await page.title()).toBe('商秘 · 商业秘密保护示范基地管理平台');
  await page.getByRole('link', { name: '申报单位注册' }).waitFor();
  await screenshot(page, 'login');
  // The public pages are one click away.
  await page.getByRole('link', { name: '示范基地名录' }).click();
  await page.waitForURL('**/registry');
  await page.getByLabel('搜索单位名称').waitFor();
  expect(errors).toEqual([]);
});

test('a wrong password is refused with the server message', async () => {
  const { page } = await openPage(browser);
  await page.goto('/login');
  await page.getByLabel('用户名').fill('putuo');
  await page.getByLabel('密码').fill('wrong-password');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
  expect(page.url()).toMatch(/\/login$/);
});

describe.each(ACCOUNTS)('$username ($role)', ({ username, role }) => {
  test('logs in and sees exactly its menus', async () => {
    const { page, errors } = await openPage(browser);
    await login(page, username);
    expect(await menuLabels(page)).toEqual(MENUS[role]);
    const account = DEMO_ACCOUNTS.find((a) => a.username === username)!;
    expect(await page.getByTestId('current-user').textContent()).toContain(account.displayName);
    expect(await page.getByTestId('current-role').textContent()).toBe(Role.labels[role]);
    await page.getByRole('heading', { name: `您好，${account.displayName}` }).waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, `home-${username}`);
    expect(errors).toEqual([]);
  });
});

test('logging out returns to the login page and the session is gone', async () => {
  const { page } = await openPage(browser);
  await login(page, 'expert1');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL('**/login');
  await page.goto('/reviews');
  await page.waitForURL('**/login?redirect=%2Freviews');
});
