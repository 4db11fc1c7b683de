/**
 * The lecture series end to end in the browser: the city bureau publishes a 大讲堂 with two county sub-venues, a
 * park registers an attendee at the Keqiao sub-venue and gets its QR code, the Keqiao host opens the code's page on a
 * phone-sized screen (390 px) and checks the attendee in, and the park's self-assessment counts the training.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildUnit } from '../test/helpers/factories';
import { pickOption } from './helpers/antd';
import { apiAs, setBusinessDate } from './helpers/api';
import { launchBrowser, login, openPage, screenshot } from './helpers/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const TITLE = '商业秘密保护大讲堂（浏览器测试）：企业商业秘密管理';

test('the city publishes a lecture, a park registers, the host checks it in by QR code on a phone, the self-assessment counts it', async () => {
  await setBusinessDate('2021-09-15');
  const admin = await apiAs('admin');
  try {
    const unit = await admin.send<{ unit: { id: string } }>(
      'POST',
      '/units',
      buildUnit({ jurisdictionCode: '330603', kind: 'park', name: '柯桥蓝印时尚小镇（浏览器测试）' }),
    );
    await admin.send('POST', '/users', {
      username: 'e2e-lecture-park',
      displayName: '蓝印小镇联络员',
      password: 'applicant-123',
      role: 'applicant',
      unitId: unit.unit.id,
    });
  } finally {
    await admin.dispose();
  }

  // The city bureau publishes the lecture: the main venue at the city bureau, sub-venues at Keqiao and Shangyu.
  const city = await openPage(browser);
  await login(city.page, 'shaoxing');
  await city.page.getByRole('menuitem', { name: '培训与大讲堂' }).click();
  await city.page.waitForURL('**/trainings');
  await city.page.getByRole('button', { name: /发布活动/ }).click();
  const dialog = city.page.getByRole('dialog', { name: '发布培训活动' });
  await dialog.getByLabel('活动名称').fill(TITLE);
  await dialog.getByLabel('主会场名称').fill('市局主会场');
  await dialog.getByLabel('主会场地址或线上链接').fill('绍兴市越城区解放北路 1 号');
  await dialog.getByRole('button', { name: /添加分会场/ }).click();
  await dialog.getByLabel('分会场1名称').fill('柯桥分会场');
  await pickOption(city.page, dialog.getByLabel('分会场1承办单位'), '柯桥', '柯桥区');
  await dialog.getByLabel('分会场1地址或线上链接').fill('绍兴市柯桥区笛扬路 8 号');
  await dialog.getByRole('button', { name: /添加分会场/ }).click();
  await dialog.getByLabel('分会场2名称').fill('上虞分会场');
  await pickOption(city.page, dialog.getByLabel('分会场2承办单位'), '上虞', '上虞区');
  await dialog.getByLabel('分会场2地址或线上链接').fill('https://meeting.example.cn/shangyu');
  await dialog.getByRole('button', { name: /发\s*布/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  const row = city.page.locator('tr', { hasText: TITLE });
  await row.getByText('分会场：上虞分会场').waitFor();
  await screenshot(city.page, 'trainings-city-list');
  expect(city.errors).toEqual([]);

  // The park registers an attendee at the Keqiao sub-venue and gets the attendee's check-in QR code.
  const park = await openPage(browser);
  await login(park.page, 'e2e-lecture-park', 'applicant-123');
  await park.page.getByRole('menuitem', { name: '培训与大讲堂' }).click();
  await park.page.getByRole('link', { name: TITLE }).click();
  await pickOption(park.page, park.page.getByLabel('会场'), '', '分会场：柯桥分会场');
  await park.page.getByLabel('参会人员').fill('沈主任');
  await park.page.getByRole('button', { name: /报\s*名/ }).click();
  const qr = park.page.getByRole('img', { name: '沈主任的签到码' });
  await qr.waitFor();
  const checkInUrl = await qr.getAttribute('data-checkin-url');
  expect(checkInUrl).toMatch(/\/trainings\/check-in\/[0-9a-f-]{36}$/);
  await screenshot(park.page, 'trainings-park-qr');

  // The Keqiao host opens the code on a phone and checks the attendee in.
  const phone = await openPage(browser);
  await phone.page.setViewportSize({ width: 390, height: 844 });
  await login(phone.page, 'keqiao');
  await phone.page.goto(new URL(checkInUrl!).pathname);
  await phone.page.getByText('沈主任').waitFor();
  const button = phone.page.getByRole('button', { name: /确认签到/ });
  await button.click();
  await phone.page.getByText('已签到').first().waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  expect(overflow).toBeLessThanOrEqual(390);
  await screenshot(phone.page, 'trainings-check-in-390');
  expect(phone.errors).toEqual([]);

  // The park's self-assessment counts the lecture from the ledger entry attendance wrote.
  await park.page.getByRole('menuitem', { name: '自评' }).click();
  await park.page.waitForURL('**/self-assessment');
  await pickOption(park.page, park.page.getByLabel('选择工作方案'), '绍兴', /绍兴/);
  await pickOption(park.page, park.page.getByLabel('选择基地类型'), '', /示范区$/);
  await park.page.getByRole('button', { name: '开始自评' }).click();
  const gaps = park.page.getByLabel('差距清单');
  await gaps.getByText(/^近12个月商业秘密保护培训 1 次，要求不少于 2 次$/).waitFor();
  await screenshot(park.page, 'trainings-self-assessment');
  expect(park.errors).toEqual([]);
});

