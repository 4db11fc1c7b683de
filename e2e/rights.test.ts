/**
 * The rights module in the browser (issue 12).
 *
 * rights-core: the public rights pages on a 390 px phone: a visitor reports a trade-secret infringement anonymously
 * to Keqiao with a file (held under this report's upload key), gets a receipt code, and follows the report with the
 * code and the password on the follow page — no sideways scrolling on either page.
 *
 * The walk of the issue, every step a person's clicks: a firm preserves a document and reports with its evidence
 * certificate attached (and links a further certificate later) → Keqiao names its handler, who triages to the
 * criminal route → Shaoxing approves the transfer → the handler records it sent, the police's receipt and decision
 * → closes it → writes it up as a typical case, which a second officer approves → the public reads it at 390 px.
 *
 * Then the officers' tools: a transfer to another bureau picked in the jurisdiction tree; the city edits the rules
 * (with validation messages) and designates a rights centre; a district may do neither.
 */
import { createHash } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { type ApiSession, apiAs } from './helpers/api';
import { launchBrowser, login, openPage, screenshot, waitForQuietNetwork } from './helpers/browser';

let browser: Browser;
let firm: ApiSession;
let keqiao: ApiSession;
let shaoxing: ApiSession;
beforeAll(async () => {
  browser = await launchBrowser();
  [firm, keqiao, shaoxing] = await Promise.all([apiAs('applicant2'), apiAs('keqiao'), apiAs('shaoxing')]);
});
afterAll(async () => {
  await Promise.all([firm?.dispose(), keqiao?.dispose(), shaoxing?.dispose()]);
  await browser?.close();
});

const noSidewaysScroll = () => document.documentElement.scrollWidth - window.innerWidth;

test('an anonymous report and its follow page at 390 px', { timeout: 120_000 }, async () => {
  const { page, errors } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/rights/report');
  await waitForQuietNetwork(page);
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(1);
  await page.getByLabel('管辖部门').selectOption({ label: '柯桥区' });
  await page.getByLabel('权利人名称').fill('绍兴柯桥某纺织有限公司');
  await page.getByLabel('被举报方名称').fill('绍兴某某印染科技有限公司');
  await page.getByLabel('原料配方').check();
  await page.getByLabel('商业秘密内容概述').fill('低温染色助剂配方');
  await page.getByLabel('离职员工带走').check();
  await page.getByLabel('侵权事实').fill('前技术主管离职后对方推出同类产品');
  await page.locator('input[type=file]').setInputFiles({
    name: '新品宣传册.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4\n% 宣传册 ${Date.now()}\n%%EOF\n`),
  });
  await page.getByTestId('rights-files').locator('li[data-state=done]').filter({ hasText: '新品宣传册.pdf' }).waitFor();
  await page.getByLabel('设置查询密码（至少8位，用于查询进展）').fill('follow-me-2024');
  await screenshot(page, 'rights-report-390');
  await page.getByRole('button', { name: '提交举报' }).click();
  const receipt = page.getByTestId('rights-receipt');
  await receipt.waitFor();
  const code = (await receipt.locator('strong').first().textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{10}$/);
  await screenshot(page, 'rights-receipt-390');

  await page.goto('/rights/follow');
  await waitForQuietNetwork(page);
  await page.getByLabel('查询码').fill(code);
  await page.getByLabel('查询密码').fill('wrong-password');
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  await page.getByText('查询码或查询密码不正确').waitFor();
  await page.getByLabel('查询密码').fill('follow-me-2024');
  await page.getByRole('button', { name: /^查\s*询$/ }).click();
  const followed = page.getByTestId('rights-followed');
  await followed.waitFor();
  await expect.poll(() => followed.textContent()).toContain('待研判');
  expect(await page.evaluate(noSidewaysScroll)).toBeLessThanOrEqual(1);
  await screenshot(page, 'rights-follow-390');
  expect(errors).toEqual([]);
});

/** The open dialog (antd keeps closed ones hidden), and its OK button. */
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible').getByRole('dialog');
async function confirm(page: Page) {
  await dialog(page).getByRole('button', { name: '确 定' }).click();
}
/** Chooses an antd radio (its input is hidden) by clicking its label, as a user does. */
async function pickRadio(scope: Locator, name: string) {
  await scope.getByRole('radio', { name }).locator('xpath=ancestor::label[1]').click();
}
/** Clicks a header action of the clue page, waits for its success message, and for the page to settle. */
async function act(page: Page, done: string) {
  await confirm(page);
  await page.getByText(done).first().waitFor();
  await waitForQuietNetwork(page);
}

