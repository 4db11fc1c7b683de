/**
 * An officer registers a unit: a wrong check character in the credit code is reported inline as it is typed and
 * nothing is saved; with the right one the unit is saved, its profile opens, and it appears in the unit list.
 */
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../src/core/credit-code';
import { columnTexts, pickOption } from './helpers/antd';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { demoUnit, unitIdByName } from './helpers/demo';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A well-formed credit code for Putuo (310107) with its correct check character and one wrong one. */
function putuoCreditCode(orgCode: string) {
  const first17 = `91310107${orgCode}`;
  const check = creditCodeCheckChar(first17)!;
  const wrong = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.indexOf(check) + 1) % CREDIT_CODE_CHARSET.length]!;
  return { valid: `${first17}${check}`, wrong: `${first17}${wrong}`, check };
}

const NAME = '上海普陀晨星精密仪器有限公司';

test('putuo registers a unit: wrong check character shown inline and not saved, valid code saved and listed', async () => {
  const { page, errors } = await openPage(browser);
  const unitPosts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/units') unitPosts.push(r);
  });
  await login(page, 'putuo');
  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await page.getByRole('button', { name: '登记单位' }).click();
  await page.waitForURL('**/units/new');
  await page.getByRole('heading', { name: '登记单位' }).waitFor();

  const code = putuoCreditCode('MA1K7Q3D5');
  await page.getByLabel('单位名称').fill(NAME);
  await page.getByLabel('统一社会信用代码').fill(code.wrong.toLowerCase());
  // Typed in lower case, shown in upper case, and the check character is reported while typing.
  expect(await page.getByLabel('统一社会信用代码').inputValue()).toBe(code.wrong);
  await page.getByText(`统一社会信用代码校验位错误，应为 ${code.check}`).waitFor();

  await page.getByLabel('法定代表人/负责人').fill('孙晨星');
  await page.getByLabel('地址').fill('上海市普陀区金沙江路 1518 弄 2 号');
  await page.getByLabel('邮政编码').fill('200333');
  await pickOption(page, page.getByLabel('所属行业'), '仪器仪表', /40 仪器仪表制造业/);
  await page.getByLabel('员工人数').fill('85');
  await page.getByLabel('年产值（万元）').fill('6200');
  // The officer's own district is the default jurisdiction.
  expect(await page.locator('.ant-form-item').filter({ hasText: '所属辖区' }).textContent()).toContain('普陀区');
  await page.getByRole('button', { name: '添加联络员' }).click();
  const liaison = page.getByTestId('contact-0');
  await liaison.getByLabel('姓名').fill('周敏');
  await liaison.getByLabel('部门').fill('法务部');
  await liaison.getByLabel('职务').fill('法务主管');
  await liaison.getByLabel('办公电话').fill('021-62570001');
  await liaison.getByLabel('个人电话').fill('13916650001');
  await page.getByRole('button', { name: '添加保密员' }).click();
  await page.getByTestId('contact-1').getByLabel('姓名').fill('吴磊');

  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText(`统一社会信用代码校验位错误，应为 ${code.check}`).waitFor();
  await screenshot(page, 'unit-new-wrong-check-char');
  expect(page.url()).toMatch(/\/units\/new$/);
  expect(unitPosts).toHaveLength(0);
  const listed = await page.request.get('/api/v1/units', { params: { q: NAME } });
  expect(((await listed.json()) as { total: number }).total).toBe(0);

  await page.getByLabel('统一社会信用代码').fill(code.valid);
  await page.getByText('校验通过 · 登记机关所在地：普陀区（310107）').waitFor();
  await page.getByText('统一社会信用代码校验位错误').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /保\s*存/ }).click();

  await page.waitForURL(/\/units\/[0-9a-f-]{36}$/);
  await page.getByText('单位已登记').waitFor();
  await page.getByRole('heading', { name: NAME }).waitFor();
  await page.getByRole('cell', { name: '周敏' }).waitFor();
  await page.getByRole('cell', { name: '吴磊' }).waitFor();
  await screenshot(page, 'unit-new-saved-profile');
  expect(unitPosts).toHaveLength(1);

  await page.getByRole('menuitem', { name: '单位管理' }).click();
  await page.getByLabel('关键词').fill('晨星精密');
  await page.getByLabel('关键词').press('Enter');
  await page.waitForURL(/q=/);
  expect(await columnTexts(page, '单位名称')).toEqual([NAME]);
  expect(await columnTexts(page, '统一社会信用代码')).toEqual([code.valid]);
  expect(await columnTexts(page, '辖区')).toEqual(['普陀区']);
  await screenshot(page, 'unit-list-after-registration');
  expect(errors).toEqual([]);
});

