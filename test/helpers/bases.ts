/**
 * Getting applications past acceptance, through publicity, to a certified base — for the publicity, registry and
 * targets tests. The business date is moved by setting `t.config.BUSINESS_DATE` (routes read it per request).
 */
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { applications } from '../../src/server/db/schema';
import type { Client, TestApp } from './app';
import { act, programmeId, submittedApplication } from './applications';

export function setBusinessDate(t: TestApp, date: string): void {
  t.config.BUSINESS_DATE = date;
}

export async function readApplication(client: Client, id: string) {
  const res = await client.get(`/api/v1/applications/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * Marks an application as having passed acceptance. Acceptance — the expert panel, its scores and the comprehensive
 * opinion — is tested in acceptance.test.ts and its `pass` hook requires all of that; these tests start from its
 * outcome, so the status is set directly (with the version bumped as a transition would).
 */
export async function markAcceptancePassed(t: TestApp, id: string): Promise<void> {
  await t.database.db
    .update(applications)
    .set({ status: 'acceptance_passed', version: sql`${applications.version} + 1` })
    .where(eq(applications.id, id));
}

/**
 * A Shaoxing (002) application submitted by the applicant, recommended by Keqiao, passed acceptance. Moves the
 * business date to 1 September 2021, inside the application window (closes 30 September 2021).
 */
export async function shaoxingPassed(t: TestApp, applicant: Client, kindId = 'point') {
  setBusinessDate(t, '2021-09-01');
  const submitted = await submittedApplication(applicant, 'shaoxing-2021', kindId);
  await act(await t.login('keqiao'), submitted, 'recommend', { comment: '同意推荐。' });
  await markAcceptancePassed(t, submitted.id);
  return readApplication(await t.login('shaoxing'), submitted.id);
}

/** Publishes a notice of the given applications; returns the notice. */
export async function publish(officer: Client, code: string, applicationIds: string[], startsOn: string, title = '') {
  const res = await officer.post('/api/v1/publicity', {
    programmeId: await programmeId(officer, code),
    title: title || '2021年度绍兴市级商业秘密保护基地拟认定名单公示',
    body: '现将拟认定名单予以公示。公示期间，任何单位和个人对公示对象有异议的，可以实名提出。',
    startsOn,
    applicationIds,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Through publicity (no objections) and approval to an approved Shaoxing application; leaves the date after it. */
export async function shaoxingApproved(t: TestApp, applicant: Client, startsOn = '2021-09-28', after = '2021-10-11') {
  const shaoxing = await t.login('shaoxing');
  const passed = await shaoxingPassed(t, applicant);
  setBusinessDate(t, startsOn);
  await publish(shaoxing, 'shaoxing-2021', [passed.id], startsOn);
  setBusinessDate(t, after);
  return act(shaoxing, await readApplication(shaoxing, passed.id), 'approve');
}

export const shaoxingDecision = (n: number, decidedOn = '2021-10-11') => ({
  form: 'document',
  number: `绍市监管竞争〔2021〕${n}号`,
  decidedOn,
});
