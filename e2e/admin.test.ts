/**
 * Administration: an admin creates an officer account bound to a jurisdiction, the new officer logs in and sees its
 * menus, the admin disables it (its session ends, its next login is refused), resets a password, adds a
 * jurisdiction, and finds these actions in the audit trail.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { columnTexts, pickOption } from './helpers/antd';
import { launchBrowser, login, menuLabels, openPage, screenshot } from './helpers/browser';
import { MENUS } from './helpers/menus';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const OFFICER = { username: 'jiading', displayName: '嘉定区市场监督管理局', password: 'jiading-2024' };

test('admin creates an officer bound to Jiading; it logs in; disabling it ends its session and refuses login', async () => {
  const admin = await openPage(browser);
  const officer = await openPage(browser);
  const { page } = admin;
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '账号管理' }).click();
  await page.waitForURL('**/admin/users');
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog', { name: '新建账号' });
  await dialog.getByLabel('用户名').fill(OFFICER.username);
  await dialog.getByLabel('姓名/名称').fill(OFFICER.displayName);
  await dialog.getByLabel('初始密码').fill(OFFICER.password);
  // Officer is the default role; its binding is a jurisdiction.
  expect(await dialog.getByLabel('绑定单位').count()).toBe(0);
  await pickOption(page, dialog.getByLabel('绑定辖区'), '嘉定', /嘉定区/);
  await screenshot(page, 'admin-create-officer');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(`已创建账号 ${OFFICER.username}`).waitFor();
  // The demo accounts fill more than a page: find the new one by name, as an administrator would.
  await page.getByLabel('关键词').fill(OFFICER.username);
  await page.getByLabel('关键词').press('Enter');
  const row = page.locator('tr', { hasText: OFFICER.username });
  await row.getByRole('cell', { name: '嘉定区', exact: true }).waitFor();

  await login(officer.page, OFFICER.username, OFFICER.password);
  expect(await menuLabels(officer.page)).toEqual(MENUS.officer);
  // Its home page has loaded all its figures before the account is disabled.
  await officer.page.getByText('各类型登记单位').waitFor();
  await officer.page.waitForLoadState('networkidle');

  await row.getByRole('button', { name: /停\s*用/ }).click();
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText(`已停用账号 ${OFFICER.username}`).waitFor();
  await row.getByText('已停用').waitFor();
  await screenshot(page, 'admin-users');

  // The disabled officer's session is gone: its next request sends it to the login page, where login is refused.
  // (Opened by address: the page's background polling may already have been turned away.)
  await officer.page.goto('/units');
  await officer.page.waitForURL('**/login?redirect=%2Funits');
  await officer.page.getByLabel('用户名').fill(OFFICER.username);
  await officer.page.getByLabel('密码').fill(OFFICER.password);
  await officer.page.getByRole('button', { name: /登\s*录/ }).click();
  await officer.page.getByText('该账号已停用，请联系管理员').waitFor();
  expect(admin.errors).toEqual([]);
});

test('admin resets an expert password; the old one stops working, the new one works', async () => {
  const admin = await openPage(browser);
  const expert = await openPage(browser);
  const { page } = admin;
  await login(page, 'admin');
  // A fresh expert account, so that the demo accounts other tests log in with keep their password.
  const session = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const created = await page.request.post('/api/v1/users', {
    headers: { 'X-CSRF-Token': session.csrfToken },
    data: { username: 'expert9', displayName: '赵评审（测试专家）', password: 'expert9-first', role: 'expert' },
  });
  expect(created.status()).toBe(201);
  await page.goto('/admin/users');
  await page.getByLabel('关键词').fill('expert9');
  await page.getByLabel('关键词').press('Enter');
  await page.locator('tr', { hasText: 'expert9' }).getByRole('button', { name: '重置密码' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('新密码', { exact: true }).fill('expert9-second');
  await dialog.getByLabel('确认新密码').fill('expert9-second');
  await dialog.getByRole('button', { name: /重\s*置/ }).click();
  await page.getByText('已重置账号 expert9 的密码').waitFor();
  await expert.page.goto('/login');
  await expert.page.getByLabel('用户名').fill('expert9');
  await expert.page.getByLabel('密码').fill('expert9-first');
  await expert.page.getByRole('button', { name: /登\s*录/ }).click();
  await expert.page.getByText('用户名或密码错误').waitFor();
  await login(expert.page, 'expert9', 'expert9-second');
  expect(await menuLabels(expert.page)).toEqual(MENUS.expert);
});

test('admin adds a functional zone under Shaoxing; officers see the tree with codes and levels', async () => {
  const admin = await openPage(browser);
  const { page } = admin;
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '辖区' }).click();
  // Provinces are open for admins, so Shaoxing is listed under Zhejiang.
  await page.locator('[data-code="330600"]').click();
  await page.getByRole('button', { name: '新增下级辖区' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('辖区代码').fill('330671');
  await dialog.getByLabel('名称').fill('绍兴滨海新区');
  await pickOption(page, dialog.getByLabel('级别'), '', '功能区');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('辖区已新增').waitFor();
  await page.locator('[data-code="330671"]').waitFor();
  expect(await page.locator('[data-code="330671"]').textContent()).toContain('功能区');
  await screenshot(page, 'jurisdictions-admin-added');

  // A district has no children: the button is disabled there.
  await page.locator('[data-code="330603"]').click();
  expect(await page.getByRole('button', { name: '新增下级辖区' }).isDisabled()).toBe(true);
  const officer = await openPage(browser);
  await login(officer.page, 'shaoxing');
  await officer.page.goto('/jurisdictions');
  await officer.page.getByText('本辖区').waitFor();
  await officer.page.locator('[data-code="330671"]').waitFor();
  expect(await officer.page.getByRole('button', { name: '新增下级辖区' }).count()).toBe(0);
  await screenshot(officer.page, 'jurisdictions-shaoxing');
});

test('the audit trail shows actions with Chinese labels, actor and IP, filtered by action', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'admin');
  await page.getByRole('menuitem', { name: '操作日志' }).click();
  await page.waitForURL('**/audit');
  expect(await columnTexts(page, '操作', 'audit-table')).toContain('登录');
  await pickOption(page, page.getByLabel('操作类型'), '创建账号', '创建账号');
  await page.waitForURL(/action=user\.create/);
  const actions = await columnTexts(page, '操作', 'audit-table');
  expect(new Set(actions)).toEqual(new Set(['创建账号']));
  const actors = await columnTexts(page, '操作人', 'audit-table');
  expect(actors).toContain('系统管理员（admin）');
  const ips = await columnTexts(page, 'IP 地址', 'audit-table');
  expect(ips).toContain('127.0.0.1');
  await screenshot(page, 'audit-admin');
  expect(errors).toEqual([]);
});
