/**
 * Guidance, in the browser: the applicant home (programmes with deadline and days left on the business date, drafts,
 * each application's next step), practice self-assessment of a closed programme, the officer home (stage schedule,
 * to-do, what is late), help for each role and for the public, the business date everywhere (greeting, date pickers,
 * the admin's page to move it), and the offline evidence verifier downloaded and opened from disk.
 * Other files share the server and move the business date: each test here sets the date it needs, and the file puts
 * back the date it found.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ApplicationStatus } from '../src/core/applications/workflow';
import {
  encodeEvidenceExtra,
  formatTlogProof,
  parseEvidenceExtra,
  parseTlogProof,
} from '../src/core/evidence/proof-bundle';
import { pickOption } from './helpers/antd';
import { type ApiSession, apiAs } from './helpers/api';
import { launchBrowser, login, menuLabels, openPage, screenshot, waitForQuietNetwork } from './helpers/browser';
import { newApplicantUnit, submitApplication } from './helpers/prepare';

let browser: Browser;
let originalDate: string;
let applicant: ApiSession;
/** One admin session for the whole file: logins are rate-limited per username. */
let admin: ApiSession;
const setBusinessDate = (date: string) => admin.send('PUT', '/system/business-date', { date });
const suffix = randomUUID().slice(0, 6);
const USERNAME = `guide${suffix}`;
const UNIT_NAME = `上海向导精密制造有限公司${suffix}`;
const downloads = mkdtempSync(path.join(tmpdir(), 'shangmi-verifier-'));

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await apiAs('admin');
  originalDate = (await admin.get<{ date: string }>('/system/business-date')).date;
  await setBusinessDate('2022-03-15');
  applicant = await newApplicantUnit('310107', USERNAME, UNIT_NAME);
});
afterAll(async () => {
  await applicant?.dispose();
  if (originalDate) await setBusinessDate(originalDate);
  await admin?.dispose();
  await browser?.close();
  rmSync(downloads, { recursive: true, force: true });
});

async function loginAsApplicant(page: Page) {
  await login(page, USERNAME, 'applicant-123');
  await waitForQuietNetwork(page);
}

test('the applicant home shows what to do next on the business date', async () => {
  const { page, errors } = await openPage(browser);
  await loginAsApplicant(page);
  await expect
    .poll(() => page.getByTestId('today').innerText(), { timeout: 15_000 })
    .toBe('今天是 2022年3月15日 星期二');
  const putuo = page.getByTestId('home-programme').filter({ hasText: '普陀区' });
  await expect.poll(() => putuo.getByTestId('window-state').innerText(), { timeout: 15_000 }).toBe('申报中');
  expect(await putuo.getByTestId('window-text').innerText()).toBe('截止 2022-03-31，还剩 17 天');
  expect(await page.getByTestId('home-drafts').innerText()).toContain('暂无草稿');
  await screenshot(page, 'applicant-home-start');

  // 开始自评 leads to the self-assessment page with the programme chosen and its window shown.
  await putuo.getByRole('button', { name: '开始自评' }).click();
  await page.waitForURL('**/self-assessment?programme=*');
  await expect
    .poll(() => page.getByTestId('programme-window').innerText(), { timeout: 15_000 })
    .toContain('还剩 17 天');
  expect(await page.getByTestId('practice-notice').count()).toBe(0);

  // An application made and submitted the way the applicant does it, then the home again.
  const submitted = await submitApplication(applicant, 'putuo-2022', 'point', 0.9);
  await page.goto('/');
  await waitForQuietNetwork(page);
  const mine = page.getByTestId('home-application');
  await expect.poll(() => mine.count(), { timeout: 15_000 }).toBe(1);
  expect(await mine.innerText()).toContain(ApplicationStatus.labels.submitted);
  // Putuo has no district review: the programme's own bureau starts the acceptance next.
  expect(await mine.getByTestId('next-step').innerText()).toBe('等待方案主管部门：退回补充材料、启动验收');
  expect(await mine.getByRole('link', { name: '查看' }).getAttribute('href')).toBe(`/applications/${submitted.id}`);
  await screenshot(page, 'applicant-home');
  expect(errors).toEqual([]);
});