const TITLE = '某纺织企业染色工艺被前技术主管披露移送公安案';
let clueId = '';
let clueNo = '';
let typicalPath = '';

test('a firm preserves a document and reports with its evidence certificate; links a second one later', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant2');
  await page.getByRole('menuitem', { name: '商业秘密存证' }).click();
  await page.waitForURL('**/evidence');
  await page
    .getByTestId('evidence-file-dragger')
    .locator('input[type=file]')
    .setInputFiles({
      name: '低温染色工艺参数表.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(`活性染料低温染色工艺参数 ${Date.now()}`),
    });
  await expect.poll(() => page.getByLabel('存证名称').inputValue()).toBe('低温染色工艺参数表.xlsx');
  await page.getByRole('button', { name: /提交存证/ }).click();
  const certificateNo = ((await page.getByTestId('certificate-no').textContent()) ?? '').trim();
  expect(certificateNo).toMatch(/^SMEV-/);
  // A second document preserved earlier, linked to the clue after it was reported.
  const later = await firm.send<{ certificateNo: string }>('POST', '/evidence/entries', {
    algorithm: 'sha256',
    digest: createHash('sha256').update(`染色助剂采购清单-${Date.now()}`).digest('hex'),
    label: '染色助剂采购清单',
  });

  await page.goto('/rights');
  await page.getByRole('button', { name: '申请维权' }).click();
  await page.waitForURL('**/rights/new');
  await page.getByLabel('权利人名称').fill('绍兴柯桥锦程纺织印染有限公司');
  await page.getByLabel('被举报方名称').fill('张某');
  await page.getByLabel('关系').fill('前技术主管');
  await page.getByLabel('产品工艺').check();
  await page.getByLabel('商业秘密内容概述').fill('活性染料低温染色工艺参数');
  await page.getByLabel('离职员工带走').check();
  await page.getByLabel('签订保密协议').check();
  await page.getByLabel('侵权事实').fill('前技术主管离职后将工艺参数提供给竞争对手');
  await page.getByLabel('估计损失（元）').fill('800000');
  await pickRadio(page.locator('body'), '刑事移送');
  await pickOption(page, page.getByLabel('存证证书', { exact: true }), '', certificateNo);
  await screenshot(page, 'rights-walk-report');
  await page.getByRole('button', { name: '提 交' }).click();
  await page.waitForURL(/\/rights\/clues\/[0-9a-f-]{36}$/);
  clueId = page.url().split('/').pop()!;
  const evidence = page.locator('tr').filter({ hasText: '存证证书（关联时已核验）' });
  await evidence.getByText(certificateNo).waitFor();
  clueNo = ((await page.getByText(/^维权线索 WQ/).textContent()) ?? '').replace('维权线索', '').trim();
  expect(clueNo).toMatch(/^WQ\d{4}-\d{5}$/);

  await page.getByRole('button', { name: '补充关联存证证书' }).click();
  await pickOption(page, dialog(page).getByLabel('存证证书'), '', later.certificateNo);
  await dialog(page).getByText('补充关联本单位存证证书').click();
  await act(page, '已关联存证证书');
  await evidence.getByText(later.certificateNo).waitFor();
  await screenshot(page, 'rights-walk-reporter');
  expect(errors).toEqual([]);
});

