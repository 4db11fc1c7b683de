/**
 * Rough edges a new user met (issue 10, section 5): a long note no longer replaces the page with a developer error
 * and nothing typed is lost; unknown records end in a Chinese not-found page; a refused submit closes its dialog and
 * marks the field; "不符合" is an answer; uploads are checked before they start; anonymous pages log no errors; the
 * application page reads well at 1440 px and at 390 px.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { answerAll } from '../test/helpers/form-fill';
import { pickOption } from './helpers/antd';
import { apiAs, setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot, waitForQuietNetwork } from './helpers/browser';
import { newApplicantUnit, submitApplication } from './helpers/prepare';
import { buttonName } from './helpers/workflow';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function startPutuoSelfAssessment(page: Page) {
  await page.getByRole('menuitem', { name: '自评' }).click();
  await pickOption(page, page.getByLabel('选择工作方案'), '普陀', /普陀/);
  await pickOption(page, page.getByLabel('选择基地类型'), '', /^区级商业秘密保护示范点$/);
  await page.getByRole('button', { name: '开始自评' }).click();
  await page.getByLabel('差距清单').waitFor();
}

test('public pages load without console errors for an anonymous visitor', async () => {
  const { page, errors } = await openPage(browser);
  const consoleErrors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  for (const path of ['/registry', '/publicity', '/verify', '/objection-status', '/login']) {
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/me'));
    await page.goto(path);
    expect((await answered).status()).toBe(200);
    await waitForQuietNetwork(page);
  }
  expect(consoleErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test('unknown applications, programmes and addresses end in a Chinese not-found page', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.goto(`/applications/${randomUUID()}`);
  await page.getByText('申报不存在或无权查看').waitFor();
  await page.getByRole('button', { name: '返回首页' }).waitFor();
  await page.goto(`/applications/${randomUUID()}/print`);
  await page.getByText('申报不存在或无权查看').waitFor();
  await page.goto(`/programs/${randomUUID()}`);
  await page.getByText('工作方案不存在或无权查看').waitFor();
  await page.goto('/programs/not-an-id');
  await page.getByText(/工作方案不存在或无权查看/).waitFor();
  await page.goto('/no-such-page');
  await page.getByText('页面不存在', { exact: true }).waitFor();
  expect(await page.getByText(/Unexpected Application Error/).count()).toBe(0);
  expect(errors).toEqual([]);
});

test('a note longer than the limit stops at it, the page survives, and unsaved answers come back', async () => {
  await setBusinessDate('2022-03-10');
  const { page, errors } = await openPage(browser);
  await login(page, 'applicant1');
  await startPutuoSelfAssessment(page);
  await page.getByLabel('自评得分 i4.1').fill('8');
  const note = page.getByLabel('说明 i4.1');
  // 2,500 characters at once: the input keeps the first 2,000 and says so.
  await note.fill('保'.repeat(2500));
  expect((await note.inputValue()).length).toBe(2000);
  await page.getByText('2000 / 2000').waitFor();
  expect(await page.getByText(/Unexpected Application Error|Hey developer/).count()).toBe(0);
  // Nothing pressed: the draft saves itself after a pause.
  await page.getByText(/已自动保存/).waitFor();
  await page.reload();
  await page.getByText('我的自评草稿').waitFor();
  await page
    .getByRole('button', { name: /打\s*开/ })
    .first()
    .click();
  expect((await page.getByLabel('说明 i4.1').inputValue()).length).toBe(2000);
  expect(Number(await page.getByLabel('自评得分 i4.1').inputValue())).toBe(8);

  // A file over the limit is refused before any byte is sent; the chooser offers only accepted types.
  const upload = page.locator('tr', { has: page.getByLabel('上传佐证 i4.1') }).locator('input[type=file]');
  expect(await upload.getAttribute('accept')).toContain('.pdf');
  expect(await upload.getAttribute('accept')).not.toContain('.exe');
  let uploads = 0;
  page.on('request', (r) => {
    if (r.url().endsWith('/api/v1/attachments')) uploads += 1;
  });
  await upload.setInputFiles({
    name: '现场录像.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x20),
  });
  await page.getByText('现场录像.pdf：附件不能超过 20 MB').waitFor();
  expect(uploads).toBe(0);
  expect(errors).toEqual([]);
});

test('a refused submit closes its dialog and marks the missing field; "不符合" is an answer', async () => {
  await setBusinessDate('2022-03-10');
  // A Putuo firm's draft with the self-assessment answered and the form left empty.
  const applicant = await newApplicantUnit('310107', 'edges-putuo', '上海边角测试科技有限公司');
  let draftId: string;
  try {
    const programmes = await applicant.get<{ items: { id: string; code: string }[] }>('/programs', {
      status: 'published',
    });
    const programme = programmes.items.find((p) => p.code === 'putuo-2022')!;
    const assessment = await applicant.send<{ id: string; version: number; rubric: Parameters<typeof answerAll>[0] }>(
      'POST',
      '/self-assessments',
      { programmeId: programme.id, kindId: 'point' },
    );
    await applicant.send('PATCH', `/self-assessments/${assessment.id}`, {
      version: assessment.version,
      answers: answerAll(assessment.rubric, 1),
    });
    draftId = (await applicant.send<{ id: string }>('POST', '/applications', { selfAssessmentId: assessment.id })).id;
  } finally {
    await applicant.dispose();
  }
  const { page, errors } = await openPage(browser);
  await login(page, 'edges-putuo', 'applicant-123');
  await page.goto(`/applications/${draftId}`);
  await page.getByRole('button', { name: buttonName('提交申报') }).click();
  const dialog = page.getByRole('dialog', { name: '提交申报' });
  await dialog.getByRole('button', { name: buttonName('确定') }).click();
  await dialog.waitFor({ state: 'hidden' });
  const field = page.locator('.ant-form-item', { has: page.getByLabel('单位类型') });
  await field.locator('.ant-form-item-explain-error', { hasText: '请填写单位类型' }).waitFor();
  await screenshot(page, 'refused-submit-marks-field');

  // Shaoxing's checklist: a requirement answered "不符合" is answered, and shows as a gap of its own.
  await setBusinessDate('2021-09-01');
  await page.getByRole('button', { name: '退出登录' }).click();
  await login(page, 'applicant2');
  await page.getByRole('menuitem', { name: '自评' }).click();
  await pickOption(page, page.getByLabel('选择工作方案'), '绍兴', /绍兴/);
  await pickOption(page, page.getByLabel('选择基地类型'), '', /^市级商业秘密保护示范点$/);
  await page.getByRole('button', { name: '开始自评' }).click();
  const gaps = page.getByLabel('差距清单');
  await gaps.waitFor();
  const notMet = page.getByLabel(/^自评不符合 /).first();
  await notMet.check();
  expect(await notMet.isChecked()).toBe(true);
  await gaps
    .getByText(/^自评不符合：/)
    .first()
    .waitFor();
  expect(errors).toEqual([]);
});

test('the application page reads at 1440 px and at 390 px: no label one character wide, acceptance within reach', {
  timeout: 180_000,
}, async () => {
  await setBusinessDate('2022-03-10');
  const applicant = await newApplicantUnit('310107', 'edges-layout', '上海版式测试精密仪器有限公司');
  let applicationId: string;
  try {
    applicationId = (await submitApplication(applicant, 'putuo-2022', 'point', 1)).id;
  } finally {
    await applicant.dispose();
  }
  const putuo = await apiAs('putuo');
  try {
    const current = await putuo.get<{ version: number }>(`/applications/${applicationId}`);
    await putuo.send('POST', `/applications/${applicationId}/transitions`, {
      action: 'start_acceptance',
      version: current.version,
    });
  } finally {
    await putuo.dispose();
  }

  for (const width of [1440, 390]) {
    const { page, errors } = await openPage(browser);
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await login(page, 'putuo');
    await page.goto(`/applications/${applicationId}`);
    const acceptance = page.getByTestId('acceptance-section');
    await acceptance.waitFor();
    await page.getByTestId('self-assessment-card').waitFor();

    // Every description label is at least two characters wide (one character per line is ~14–16 px wide).
    const narrowLabels = await page.$$eval('.ant-descriptions-item-label', (labels) =>
      labels
        .map((label) => {
          const text = (label.textContent ?? '').replace(/[\s:：]/g, '');
          const box = label.getBoundingClientRect();
          const style = getComputedStyle(label);
          const lineHeight = Number.parseFloat(style.lineHeight) || 22;
          const lines = Math.round(
            (box.height - Number.parseFloat(style.paddingTop) - Number.parseFloat(style.paddingBottom)) / lineHeight,
          );
          return { text, lines, width: box.width };
        })
        .filter((l) => l.text.length >= 3 && l.lines >= l.text.length),
    );
    expect(narrowLabels, `width ${width}`).toEqual([]);

    // The panel's card comes before the item-by-item sheets, which are folded for a reader.
    const sheet = page.getByTestId('self-assessment-card');
    const acceptanceTop = (await acceptance.boundingBox())!.y;
    const sheetBox = (await sheet.boundingBox())!;
    expect(acceptanceTop, `width ${width}`).toBeLessThan(sheetBox.y);
    expect(sheetBox.height, `width ${width}`).toBeLessThan(300);
    await screenshot(page, `application-detail-${width}`);
    // No horizontal scrolling of the page itself at either width.
    const overflow = await page.evaluate(() => ({
      by: document.documentElement.scrollWidth - window.innerWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.className}`.slice(0, 80)),
    }));
    expect(overflow.by, `width ${width}: ${overflow.wide.join(' | ')}`).toBeLessThanOrEqual(1);
    // Unfolded on request.
    await sheet.getByRole('button', { name: '展开逐项自评' }).click();
    await page.getByLabel('自评得分 i4.1').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  }

  // The public registry and a base's page at 390 px: no label one character wide, no sideways scrolling.
  const { page } = await openPage(browser);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/registry');
  await waitForQuietNetwork(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(1);
  await screenshot(page, 'registry-390');
});