test('a credit code already registered is refused by the server and marked on the field', async () => {
  const { page } = await openPage(browser);
  await login(page, 'putuo');
  await page.goto('/units/new');
  await page.getByRole('heading', { name: '登记单位' }).waitFor();
  const taken = demoUnit('putuo-precision').creditCode;
  await page.getByLabel('单位名称').fill('上海重复登记测试有限公司');
  await page.getByLabel('统一社会信用代码').fill(taken);
  await page.getByLabel('法定代表人/负责人').fill('李四');
  await page.getByLabel('地址').fill('上海市普陀区武宁路 100 号');
  await page.getByLabel('邮政编码').fill('200063');
  await pickOption(page, page.getByLabel('所属行业'), '软件', /65 软件和信息技术服务业/);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  const field = page.locator('.ant-form-item').filter({ has: page.getByLabel('统一社会信用代码') });
  await field.getByText('该统一社会信用代码已登记').waitFor();
  expect(page.url()).toMatch(/\/units\/new$/);
  await screenshot(page, 'unit-new-duplicate-code');
});

test('putuo edits a unit of its district; the change is saved and audited with before and after', async () => {
  const { page, errors } = await openPage(browser);
  const unit = demoUnit('putuo-institute');
  await login(page, 'putuo');
  await page.goto(`/units?q=${encodeURIComponent(unit.name)}`);
  await page.getByRole('link', { name: unit.name }).click();
  await page.getByRole('button', { name: '修改信息' }).click();
  await page.waitForURL(/\/edit$/);
  await page.getByRole('heading', { name: `修改单位信息：${unit.name}` }).waitFor();
  await page.getByLabel('员工人数').fill('90');
  await page.getByRole('button', { name: '保存修改' }).click();
  await page.getByText('单位信息已保存').waitFor();
  await page.getByRole('button', { name: '操作记录' }).click();
  await page.waitForURL(/\/audit\?entityType=unit&entityId=/);
  await page.getByRole('cell', { name: '修改单位信息' }).waitFor();
  // Expand the update to see before and after.
  await page.locator('tr', { hasText: '修改单位信息' }).getByRole('button').first().click();
  await page.getByRole('cell', { name: '员工人数' }).first().waitFor();
  await page.getByRole('cell', { name: String(unit.staffCount), exact: true }).waitFor();
  await page.getByRole('cell', { name: '90', exact: true }).waitFor();
  await screenshot(page, 'audit-unit-update');
  expect(errors).toEqual([]);
});

test('two officers editing the same unit: the later save is refused with 409 instead of overwriting', async () => {
  const unit = demoUnit('putuo-ip-service');
  const first = await openPage(browser);
  const second = await openPage(browser);
  const id = await unitIdByName(unit.name, 'putuo');
  for (const { page } of [first, second]) {
    await login(page, 'putuo');
    await page.goto(`/units/${id}/edit`);
    await page.getByRole('heading', { name: `修改单位信息：${unit.name}` }).waitFor();
  }
  await first.page.getByLabel('员工人数').fill('41');
  await first.page.getByRole('button', { name: '保存修改' }).click();
  await first.page.getByText('单位信息已保存').waitFor();

  await second.page.getByLabel('员工人数').fill('42');
  await second.page.getByRole('button', { name: '保存修改' }).click();
  await second.page
    .getByRole('form', { name: '单位信息修改表' })
    .getByRole('alert')
    .getByText('该单位信息已被他人修改，请刷新后重试')
    .waitFor();
  expect(second.page.url()).toMatch(/\/edit$/);
  await screenshot(second.page, 'unit-edit-conflict');
  await second.page.getByRole('button', { name: '重新加载' }).click();
  // The reloaded record replaces the form (and its conflict notice) once it arrives.
  await second.page.getByText('该单位信息已被他人修改，请刷新后重试').waitFor({ state: 'detached' });
  expect(await second.page.getByLabel('员工人数').inputValue()).toBe('41');
});