test('a closed programme is self-assessed only as practice, which offers no application', async () => {
  await setBusinessDate('2022-04-05');
  try {
    const { page, errors } = await openPage(browser);
    await loginAsApplicant(page);
    await expect
      .poll(() => page.getByTestId('today').innerText(), { timeout: 15_000 })
      .toBe('今天是 2022年4月5日 星期二');
    const putuoId = (await applicant.get<{ items: { id: string; code: string }[] }>('/programs')).items.find(
      (p) => p.code === 'putuo-2022',
    )!.id;
    await page.goto(`/self-assessment?programme=${putuoId}`);
    await expect.poll(() => page.getByTestId('programme-window').innerText(), { timeout: 15_000 }).toContain('已截止');
    await page.getByTestId('practice-notice').waitFor();
    await pickOption(page, page.getByLabel('选择基地类型'), '', /^区级商业秘密保护示范点$/);
    await page.getByRole('button', { name: '开始练习自评' }).click();
    await page.getByTestId('practice-banner').waitFor();
    expect(await page.getByRole('button', { name: '转为申报' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /保存草稿/ }).count()).toBe(1);
    const listed = page.getByRole('listitem').filter({ hasText: '练习' });
    await expect.poll(() => listed.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'self-assessment-practice');

    // The home marks it too, and the server refuses to turn it into an application.
    await page.goto('/');
    await waitForQuietNetwork(page);
    const practice = page.getByTestId('home-draft').filter({ hasText: '练习' });
    await expect.poll(() => practice.count(), { timeout: 15_000 }).toBe(1);
    expect(await practice.innerText()).toContain('练习自评，不能转为申报');
    expect(errors).toEqual([]);
  } finally {
    await setBusinessDate('2022-03-15');
  }
  // Back inside the window, the practice self-assessment still does not become an application.
  const drafts = await applicant.get<{ items: { id: string; practice: boolean }[] }>('/self-assessments');
  const id = drafts.items.find((a) => a.practice)!.id;
  await expect(applicant.send('POST', '/applications', { selfAssessmentId: id })).rejects.toThrow(
    /400 .*这是练习自评，不能转为申报/,
  );
});

test('the officer home shows the stage schedule, the to-do list and what is late', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await waitForQuietNetwork(page);
  const programme = page.getByTestId('home-schedule-programme').filter({ hasText: '普陀区' }).first();
  await expect
    .poll(() => programme.getByTestId('stage-apply').getAttribute('data-timing'), { timeout: 15_000 })
    .toBe('current');
  expect(await programme.getByTestId('stage-evaluate').getAttribute('data-timing')).toBe('upcoming');
  const todo = page.getByTestId('home-todo-item').filter({ hasText: UNIT_NAME });
  await expect.poll(() => todo.count(), { timeout: 15_000 }).toBe(1);
  expect(await page.getByTestId('home-late-item').filter({ hasText: UNIT_NAME }).count()).toBe(0);
  await screenshot(page, 'officer-home');

  await setBusinessDate('2022-04-20');
  try {
    await page.reload();
    await waitForQuietNetwork(page);
    const late = page.getByTestId('home-late-item').filter({ hasText: UNIT_NAME });
    await expect.poll(() => late.count(), { timeout: 15_000 }).toBe(1);
    expect(await late.innerText()).toContain('逾期 10 天');
    expect(await late.innerText()).toContain('“验收评定”阶段已于 2022-04-10 结束，尚待退回补充材料或启动验收');
    await screenshot(page, 'officer-home-late');
  } finally {
    await setBusinessDate('2022-03-15');
  }
  expect(errors).toEqual([]);
});

