/**
 * Official documents from the pages they belong to: a Putuo point is taken to certification through the API (the
 * path itself is path-putuo.test.ts); then its applicant downloads the application form from the application page
 * and the certificate from the public registry page, in Chromium. The downloads are read back (unit name,
 * certificate number, the QR code pointing at the registry page) and kept as pictures in test-artifacts/documents/.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expertSheet } from '../test/helpers/form-fill';
import { pdfQrCodes, pdfText, savePdfPictures } from '../test/helpers/pdf';
import { apiAs, setBusinessDate } from './helpers/api';
import { baseUrl, launchBrowser, login, openPage, screenshot } from './helpers/browser';
import { newApplicantUnit, submitApplication } from './helpers/prepare';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const UNIT = '上海文书示范软件有限公司';

interface Application {
  id: string;
  version: number;
  base: { certificateNo: string } | null;
}

/** A certified Putuo point of a new unit: one expert scores, the bureau passes, approves and certifies. */
async function certifiedPoint(): Promise<{ id: string; certificateNo: string }> {
  await setBusinessDate('2022-03-15');
  const applicant = await newApplicantUnit('310107', 'docs-e2e', UNIT);
  const putuo = await apiAs('putuo');
  const experts = [await apiAs('expert1'), await apiAs('expert2')];
  try {
    const submitted = await submitApplication(applicant, 'putuo-2022', 'point', 1);
    const step = (app: { id: string; version: number }, action: string, extra = {}) =>
      putuo.send<Application>('POST', `/applications/${app.id}/transitions`, {
        action,
        version: app.version,
        ...extra,
      });
    await step(submitted, 'start_acceptance');
    // Putuo's programme asks for at least two experts' sheets and the expert evaluation recorded.
    for (const expert of experts) {
      const { id: expertId } = await expert.get<{ id: string }>('/experts/me');
      const panel = await putuo.send<{ rubric: Parameters<typeof expertSheet>[0] }>(
        'POST',
        `/applications/${submitted.id}/panel`,
        { expertId },
      );
      await expert.send('PUT', `/applications/${submitted.id}/panel/me`, {
        answers: expertSheet(panel.rubric),
        comment: '整体符合示范点标准。',
      });
    }
    await putuo.send('POST', `/applications/${submitted.id}/acceptance-activities`, {
      method: 'expert_evaluation',
      occurredOn: '2022-03-15',
      people: '王立法、陈信安',
      findings: '对照示范点验收评价标准逐项评定。',
    });
    const current = await putuo.get<Application>(`/applications/${submitted.id}`);
    await putuo.send('PUT', `/applications/${submitted.id}/acceptance-opinion`, {
      opinion: '经专家评定，同意通过验收。',
      version: current.version,
    });
    const passed = await step(await putuo.get<Application>(`/applications/${submitted.id}`), 'pass', {
      comment: '同意',
    });
    const approved = await step(passed, 'approve');
    const certified = await step(approved, 'certify', { decision: { form: 'meeting', decidedOn: '2022-03-15' } });
    const detail = await putuo.get<Application>(`/applications/${certified.id}`);
    return { id: detail.id, certificateNo: detail.base!.certificateNo };
  } finally {
    await Promise.all([applicant.dispose(), putuo.dispose(), ...experts.map((e) => e.dispose())]);
  }
}

/** Clicks a download link on the page and returns the file's name and bytes. */
async function download(page: Page, name: RegExp) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { fileName: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('the applicant downloads its application form and its certificate from the pages', {
  timeout: 180_000,
}, async () => {
  const { id, certificateNo } = await certifiedPoint();
  const { page, errors } = await openPage(browser);
  await login(page, 'docs-e2e', 'applicant-123');

  await page.goto(`/applications/${id}`);
  const form = await download(page, /下载申报表（PDF）/);
  expect(form.fileName).toBe(`申报表-${UNIT}.pdf`);
  const formText = (await pdfText(form.bytes)).text.replace(/\s+/g, '');
  expect(formText).toContain(UNIT);
  expect(formText).toContain('区局验收意见经专家评定，同意通过验收。');
  await savePdfPictures(form.bytes, 'e2e-application-form');

  await page.goto(`/registry/${encodeURIComponent(certificateNo)}`);
  await page.getByRole('heading', { name: UNIT }).waitFor();
  await page.getByText('普陀区商业秘密保护示范点', { exact: true }).waitFor();
  await screenshot(page, 'documents-registry-detail');
  const certificate = await download(page, /下载认定证书/);
  expect(certificate.fileName).toBe(`认定证书-${certificateNo}.pdf`);
  const certificateText = (await pdfText(certificate.bytes)).text.replace(/\s+/g, '');
  expect(certificateText).toContain(UNIT);
  expect(certificateText).toContain(certificateNo);
  expect(certificateText).toContain('认定日期：2022年3月15日');
  expect(await pdfQrCodes(certificate.bytes)).toEqual([`${baseUrl()}/registry/${encodeURIComponent(certificateNo)}`]);
  await savePdfPictures(certificate.bytes, 'e2e-certificate');

  // The public sees the certification list but not the unit's certificate.
  const { page: anonymous } = await openPage(browser);
  await anonymous.goto(`/registry/${encodeURIComponent(certificateNo)}`);
  await anonymous.getByRole('heading', { name: UNIT }).waitFor();
  const list = await download(anonymous, /下载认定名单/);
  expect((await pdfText(list.bytes)).text.replace(/\s+/g, '')).toContain(`${certificateNo}${UNIT}`);
  expect(await anonymous.getByRole('button', { name: /下载认定证书/ }).count()).toBe(0);
  expect(errors).toEqual([]);
});
