/**
 * The TOTP second factor in the browser: an officer sets it up on the account-security page (QR code and secret,
 * confirmed with a code), logs out, and logs in again with password and then the authenticator's code. The officer
 * is a fresh account, so the demo accounts other tests use keep logging in with their password alone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { totpCode } from '../src/server/auth/totp';
import { apiAs } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The authenticator's code for the current time step plus `steps` (the server accepts one step either side). */
const code = (secret: string, steps = 0) =>
  totpCode(secret, (Math.floor(Date.now() / 30_000) + steps) * 30_000 + 15_000);

test('an officer enrols a second factor and then logs in with password and code', async () => {
  const username = `totp-${Date.now().toString(36)}`;
  const admin = await apiAs('admin');
  try {
    await admin.send('POST', '/users', {
      username,
      displayName: '两步验证测试科员',
      password: 'totp-pass-123',
      role: 'officer',
      jurisdictionCode: '310107',
    });
  } finally {
    await admin.dispose();
  }

  const { page, errors } = await openPage(browser);
  await login(page, username, 'totp-pass-123');
  await page.getByRole('button', { name: '账号安全' }).click();
  await page.getByRole('button', { name: '设置两步验证' }).click();
  await page.getByRole('img', { name: '两步验证二维码' }).waitFor();
  const secret = (await page.getByTestId('totp-secret').innerText()).replaceAll(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await screenshot(page, 'second-factor-enrolment');
  await page.getByRole('form', { name: '确认两步验证' }).getByLabel('验证码').fill(code(secret));
  await page.getByRole('button', { name: '确认并启用' }).click();
  await page.getByText('已启用', { exact: true }).waitFor();

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByLabel('用户名').waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('totp-pass-123');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByText('请打开手机上的验证器应用').waitFor();
  await screenshot(page, 'second-factor-login');
  // A wrong code is refused on the page; the right one (a later step than the one used at enrolment) logs in.
  await page.getByRole('textbox', { name: '验证码' }).fill(code(secret, 5));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await page.getByRole('alert').getByText('验证码错误').waitFor();
  await page.getByRole('textbox', { name: '验证码' }).fill(code(secret, 1));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
  expect(await page.getByTestId('current-user').innerText()).toContain('两步验证测试科员');
  expect(errors).toEqual([]);
});
