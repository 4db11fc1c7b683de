/**
 * Public self-registration: a unit and its first applicant account (under a login name the platform assigns) are
 * created together; the new applicant logs in
 * and lands on its own unit; the Keqiao officer sees the unit in its list.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { creditCodeCheckChar } from '../src/core/credit-code';
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

const NAME = '绍兴柯桥华纺新材料科技有限公司';
const first17 = '91330603MA2JX8K7Q';
const CREDIT_CODE = `${first17}${creditCodeCheckChar(first17)}`;

test('a Keqiao enterprise registers itself and its account, then logs in to its own unit', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto('/login');
  await page.getByRole('link', { name: '申报单位注册' }).click();
  await page.waitForURL('**/register');
  // The route changes before the lazily loaded page replaces the login form.
  await page.getByRole('button', { name: '提交注册' }).waitFor();
  await page.getByLabel('用户名').fill('huafang');
  await page.getByLabel('联系人姓名').fill('沈佳');
  await page.getByLabel('密码', { exact: true }).fill('huafang-2024');
  await page.getByLabel('确认密码').fill('huafang-2024');
  await page.getByLabel('单位名称').fill(NAME);
  await page.getByLabel('统一社会信用代码').fill(CREDIT_CODE);
  await page.getByText('校验通过 · 登记机关所在地：柯桥区（330603）').waitFor();
  await page.getByLabel('法定代表人/负责人').fill('沈国强');
  await page.getByLabel('地址').fill('浙江省绍兴市柯桥区柯桥街道鉴湖路 1 号');
  await page.getByLabel('邮政编码').fill('312030');
  await pickOption(page, page.getByLabel('所属行业'), '化学纤维', /28 化学纤维制造业/);
  await pickOption(page, page.getByLabel('所属辖区'), '柯桥', /柯桥区/);
  // One liaison row is offered from the start.
  await page.getByTestId('contact-0').getByLabel('姓名').fill('沈佳');
  await page.getByTestId('contact-0').getByLabel('个人电话').fill('13805751234');
  await screenshot(page, 'self-registration-form');
  await page.getByRole('button', { name: '提交注册' }).click();
  await page.getByText('注册成功').waitFor();
  // The platform assigns the login name: the chosen one and a random suffix (no account enumeration).
  const username = await page.getByTestId('assigned-username').innerText();
  expect(username).toMatch(/^huafang-[a-z2-9]{4}$/);
  await page.getByRole('button', { name: '前往登录' }).click();
  await page.getByText(`注册成功，请使用账号 ${username} 登录`).waitFor();

  await login(page, username, 'huafang-2024');
  expect(await menuLabels(page)).toEqual(MENUS.applicant);
  await page.getByRole('menuitem', { name: '本单位信息' }).click();
  await page.getByRole('heading', { name: NAME }).waitFor();
  await page.getByRole('cell', { name: '13805751234' }).waitFor();
  expect(errors).toEqual([]);
  const officer = await openPage(browser);
  await login(officer.page, 'keqiao');
  await officer.page.goto(`/units?q=${encodeURIComponent('华纺')}`);
  expect(await columnTexts(officer.page, '单位名称')).toEqual([NAME]);
});

test('a username already in use is not revealed: registration succeeds under an assigned name', async () => {
  const { page } = await openPage(browser);
  await page.goto('/register');
  await page.getByRole('button', { name: '提交注册' }).waitFor();
  await page.getByLabel('用户名').fill('putuo');
  await page.getByLabel('联系人姓名').fill('王五');
  await page.getByLabel('密码', { exact: true }).fill('password-123');
  await page.getByLabel('确认密码').fill('password-123');
  await page.getByLabel('单位名称').fill('绍兴柯桥重名测试有限公司');
  const code17 = '91330603MA2JX8K8R';
  await page.getByLabel('统一社会信用代码').fill(`${code17}${creditCodeCheckChar(code17)}`);
  await page.getByLabel('法定代表人/负责人').fill('王五');
  await page.getByLabel('地址').fill('浙江省绍兴市柯桥区');
  await page.getByLabel('邮政编码').fill('312030');
  await pickOption(page, page.getByLabel('所属行业'), '纺织业', /17 纺织业/);
  await pickOption(page, page.getByLabel('所属辖区'), '柯桥', /柯桥区/);
  await page.getByTestId('contact-0').getByLabel('姓名').fill('王五');
  await page.getByRole('button', { name: '提交注册' }).click();
  await page.getByText('注册成功').waitFor();
  expect(await page.getByTestId('assigned-username').innerText()).toMatch(/^putuo-[a-z2-9]{4}$/);
});