test('help explains each role, the stages and every status, for users and the public', async () => {
  const { page, errors } = await openPage(browser);
  await loginAsApplicant(page);
  expect((await menuLabels(page)).at(-1)).toBe('帮助');
  await page.getByRole('menuitem', { name: '帮助' }).click();
  await page.waitForURL('**/help');
  await page.getByTestId('help-role-steps').getByText('申报单位怎么做').waitFor();
  const rows = page.getByTestId('help-statuses').locator('tbody tr.ant-table-row');
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(ApplicationStatus.values.length);
  const text = await page.getByTestId('help-statuses').innerText();
  for (const label of Object.values(ApplicationStatus.labels)) expect(text).toContain(label);
  expect(text).toContain('等待属地区县监管部门：退回补充材料、审核推荐、不予推荐');
  await screenshot(page, 'help-applicant');

  const anonymous = await openPage(browser);
  await anonymous.page.goto('/registry');
  await anonymous.page.getByRole('navigation', { name: '公开栏目' }).getByRole('link', { name: '帮助' }).click();
  await anonymous.page.waitForURL('**/help/public');
  await anonymous.page.getByText('离线验证工具').first().waitFor();
  await expect
    .poll(() => anonymous.page.getByTestId('help-statuses').locator('tbody tr').count())
    .toBe(ApplicationStatus.values.length);
  // Nothing a user reads names an npm command or a repository file.
  for (const pathname of ['/help/public', '/verify']) {
    await anonymous.page.goto(pathname);
    await waitForQuietNetwork(anonymous.page);
    expect(await anonymous.page.locator('body').innerText()).not.toMatch(/npm|\.ts\b|docs\//);
  }
  await page.goto('/evidence');
  await page.getByTestId('offline-verifier').waitFor();
  expect(await page.locator('body').innerText()).not.toMatch(/npm|--key|docs\//);
  expect(errors).toEqual([]);
  expect(anonymous.errors).toEqual([]);
});

test('the business date is the today of the greeting and the date pickers, and the admin moves it on a page', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'admin');
  await expect
    .poll(() => page.getByTestId('today').innerText(), { timeout: 15_000 })
    .toBe('今天是 2022年3月15日 星期二');
  // A date picker defaults to the business date, and opens on its month.
  await page.getByRole('menuitem', { name: '工作日历' }).click();
  const start = page.getByRole('textbox', { name: '起始日期' });
  await expect.poll(() => start.inputValue(), { timeout: 15_000 }).toBe('2022-03-15');
  await start.click();
  await page.getByRole('button', { name: '今天（业务日期）' }).waitFor();
  await page.keyboard.press('Escape');

  // Moved on the home page.
  await page.getByRole('menuitem', { name: '首页' }).click();
  const card = page.getByTestId('business-date-card');
  const input = card.getByRole('textbox', { name: '新的业务日期' });
  await input.click();
  await input.fill('2022-03-21');
  await page.keyboard.press('Enter');
  await card.getByRole('button', { name: '调整业务日期' }).click();
  await expect
    .poll(() => page.getByTestId('today').innerText(), { timeout: 15_000 })
    .toBe('今天是 2022年3月21日 星期一');
  try {
    expect((await admin.get<{ date: string }>('/system/business-date')).date).toBe('2022-03-21');
  } finally {
    await setBusinessDate('2022-03-15');
  }
  expect(errors).toEqual([]);
});

