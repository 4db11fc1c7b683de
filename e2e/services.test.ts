/**
 * Issue 13 in the browser: a bureau publishes a guide, the public finds it by searching its text and downloads it;
 * a firm requests a simulated attack assessment, the bureau schedules it and delivers the report, and the firm sees
 * and downloads its confidential report.
 */

import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type Page, request } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { pickOption } from './helpers/antd';
import { apiAs } from './helpers/api';
import { baseUrl, DEMO_PASSWORD, launchBrowser, login, openPage, screenshot } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const pdfBytes = (label: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${label}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );

/** Downloads through the first button named `name`, within the list item holding `within` when given. */
async function download(page: Page, name: RegExp, within?: string) {
  const scope = within ? page.getByRole('listitem').filter({ hasText: within }) : page;
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    scope.getByRole('button', { name }).first().click(),
  ]);
  return { fileName: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

test('a bureau publishes a guide; the public finds it by search and downloads it', { timeout: 120_000 }, async () => {
  const file = path.join(tmpdir(), '黄酒企业商业秘密保护指引.pdf');
  writeFileSync(file, pdfBytes('e2e guide'));
  const { page, errors } = await openPage(browser);
  await login(page, 'keqiao');
  await page.getByRole('menuitem', { name: '指引与范本' }).click();
  await page.waitForURL('**/guides');
  await page.getByRole('button', { name: /发布指引或范本/ }).click();
  const dialog = page.getByRole('dialog', { name: '发布指引或范本' });
  await pickOption(page, dialog.getByLabel('类型'), '', '保护指引');
  await dialog.getByLabel('标题').fill('黄酒企业酿造车间分区保护指引');
  await dialog.getByLabel('摘要').fill('黄酒酿造工艺、麦曲配方与客户渠道的保护要点。');
  await dialog
    .getByLabel('正文（用于检索）')
    .fill('一、麦曲配方与发酵工艺参数列为核心商业秘密；二、酿造车间分区管理。');
  await dialog.getByLabel('选择文件').setInputFiles(file);
  await dialog.getByText('黄酒企业商业秘密保护指引.pdf').waitFor();
  await dialog.getByRole('button', { name: /发\s*布/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('黄酒企业酿造车间分区保护指引').waitFor();

  const visitor = await openPage(browser);
  await visitor.page.goto(`${baseUrl()}/public/guides`);
  await visitor.page.getByLabel('搜索指引与范本').fill('酿造车间分区');
  await visitor.page.getByRole('button', { name: /搜\s*索/ }).click();
  await visitor.page.getByText('黄酒企业酿造车间分区保护指引').waitFor();
  await screenshot(visitor.page, 'guides-public-search');
  // The demo's own 黄酒 guide matches the search too: download this one's file.
  const downloaded = await download(visitor.page, /下载/, '黄酒企业酿造车间分区保护指引');
  expect(downloaded.fileName).toBe('黄酒企业商业秘密保护指引.pdf');
  expect(downloaded.bytes.equals(pdfBytes('e2e guide'))).toBe(true);
  expect(errors).toEqual([]);
  expect(visitor.errors).toEqual([]);
});

test('a firm requests a simulated attack assessment and sees its report', { timeout: 120_000 }, async () => {
  const keqiao = await apiAs('keqiao');
  const partner = await keqiao.send<{ id: string }>('POST', '/service-partners', {
    name: '绍兴网络安全测评中心（浏览器测试）',
    kind: 'security_assessor',
    jurisdictionCode: '330603',
    attackAccredited: true,
  });
  expect(partner.id).toBeTruthy();

  const { page, errors } = await openPage(browser);
  await login(page, 'applicant2');
  await page.getByRole('menuitem', { name: '模拟攻击评估' }).click();
  await page.waitForURL('**/attack-assessments');
  await page.getByRole('button', { name: /申请评估/ }).click();
  const dialog = page.getByRole('dialog', { name: '申请模拟网络攻击评估' });
  await pickOption(page, dialog.getByLabel('评估机构'), '', '绍兴网络安全测评中心（浏览器测试）');
  await dialog.getByLabel('评估范围').fill('研发文档服务器与办公网络');
  await dialog.getByRole('button', { name: /提交申请/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.locator('tr', { hasText: '绍兴网络安全测评中心（浏览器测试）' }).getByText('已申请').waitFor();

  // The district bureau schedules it and, for a provider without an account, delivers the report itself.
  const today = (await keqiao.get<{ date: string }>('/system/business-date')).date;
  const list = await keqiao.get<{ items: { id: string; version: number }[] }>('/attack-assessments');
  const assessment = list.items[0]!;
  const scheduled = await keqiao.send<{ version: number }>('POST', `/attack-assessments/${assessment.id}/schedule`, {
    scheduledOn: today,
    version: assessment.version,
  });
  const context = await request.newContext({ baseURL: baseUrl() });
  const loggedIn = await context.post('/api/v1/auth/login', { data: { username: 'keqiao', password: DEMO_PASSWORD } });
  const { csrfToken } = (await loggedIn.json()) as { csrfToken: string };
  const uploaded = await context.post('/api/v1/attachments', {
    headers: { 'X-CSRF-Token': csrfToken },
    multipart: { file: { name: '模拟攻击评估报告.pdf', mimeType: 'application/pdf', buffer: pdfBytes('e2e report') } },
  });
  expect(uploaded.status()).toBe(201);
  const report = (await uploaded.json()) as { sha256: string; fileName: string };
  await context.dispose();
  await keqiao.send('POST', `/attack-assessments/${assessment.id}/report`, {
    report: { sha256: report.sha256, fileName: report.fileName },
    summary: '外网渗透发现研发服务器弱口令一处。',
    findings: [{ title: '研发服务器存在弱口令', severity: 'high', recommendation: '启用复杂口令与双因素认证' }],
    version: scheduled.version,
  });
  await keqiao.dispose();

  await page.reload();
  await page
    .locator('tr', { hasText: '绍兴网络安全测评中心（浏览器测试）' })
    .getByRole('button', { name: '查看' })
    .click();
  const drawer = page.getByRole('dialog', { name: '评估详情' });
  await drawer.getByText('外网渗透发现研发服务器弱口令一处。').waitFor();
  await drawer.getByText('研发服务器存在弱口令').waitFor();
  await screenshot(page, 'attack-assessment-report');
  const downloaded = await download(page, /下载报告/);
  expect(downloaded.bytes.equals(pdfBytes('e2e report'))).toBe(true);
  expect(errors).toEqual([]);
});

test('a bureau corrects a service record and voids another with a reason; the firm sees what its bureau shares as a contact firm', {
  timeout: 120_000,
}, async () => {
  const keqiao = await apiAs('keqiao');
  const firmApi = await apiAs('applicant2');
  const unitId = (await firmApi.get<{ user: { unitId: string } }>('/auth/me')).user.unitId;
  await firmApi.dispose();
  // A date before any business date the other browser tests move the platform to (they run alongside this one).
  const servedOn = '2020-12-01';
  for (const title of ['法律咨询（浏览器测试，待更正）', '维权援助（浏览器测试，误登）']) {
    await keqiao.send('POST', '/service-records', {
      kind: title.startsWith('法律') ? 'legal_consultation' : 'rights_assistance',
      unitId,
      provider: 'bureau',
      occurredOn: servedOn,
      title,
    });
  }
  // The firm becomes a contact firm (unless the demo made it one) and the liaison shares a contact with it.
  let designation = await keqiao.get<{ contactFirm: unknown }>(`/units/${unitId}/contact-firm`);
  if (!designation.contactFirm) {
    const liaisons = await keqiao.get<{ items: { id: string }[] }>(`/units/${unitId}/liaison-candidates`);
    await keqiao.send('POST', '/contact-firms', {
      unitId,
      liaisonOfficerId: liaisons.items[0]!.id,
      contactName: '俞经理',
    });
    designation = await keqiao.get<{ contactFirm: unknown }>(`/units/${unitId}/contact-firm`);
  }
  const firms = await keqiao.get<{ items: { id: string; unitId: string }[] }>('/contact-firms');
  const firmId = firms.items.find((f) => f.unitId === unitId)!.id;
  await keqiao.send('POST', `/contact-firms/${firmId}/contacts`, {
    contactedOn: servedOn,
    way: 'phone',
    content: '浏览器测试：请于月底前完成保密制度修订。',
    sharedWithFirm: true,
  });
  await keqiao.dispose();

  const { page, errors } = await openPage(browser);
  await login(page, 'keqiao');
  await page.getByRole('menuitem', { name: '服务与活动' }).click();
  await page.waitForURL('**/services');
  await page.getByRole('button', { name: '修改服务记录：法律咨询（浏览器测试，待更正）' }).click();
  const edit = page.getByRole('dialog', { name: '修改服务记录' });
  await edit.getByLabel('主题').fill('法律咨询（浏览器测试，已更正）');
  await edit.getByRole('button', { name: /保\s*存/ }).click();
  await edit.waitFor({ state: 'hidden' });
  await page.locator('tr', { hasText: '法律咨询（浏览器测试，已更正）' }).waitFor();

  await page.getByRole('button', { name: '作废服务记录：维权援助（浏览器测试，误登）' }).click();
  const voiding = page.getByRole('dialog', { name: '作废服务记录' });
  await voiding.getByLabel('作废原因').fill('服务对象登记错误');
  await voiding.getByRole('button', { name: /作\s*废/ }).click();
  await voiding.waitFor({ state: 'hidden' });
  const voided = page.locator('tr', { hasText: '维权援助（浏览器测试，误登）' });
  await voided.getByText('已作废').waitFor();
  await voided.getByText('服务对象登记错误').waitFor();
  await screenshot(page, 'services-corrected-voided');
  expect(errors).toEqual([]);

  const firm = await openPage(browser);
  await login(firm.page, 'applicant2');
  await firm.page.getByRole('menuitem', { name: '本单位信息' }).click();
  await firm.page.waitForURL('**/my-unit');
  const card = firm.page.locator('.ant-card', { hasText: '联络员告知的事项' });
  await card.getByText('浏览器测试：请于月底前完成保密制度修订。').waitFor();
  await screenshot(firm.page, 'my-unit-contact-firm');
  expect(firm.errors).toEqual([]);
});