test('Keqiao names its handler, who triages to the criminal route; Shaoxing approves; sent, received, decided, closed', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'keqiao');
  await page.goto('/rights');
  await page.getByRole('link', { name: clueNo }).click();
  await page.getByText('线索内容保密').waitFor();
  await page.getByRole('button', { name: '指定承办人' }).click();
  await pickOption(page, dialog(page).getByLabel('承办人'), '柯桥', '绍兴市柯桥区市场监督管理局');
  await dialog(page).getByText('指定承办人（管辖部门的执法人员）').click();
  await act(page, '已指定承办人');

  await page.getByRole('button', { name: '研 判' }).click();
  await dialog(page).getByTestId('rights-proposal').getByText('建议移送公安机关').waitFor();
  await pickRadio(dialog(page), '涉嫌犯罪，移送公安');
  await dialog(page).getByLabel('接收移送的公安机关').fill('绍兴市公安局柯桥区分局');
  await dialog(page).getByLabel('理由（将告知举报/申请人）').fill('损失数额达到刑事立案追诉标准');
  await screenshot(page, 'rights-walk-triage');
  await act(page, '研判决定已保存');
  await page.locator('.ant-card-head .ant-tag').getByText('移送公安', { exact: true }).waitFor();

  const city = await openPage(browser);
  await login(city.page, 'shaoxing');
  await city.page.goto(`/rights/clues/${clueId}`);
  await city.page.getByRole('button', { name: '批准移送' }).click();
  await act(city.page, '已保存');
  expect(city.errors).toEqual([]);

  await page.reload();
  await page.getByRole('button', { name: '登记已移送' }).click();
  await act(page, '已保存');
  const today = (await keqiao.get<{ date: string }>('/system/business-date')).date;
  /** Types the date into the step's date picker and closes its calendar by clicking the dialog's title. */
  const enterDate = async (title: string) => {
    await dialog(page).getByLabel('日期').fill(today);
    await dialog(page).getByLabel('日期').press('Enter');
    await dialog(page).getByText(title, { exact: true }).click();
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
  };
  await page.getByRole('button', { name: '登记公安接收' }).click();
  await enterDate('登记公安接收');
  await act(page, '已保存');
  await page.getByRole('button', { name: '登记公安决定' }).click();
  await pickOption(page, dialog(page).getByLabel('公安机关的决定'), '', '立案侦查');
  await enterDate('登记公安决定');
  await act(page, '已保存');
  await page.locator('tr').filter({ hasText: '公安机关决定' }).getByText('立案侦查').waitFor();

  await page.getByRole('button', { name: '办 结' }).click();
  await dialog(page).getByLabel('办结情况').fill('公安机关已接收移送并立案侦查');
  await act(page, '线索已办结');
  await page.locator('.ant-card-head .ant-tag').getByText('已结案', { exact: true }).waitFor();
  await screenshot(page, 'rights-walk-closed');

  await page.getByRole('button', { name: '撰写典型案例' }).click();
  const form = dialog(page);
  await form.getByLabel('标题').fill(TITLE);
  await form.getByLabel('摘要').fill('企业前技术主管离职后披露染色工艺，市场监管部门依法移送公安机关。');
  await form
    .getByLabel('案情与处理')
    .fill(
      '某纺织企业向区市场监管局反映，其前技术主管离职后将低温染色工艺参数提供给竞争对手。经研判，损失数额达到刑事立案追诉标准，依法移送公安机关，公安机关已接收并立案侦查。',
    );
  await form.getByLabel('典型意义').fill('提示企业做好离职人员保密管理，并通过存证固定商业秘密的存在时间。');
  await form.getByLabel('商业秘密类型（公开标签）').fill('技术信息');
  await form.getByLabel('所属行业（公开标签）').fill('纺织业');
  await confirm(page);
  await page.waitForURL(/\/rights-cases\/typical\/[0-9a-f-]{36}$/);
  typicalPath = new URL(page.url()).pathname;
  await page.getByRole('button', { name: '提交审核' }).click();
  await page.getByText('等待另一名人员审核发布').waitFor();
  expect(await page.getByRole('button', { name: '审核发布' }).count()).toBe(0);
  expect(errors).toEqual([]);
});

test('a second officer approves the typical case in the browser', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.goto(typicalPath);
  await page.getByRole('button', { name: '审核发布' }).click();
  await page.getByText('公众可在').waitFor();
  await screenshot(page, 'rights-typical-approved');
  expect(errors).toEqual([]);
});

test('the public finds and reads it on a 390 px screen', async () => {
  const { page } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/typical-cases');
  const search = page.getByRole('searchbox', { name: '检索典型案例' });
  await search.fill('染色工艺');
  await search.press('Enter');
  await page.getByRole('link', { name: TITLE }).click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  await page.getByText('依法移送公安机关，公安机关已接收并立案侦查').waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, 'rights-typical-public-390');
});