test('the organiser edits an event with a speaker from the register and a handout, then cancels and reopens it; the registered unit is told each time', async () => {
  const title = '商业秘密保护大讲堂（浏览器测试）：编辑与取消';
  await setBusinessDate('2021-09-15');
  const city = await apiAs('shaoxing');
  const firmApi = await apiAs('applicant2');
  let eventId = '';
  let speaker = '';
  try {
    const experts = await city.get<{ items: { name: string }[] }>('/experts', { active: 'true' });
    speaker = experts.items[0]!.name;
    const event = await city.send<{ id: string; venues: { id: string }[] }>('POST', '/trainings', {
      kind: 'lecture',
      title,
      ownerJurisdictionCode: '330600',
      audience: 'registered_units',
      startsOn: '2021-10-20',
      endsOn: '2021-10-20',
      sessions: [],
      venues: [
        { role: 'main', name: '市局主会场', hostJurisdictionCode: '330600', capacity: 50, address: '解放北路 1 号' },
      ],
      materials: [],
    });
    eventId = event.id;
    const me = await firmApi.get<{ user: { unitId: string } }>('/auth/me');
    await firmApi.send('POST', `/trainings/${eventId}/registrations`, {
      venueId: event.venues[0]!.id,
      unitId: me.user.unitId,
      attendees: [{ name: '俞经理' }],
    });
  } finally {
    await city.dispose();
  }

  const { page, errors } = await openPage(browser);
  await login(page, 'shaoxing');
  await page.goto(`/trainings/${eventId}`);
  await page.getByRole('button', { name: '编辑活动' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑培训活动' });
  // Registered units hold their venue: the venues are shown but fixed.
  await dialog.getByText('已有单位报名，会场不能再调整。').waitFor();
  await dialog.getByRole('button', { name: /添加议程/ }).click();
  await dialog.getByLabel('议程1主题').fill('商业秘密的认定与保护措施');
  await pickOption(page, dialog.getByLabel('议程1主讲人（人才库）'), speaker, speaker);
  await dialog.locator('input[type=file]').setInputFiles({
    name: '大讲堂课件.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% e2e handout\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
  });
  await dialog.getByText('大讲堂课件.pdf').waitFor();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`商业秘密的认定与保护措施（主讲：${speaker}`).waitFor();
  await page.getByRole('button', { name: /大讲堂课件\.pdf/ }).waitFor();
  await screenshot(page, 'trainings-edited');

  await page.getByRole('button', { name: '取消活动' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '取消活动' }).click();
  await page.getByText('已取消', { exact: true }).waitFor();
  expect(await page.getByRole('button', { name: '编辑活动' }).count()).toBe(0);
  await screenshot(page, 'trainings-cancelled');
  const inbox = () => firmApi.get<{ items: { title: string; link: string }[] }>('/notifications');
  try {
    expect((await inbox()).items[0]).toMatchObject({ title: '培训活动已取消', link: `/trainings/${eventId}` });
    // Cancelled by mistake: the organiser reopens it, and the unit is told again.
    await page.getByRole('button', { name: '恢复活动' }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '恢复活动' }).click();
    await page.getByText('进行中', { exact: true }).waitFor();
    await page.getByRole('button', { name: '编辑活动' }).waitFor();
    expect(errors).toEqual([]);
    expect((await inbox()).items[0]).toMatchObject({ title: '培训活动已恢复', link: `/trainings/${eventId}` });
  } finally {
    await firmApi.dispose();
  }
});
