/**
 * The last gaps of issue 10: the action dialog warns of a stage's published dates before the officer confirms; what
 * is typed in the application form, the district review and the expert sheet survives a reload (autosave); the
 * per-programme acceptance results page and its export; the registry detail's layout at 390 px and 1440 px.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { apiAs, setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot, waitForQuietNetwork } from './helpers/browser';
import { newApplicantUnit, submitApplication } from './helpers/prepare';
import { buttonName, switchUser } from './helpers/workflow';

let browser: Browser;
let putuoApplicationId: string;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await setBusinessDate('2022-03-15');
});

test('the action dialog warns of the published dates before the officer confirms', async () => {
  await setBusinessDate('2022-03-15');
  const firm = await newApplicantUnit('310107', 'before-acting-firm', '上海预警测试科技有限公司');
  const submitted = await submitApplication(firm, 'putuo-2022', 'point', 0.8);
  await firm.dispose();
  putuoApplicationId = submitted.id;

  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.goto(`/applications/${submitted.id}`);
  // Putuo's 验收评定 is published for 1–10 April 2022; it is 15 March.
  await page.getByRole('button', { name: buttonName('启动验收') }).click();
  const dialog = page.getByRole('dialog', { name: '启动验收' });
  const notice = dialog.getByTestId('schedule-notice');
  await notice.waitFor();
  expect(await notice.innerText()).toContain('“验收评定”阶段的时间为2022年4月上旬');
  expect(await notice.innerText()).toContain('今天（2022年3月15日）尚未开始');
  // Cancelling changes nothing; confirming goes ahead, as the warning says.
  await dialog.getByRole('button', { name: buttonName('取消') }).click();
  await dialog.waitFor({ state: 'hidden' });

  // Within the dates the same dialog has no warning.
  await setBusinessDate('2022-04-02');
  await page.reload();
  await page.getByRole('button', { name: buttonName('启动验收') }).click();
  await page.getByRole('dialog', { name: '启动验收' }).getByText('确定启动验收？').waitFor();
  expect(await page.getByTestId('schedule-notice').count()).toBe(0);
  await page
    .getByRole('dialog', { name: '启动验收' })
    .getByRole('button', { name: buttonName('确定') })
    .click();
  await page.getByText('已启动验收').first().waitFor();
  expect(errors).toEqual([]);
});

test('what the applicant, the district and the expert type survives a reload', async () => {
  await setBusinessDate('2022-03-15');
  // A draft application of a new Putuo firm.
  const firm = await newApplicantUnit('310107', 'autosave-firm', '上海自动保存测试科技有限公司');
  const programmes = await firm.get<{ items: { id: string; code: string }[] }>('/programs', { status: 'published' });
  const programme = programmes.items.find((p) => p.code === 'putuo-2022')!;
  const assessment = await firm.send<{ id: string }>('POST', '/self-assessments', {
    programmeId: programme.id,
    kindId: 'point',
  });
  const draft = await firm.send<{ id: string; form: { applicantOpinion?: string } | null }>('POST', '/applications', {
    selfAssessmentId: assessment.id,
  });
  const { page, errors } = await openPage(browser);
  await login(page, 'autosave-firm', 'applicant-123');
  await page.goto(`/applications/${draft.id}`);
  const opinionLabel = draft.form?.applicantOpinion ?? '申报单位意见';
  const opinion = page.getByLabel(opinionLabel, { exact: true });
  await opinion.fill('同意申报，材料真实有效。');
  // Reloaded at once, before any server save: the browser's copy comes back.
  await page.reload();
  await page.getByText('已恢复上次未保存的申报内容').waitFor();
  expect(await page.getByLabel(opinionLabel, { exact: true }).inputValue()).toBe('同意申报，材料真实有效。');
  // After a pause it is on the server too.
  await page.getByText(/已自动保存/).waitFor();
  const saved = await firm.get<{ applicantOpinion: string }>(`/applications/${draft.id}`);
  expect(saved.applicantOpinion).toBe('同意申报，材料真实有效。');
  await firm.dispose();

  // The Shijingshan bureau's recommendation opinion on a submitted application.
  await setBusinessDate('2022-03-15');
  const sjsFirm = await newApplicantUnit('110107', 'autosave-sjs', '北京自动保存审核测试有限公司');
  const submitted = await submitApplication(sjsFirm, 'shijingshan-2023', 'point', 1);
  await sjsFirm.dispose();
  await switchUser(page, 'shijingshan');
  await page.goto(`/applications/${submitted.id}`);
  await page.getByLabel('推荐意见').fill('材料齐全，建议推荐。');
  await page.reload();
  await page.getByText('已恢复上次未保存的审核评分').waitFor();
  expect(await page.getByLabel('推荐意见').inputValue()).toBe('材料齐全，建议推荐。');

  // Expert 1 on the panel of the Putuo application the first test put under acceptance.
  const putuo = await apiAs('putuo');
  const expert = await apiAs('expert1');
  const expertId = (await expert.get<{ id: string }>('/experts/me')).id;
  await putuo.send('POST', `/applications/${putuoApplicationId}/panel`, { expertId });
  await putuo.dispose();
  await expert.dispose();
  await switchUser(page, 'expert1');
  await page.goto(`/applications/${putuoApplicationId}`);
  await page.getByLabel('评审意见').fill('制度健全，建议通过。');
  await page.reload();
  await page.getByText('已恢复上次未保存的评分').waitFor();
  expect(await page.getByLabel('评审意见').inputValue()).toBe('制度健全，建议通过。');
  expect(errors).toEqual([]);
});

test('the acceptance results of a programme, listed and exported', async () => {
  const { page, errors } = await openPage(browser);
  await login(page, 'putuo');
  await page.getByRole('menuitem', { name: '验收结果' }).click();
  await page.waitForURL(/\/panel-results/);
  const { pickOption } = await import('./helpers/antd');
  await pickOption(page, page.getByLabel('选择工作方案'), '普陀', /普陀/);
  await page.getByRole('link', { name: '上海预警测试科技有限公司' }).waitFor();
  await page
    .getByText(/1 人，已完成评分 0 人/)
    .first()
    .waitFor();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /导出 Excel/ }).click();
  expect((await download).suggestedFilename()).toBe('验收结果.xlsx');
  await screenshot(page, 'panel-results');
  expect(errors).toEqual([]);
});

test('the registry detail lays out at 390 px and 1440 px: no overflow, labels not broken, plaque and download in view', async () => {
  const { page, context, errors } = await openPage(browser);
  const list = await (await context.request.get('/api/v1/registry')).json();
  const certificateNo = (list as { items: { certificateNo: string }[] }).items[0]!.certificateNo;
  for (const width of [390, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/registry/${encodeURIComponent(certificateNo)}`);
    await waitForQuietNetwork(page);
    const layout = await page.evaluate(() => {
      // The label's text itself (its cell stretches to the row's height): how many lines it takes, how wide.
      const labels = [...document.querySelectorAll('.pub-desc-label')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        return { text: el.textContent ?? '', lines, width: range.getBoundingClientRect().width };
      });
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        labels,
      };
    });
    expect(layout.overflow, `horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
    expect(layout.labels.length).toBeGreaterThan(3);
    // No label broken one character per line: each label's text on one line, wider than one character.
    for (const label of layout.labels) {
      expect(label.lines, `${label.text} at ${width}px`).toBe(1);
      expect(label.width, `${label.text} at ${width}px`).toBeGreaterThan(20);
    }
    // The plaque and the download stay whole inside the screen.
    for (const target of [
      page.getByRole('img', { name: /^牌匾：/ }),
      page.getByRole('button', { name: /下载认定名单/ }),
    ]) {
      expect(await target.isVisible(), `visible at ${width}px`).toBe(true);
      const box = await target.boundingBox();
      expect(box !== null && box.x >= 0 && box.x + box.width <= width, `inside ${width}px`).toBe(true);
    }
    await screenshot(page, `registry-detail-${width}`);
  }
  expect(errors).toEqual([]);
});