test('a handler transfers a clue to another bureau picked in the jurisdiction tree', async () => {
  const clue = await firm.send<{ id: string; clueNo: string }>('POST', '/rights/clues', {
    source: 'unit',
    holder: { name: '绍兴柯桥锦程纺织印染有限公司' },
    infringers: [{ kind: 'unit', name: '绍兴越城某印染有限公司', creditCode: null, relation: '合作方' }],
    secretKinds: ['customer'],
    secretDescription: '外贸客户名单',
    leakChannels: ['partner'],
    protectionMeasures: ['rules'],
    facts: '合作方在越城区使用客户名单招揽客户',
    urgency: 'normal',
    requestedRoute: 'administrative',
  });
  const me = await keqiao.get<{ user: { id: string } }>('/auth/me');
  await keqiao.send('POST', `/rights/clues/${clue.id}/handlers`, { handlerIds: [me.user.id], version: 1 });

  const { page, errors } = await openPage(browser);
  await login(page, 'keqiao');
  await page.goto(`/rights/clues/${clue.id}`);
  await page.getByRole('button', { name: '研 判' }).click();
  await pickRadio(dialog(page), '移交其他市场监管部门');
  await pickOption(page, dialog(page).getByLabel('移交的管辖部门'), '越城', '越城区');
  await dialog(page).getByLabel('理由（将告知举报/申请人）').fill('侵权行为发生地在越城区');
  await confirm(page);
  await page.getByText('线索已移交其他市场监管部门').waitFor();
  await page.waitForURL(/\/rights$/);
  const moved = await shaoxing.get<{ jurisdictionName: string; status: string }>(`/rights/clues/${clue.id}`);
  expect(moved).toMatchObject({ jurisdictionName: '越城区', status: 'transferred_bureau' });
  expect(errors).toEqual([]);
});

test('the city edits the rules with validation messages and designates a rights centre; a district cannot', async () => {
  const district = await openPage(browser);
  await login(district.page, 'keqiao');
  await district.page.goto('/rights');
  await district.page.getByRole('link', { name: '维权规则与维权中心' }).click();
  await district.page.getByTestId('rights-threshold').waitFor();
  await waitForQuietNetwork(district.page);
  expect(await district.page.getByRole('button', { name: /修改|设立维权中心/ }).count()).toBe(0);

  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.goto('/rights/settings');
  const threshold = page.getByTestId('rights-threshold');
  await threshold.getByText('300,000').waitFor();
  const setThreshold = async (amount: string) => {
    await page.getByRole('button', { name: '修改移送标准' }).click();
    await dialog(page).getByLabel('金额（元）').fill(amount);
    await confirm(page);
  };
  await setThreshold('0');
  await dialog(page).getByText('金额至少为1元').waitFor();
  await dialog(page).getByLabel('金额（元）').fill('500000');
  await act(page, '规则已修改');
  await threshold.getByText('500,000').waitFor();
  await screenshot(page, 'rights-settings');
  await setThreshold('300000');
  await threshold.getByText('300,000').waitFor();

  const firstClock = page.locator('tbody tr.ant-table-row').first();
  const clockName = ((await firstClock.locator('td').first().textContent()) ?? '').trim();
  await page.getByRole('button', { name: `修改期限：${clockName}` }).click();
  await dialog(page).getByLabel('依据').fill('');
  await confirm(page);
  await dialog(page).getByText('请填写依据').waitFor();
  await dialog(page).getByLabel('依据').fill('《市场监督管理行政处罚程序规定》第十八条（绍兴市补充说明）');
  await act(page, '规则已修改');
  await firstClock.getByText('绍兴市补充说明').waitFor();

  await page.getByRole('button', { name: '设立维权中心' }).click();
  await confirm(page);
  await dialog(page).getByText('请填写维权中心名称').waitFor();
  await dialog(page).getByLabel('维权中心名称').fill('嵊州市商业秘密维权中心');
  await pickOption(page, dialog(page).getByLabel('所在区域'), '嵊州', '嵊州市');
  await pickOption(page, dialog(page).getByLabel('线索移交的管辖部门'), '嵊州', '嵊州市');
  await act(page, '已设立维权中心');
  await page.locator('tr').filter({ hasText: '嵊州市商业秘密维权中心' }).waitFor();
  expect(errors).toEqual([]);
});
