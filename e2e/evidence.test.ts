/**
 * Evidence preservation end to end: an applicant drops a file on /evidence, the browser hashes it (the digest must
 * equal Node's), only the digest goes to the server, a certificate comes back and its PDF downloads; then anyone,
 * logged out, verifies it on /verify with the same file (passes) and with another file (fails), and by proof bundle
 * with a pasted SM3 digest.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import {
  encodeEvidenceExtra,
  formatTlogProof,
  parseEvidenceExtra,
  parseTlogProof,
} from '../src/core/evidence/proof-bundle';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { applicantUnit } from './helpers/demo';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A file of about 3 MB (several stream chunks) with a marker that must never appear in any request.
const MARKER = `绝密配方-${randomUUID()}`;
const ORIGINAL = Buffer.from(`${MARKER}\n${'水 70%，糖 30%，秘方香精 0.5%。\n'.repeat(80_000)}`);
const FILE_NAME = '核心配方说明书.txt';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const sm3 = (bytes: Buffer) => createHash('sm3').update(bytes).digest('hex');

/** The certificate number issued in the first test, verified in the next ones. */
let certificateNo = '';

/** Records every request body the page sends, to prove the file's content never leaves the browser. */
function watchUploads(page: Page): () => string[] {
  const bodies: string[] = [];
  page.on('request', (request) => {
    const body = request.postDataBuffer();
    if (body) bodies.push(body.toString('utf8'));
  });
  return () => bodies.filter((body) => body.includes(MARKER));
}

async function dropFile(page: Page, testId: string, name: string, buffer: Buffer) {
  await page.getByTestId(`${testId}-dragger`).locator('input[type=file]').setInputFiles({
    name,
    mimeType: 'text/plain',
    buffer,
  });
}

/** Chooses an antd radio (its input is hidden) by clicking its label, as a user does. */
async function pickRadio(page: Page, name: string | RegExp) {
  await page
    .locator('label')
    .filter({ has: page.getByRole('radio', { name }) })
    .click();
  expect(await page.getByRole('radio', { name }).isChecked()).toBe(true);
}

/** Waits until the page shows the digest it computed for the dropped file, and returns it. */
async function shownDigest(page: Page, testId: string, expected: string): Promise<string> {
  const value = page.getByTestId(`${testId}-value`);
  await expect
    .poll(async () => ((await value.count()) ? ((await value.textContent()) ?? '').trim() : null))
    .toBe(expected);
  return expected;
}

test('applicant1 preserves a file: hashed in the browser, certificate issued, PDF and bundle downloadable', async () => {
  const { page, errors } = await openPage(browser);
  const leaked = watchUploads(page);
  await login(page, 'applicant1');
  await page.getByRole('menuitem', { name: '商业秘密存证' }).click();
  await page.waitForURL('**/evidence');
  await page.getByTestId('evidence-notice').getByText('文件不会上传').waitFor();

  await dropFile(page, 'evidence-file', FILE_NAME, ORIGINAL);
  const digest = await shownDigest(page, 'evidence-file', sha256(ORIGINAL));
  expect(await page.getByLabel('存证名称').inputValue()).toBe(FILE_NAME);
  await screenshot(page, 'evidence-hashed');

  const submitted = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/evidence/entries') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: /提交存证/ }).click();
  const response = await submitted;
  expect(response.status()).toBe(200);
  // Only the digest, the algorithm and the label were sent.
  expect(response.request().postDataJSON()).toEqual({ algorithm: 'sha256', digest, label: FILE_NAME });

  const result = page.getByTestId('evidence-result');
  certificateNo = ((await result.getByTestId('certificate-no').textContent()) ?? '').trim();
  expect(certificateNo).toMatch(/^SMEV-\d{8,}-[0-9A-F]{8}$/);
  await result.getByText('存证成功').waitFor();
  await result.getByText('北京时间').waitFor();
  for (const label of ['日志序号', '树大小', '可信时间']) await result.getByText(label, { exact: true }).waitFor();

  // The unit's list shows the entry as sealed, its certificate number linking to the public verification page.
  const row = page.getByTestId('evidence-table').locator('tbody tr.ant-table-row').filter({ hasText: certificateNo });
  await row.getByText('已存证').waitFor();
  expect(await row.getByRole('link', { name: certificateNo }).getAttribute('href')).toBe(
    `/verify?no=${encodeURIComponent(certificateNo)}`,
  );
  await page.getByTestId('verifier-key').waitFor();
  await screenshot(page, 'evidence-certificate');

  // The certificate PDF: the button downloads it, and its address answers a PDF.
  const pdfLink = result.getByRole('link', { name: /下载存证证书/ });
  const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
  expect(download.suggestedFilename()).toBe(`${certificateNo}.pdf`);
  const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  const bundle = await page.request.get((await result.getByRole('link', { name: /下载验证包/ }).getAttribute('href'))!);
  expect(bundle.status()).toBe(200);
  expect(await bundle.text()).toMatch(/^c2sp\.org\/tlog-proof@v1\n/);

  expect(leaked()).toEqual([]);
  expect(errors).toEqual([]);
});