test('the offline verifier downloads, opens from disk without network and checks a real bundle in Chinese', async () => {
  // A real evidence entry of the applicant's unit, and its bundle.
  const original = Buffer.from(`向导公司核心工艺参数-${randomUUID()}\n温度 182℃，保压 35 秒。\n`);
  const digest = createHash('sha256').update(original).digest('hex');
  const entry = await applicant.send<{ id: string }>('POST', '/evidence/entries', {
    algorithm: 'sha256',
    digest,
    label: '核心工艺参数',
  });
  const { page, errors } = await openPage(browser);
  await loginAsApplicant(page);
  const bundleResponse = await page.request.get(`/api/v1/evidence/entries/${entry.id}/bundle`);
  expect(bundleResponse.status()).toBe(200);
  const bundleFile = path.join(downloads, 'entry.tlog-proof');
  writeFileSync(bundleFile, await bundleResponse.body());
  const keys = (await (await page.request.get('/api/v1/evidence/keys')).json()) as { verifierKey: string };

  // Downloaded from the evidence page (and, logged out, from the verify page).
  await page.goto('/evidence');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('offline-verifier').click()]);
  expect(download.suggestedFilename()).toBe('商秘存证离线验证工具.html');
  const tool = path.join(downloads, 'verifier.html');
  await download.saveAs(tool);
  const html = readFileSync(tool, 'utf8');
  expect(html).toContain(`content="${keys.verifierKey}"`);
  expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
  const visitor = await openPage(browser);
  await visitor.page.goto('/verify');
  const [again] = await Promise.all([
    visitor.page.waitForEvent('download'),
    visitor.page.getByTestId('offline-verifier').click(),
  ]);
  expect(again.suggestedFilename()).toBe('商秘存证离线验证工具.html');

  // Opened from disk in a context with the network off: every request the page makes stays on file://.
  const offline = await browser.newContext({ locale: 'zh-CN' });
  try {
    await offline.setOffline(true);
    const local = await offline.newPage();
    const pageErrors: Error[] = [];
    local.on('pageerror', (error) => pageErrors.push(error));
    const requested: string[] = [];
    local.on('request', (request) => requested.push(request.url()));
    await local.goto(pathToFileURL(tool).href);
    expect(await local.title()).toBe('商秘存证离线验证工具');
    expect(await local.locator('#key').inputValue()).toBe(keys.verifierKey);
    await local.locator('#bundle').setInputFiles(bundleFile);
    await local.locator('#file').setInputFiles({ name: '核心工艺参数.txt', mimeType: 'text/plain', buffer: original });
    await local.getByRole('button', { name: '开始验证' }).click();
    const result = local.locator('#result');
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 15_000 }).toBe('true');
    expect(await local.locator('#verdict').innerText()).toBe('✔ 验证通过');
    expect(await local.locator('#summary').innerText()).toContain('文件与存证记录一致');
    expect(await local.locator('#checks li[data-status="fail"]').count()).toBe(0);
    expect(await local.locator('#checks').innerText()).toContain('文件摘要一致');
    expect(await local.locator('#checks li[data-status="pass"]').allInnerTexts()).toContainEqual(
      expect.stringContaining('可信时间戳'),
    );
    expect(await local.locator('#facts').innerText()).toContain(UNIT_NAME);
    expect(await local.locator('#facts').innerText()).toContain('可信时间（北京时间）');
    expect(await local.locator('body').innerText()).not.toContain('可在平台“存证验证”页面核验');
    await screenshot(local, 'offline-verifier-pass');

    // A tampered file fails, in Chinese, on the digest alone.
    const tampered = Buffer.from(original.toString('utf8').replace('182', '183'));
    await local.locator('#file').setInputFiles({ name: '核心工艺参数.txt', mimeType: 'text/plain', buffer: tampered });
    await local.getByRole('button', { name: '开始验证' }).click();
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 15_000 }).toBe('false');
    expect(await local.locator('#verdict').innerText()).toBe('✘ 验证未通过');
    expect(await local.locator('#summary').innerText()).toContain('所选文件与存证时的文件不一致');
    expect(await local.locator('#checks li[data-status="fail"]').allInnerTexts()).toEqual([
      expect.stringContaining('文件摘要一致'),
    ]);
    await screenshot(local, 'offline-verifier-tampered');

    // A bundle whose time-stamp token was stripped fails offline, on the time stamp, in Chinese.
    const proof = parseTlogProof(readFileSync(bundleFile, 'utf8'));
    const { tsaToken: _stripped, ...extra } = parseEvidenceExtra(proof.extra!);
    const strippedFile = path.join(downloads, 'stripped.tlog-proof');
    writeFileSync(strippedFile, formatTlogProof({ ...proof, extra: encodeEvidenceExtra(extra) }));
    await local.locator('#bundle').setInputFiles(strippedFile);
    await local.locator('#file').setInputFiles({ name: '核心工艺参数.txt', mimeType: 'text/plain', buffer: original });
    await local.getByRole('button', { name: '开始验证' }).click();
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 15_000 }).toBe('false');
    expect(await local.locator('#checks li[data-status="fail"]').allInnerTexts()).toEqual([
      expect.stringContaining('可信时间戳：检查点声明加盖了可信时间戳，但验证包中没有时间戳令牌'),
    ]);
    await screenshot(local, 'offline-verifier-stripped-token');
    await local.locator('#bundle').setInputFiles(bundleFile);

    // A wrong key fails the signature.
    await local.locator('#file').setInputFiles({ name: '核心工艺参数.txt', mimeType: 'text/plain', buffer: original });
    const [name, id, data] = keys.verifierKey.split('+') as [string, string, string];
    await local.locator('#key').fill(`${name}+${id}+${data.slice(0, -4)}AAA=`);
    await local.getByRole('button', { name: '开始验证' }).click();
    await expect.poll(() => result.getAttribute('data-ok'), { timeout: 15_000 }).toBe('false');
    expect(await local.locator('#summary').innerText()).toContain('未通过的检查');
    expect(requested.every((url) => url.startsWith('file:'))).toBe(true);
    expect(pageErrors).toEqual([]);
  } finally {
    await offline.close();
  }
  expect(errors).toEqual([]);
  expect(visitor.errors).toEqual([]);
});