test('anyone verifies the certificate on the public page: the same file passes, another file fails', async () => {
  expect(certificateNo, 'the first test issues the certificate').not.toBe('');
  const { page, errors } = await openPage(browser);
  const leaked = watchUploads(page);
  await page.goto(`/verify?no=${encodeURIComponent(certificateNo)}`);
  await page.getByTestId('verify-notice').getByText('原文件不会上传').waitFor();
  expect(await page.getByRole('textbox', { name: '证书编号' }).inputValue()).toBe(certificateNo);
  // Not logged in: the page offers the login, not the platform.
  await page.getByRole('link', { name: '登录平台' }).waitFor();

  await dropFile(page, 'verify-file', FILE_NAME, ORIGINAL);
  await shownDigest(page, 'verify-file', sha256(ORIGINAL));
  await page.getByRole('button', { name: /验\s*证$/ }).click();
  const outcome = page.getByTestId('verify-result');
  await outcome.getByText('验证通过').waitFor();
  expect(await outcome.getAttribute('data-ok')).toBe('true');
  const digestCheck = outcome.getByTestId('check-digest');
  expect(await digestCheck.textContent()).toContain('文件摘要一致');
  expect(await digestCheck.getByText('通过', { exact: true }).count()).toBe(1);
  for (const name of ['format', 'signature', 'entry', 'digest', 'inclusion', 'consistency', 'timestamp']) {
    expect(await outcome.getByTestId(`check-${name}`).getAttribute('data-status'), name).toBe('pass');
  }
  await outcome.getByText(applicantUnit('applicant1').name).waitFor();
  await outcome.getByText(FILE_NAME).waitFor();
  await outcome.getByText('北京时间').first().waitFor();
  // Everything the public reads is Chinese: each check's explanation too (names and hashes aside).
  expect(await outcome.getByTestId('check-inclusion').innerText()).toMatch(/号记录包含在大小为 \d+ 的日志树中/);
  expect(await outcome.innerText()).not.toMatch(/tree size|signed by|digest matches|is in the tree|index \d/);
  await screenshot(page, 'evidence-verify-pass');

  // A file changed by one character is not the preserved file.
  const other = Buffer.from(ORIGINAL);
  other[other.length - 2] = '!'.charCodeAt(0);
  await dropFile(page, 'verify-file', '核心配方说明书（改）.txt', other);
  await shownDigest(page, 'verify-file', sha256(other));
  await expect.poll(() => outcome.count()).toBe(0);
  await page.getByRole('button', { name: /验\s*证$/ }).click();
  await outcome.getByText('验证未通过').waitFor();
  expect(await outcome.getByTestId('check-digest').getAttribute('data-status')).toBe('fail');
  expect(await outcome.getByTestId('check-digest').getByText('未通过', { exact: true }).count()).toBe(1);
  // The record itself is still sound: only the file differs.
  expect(await outcome.getByTestId('check-inclusion').getAttribute('data-status')).toBe('pass');
  await screenshot(page, 'evidence-verify-fail');

  expect(leaked()).toEqual([]);
  expect(errors).toEqual([]);
});

test('an SM3 entry verifies from its proof bundle and a pasted digest, without a certificate number', async () => {
  const content = Buffer.from(`模具图纸 ${randomUUID()}`);
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant1');
  await page.goto('/evidence');
  await pickRadio(page, /SM3/);
  await dropFile(page, 'evidence-file', '模具图纸.dwg', content);
  await shownDigest(page, 'evidence-file', sm3(content));
  await page.getByLabel('存证名称').fill('模具图纸 A-12');
  await page.getByRole('button', { name: /提交存证/ }).click();
  const result = page.getByTestId('evidence-result');
  await result.getByTestId('certificate-no').waitFor();
  const bundleHref = (await result.getByRole('link', { name: /下载验证包/ }).getAttribute('href'))!;
  const bundle = Buffer.from(await (await page.request.get(bundleHref)).body());

  const verifier = (await openPage(browser)).page;
  await verifier.goto('/verify');
  await pickRadio(verifier, '按验证包文件');
  await dropFile(verifier, 'verify-bundle', 'evidence.tlog-proof', bundle);
  await verifier.getByText('已读取验证包：evidence.tlog-proof').waitFor();
  // The algorithm is taken from the bundle.
  expect(await verifier.getByRole('radio', { name: /SM3/ }).isChecked()).toBe(true);
  await pickRadio(verifier, '粘贴文件摘要');
  await verifier.getByRole('textbox', { name: '文件摘要' }).fill(sm3(content).toUpperCase());
  await verifier.getByRole('button', { name: /验\s*证$/ }).click();
  const outcome = verifier.getByTestId('verify-result');
  await outcome.getByText('验证通过').waitFor();
  expect(await outcome.getByTestId('check-digest').getAttribute('data-status')).toBe('pass');
  await outcome.getByText('模具图纸 A-12').waitFor();
  expect(await outcome.getByTestId('check-timestamp').getAttribute('data-status')).toBe('pass');
  await screenshot(verifier, 'evidence-verify-bundle');

  // The same bundle with its time-stamp token stripped is refused, with the reason in Chinese.
  const proof = parseTlogProof(bundle.toString('utf8'));
  const { tsaToken: _stripped, ...extra } = parseEvidenceExtra(proof.extra!);
  const stripped = Buffer.from(formatTlogProof({ ...proof, extra: encodeEvidenceExtra(extra) }));
  await dropFile(verifier, 'verify-bundle', 'stripped.tlog-proof', stripped);
  await verifier.getByText('已读取验证包：stripped.tlog-proof').waitFor();
  await verifier.getByRole('button', { name: /验\s*证$/ }).click();
  await outcome.getByText('验证未通过').waitFor();
  const timestamp = outcome.getByTestId('check-timestamp');
  expect(await timestamp.getAttribute('data-status')).toBe('fail');
  expect(await timestamp.innerText()).toContain('检查点声明加盖了可信时间戳，但验证包中没有时间戳令牌');
  expect(errors).toEqual([]);
});
