/**
 * Getting an application to a given point through the API, as its users would: a complete self-assessment, a
 * complete form, submission. Tests of later stages start from here.
 */
import { expect } from 'vitest';
import type { UnitInput } from '../../src/shared/schemas/unit';
import type { Client, TestApp } from './app';
import { buildUnit } from './factories';
import { answerAll, expertSheet, fillForm } from './form-fill';

export { answerAll, expertSheet, fillForm };

export async function programmeId(client: Client, code: string): Promise<string> {
  const list = (await client.get('/api/v1/programs?status=published')).json().items as { id: string; code: string }[];
  const found = list.find((p) => p.code === code);
  if (!found) throw new Error(`no published programme ${code}`);
  return found.id;
}

/** A complete draft application of the applicant's unit, from a complete self-assessment. */
export async function draftApplication(applicant: Client, code: string, kindId: string, share = 1) {
  const created = await applicant.post('/api/v1/self-assessments', {
    programmeId: await programmeId(applicant, code),
    kindId,
  });
  expect(created.statusCode, created.body).toBe(201);
  const assessment = created.json();
  const saved = await applicant.patch(`/api/v1/self-assessments/${assessment.id}`, {
    version: assessment.version,
    answers: answerAll(assessment.rubric, share),
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const draft = await applicant.post('/api/v1/applications', { selfAssessmentId: assessment.id });
  expect(draft.statusCode, draft.body).toBe(201);
  const application = draft.json();
  const filled = await applicant.patch(`/api/v1/applications/${application.id}`, {
    version: application.version,
    formData: fillForm(application.form?.fields ?? [], application.formData),
    narrative: '本单位建立了商业秘密保护制度，设专人负责，定期开展培训与自查。',
    applicantOpinion: '同意申报。',
  });
  expect(filled.statusCode, filled.body).toBe(200);
  return filled.json();
}

/** Takes an action and expects it to succeed; returns the application after it. */
export async function act(client: Client, application: { id: string; version: number }, action: string, extra = {}) {
  const res = await client.post(`/api/v1/applications/${application.id}/transitions`, {
    action,
    version: application.version,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A submitted application of the applicant's unit. */
export async function submittedApplication(applicant: Client, code: string, kindId: string, share = 1) {
  return act(applicant, await draftApplication(applicant, code, kindId, share), 'submit');
}

/**
 * A new enterprise (or another kind of unit, with `unit`) in the jurisdiction with an applicant account, logged in
 * (registered by an admin).
 */
export async function newApplicantUnit(
  t: TestApp,
  jurisdictionCode: string,
  username: string,
  unit: Partial<UnitInput> = {},
) {
  const admin = await t.login('admin');
  const created = await admin.post('/api/v1/units', buildUnit({ jurisdictionCode, ...unit }));
  expect(created.statusCode, created.body).toBe(201);
  const user = await admin.post('/api/v1/users', {
    username,
    displayName: `${username} 联络员`,
    password: 'applicant-123',
    role: 'applicant',
    unitId: created.json().unit.id,
  });
  expect(user.statusCode, user.body).toBe(201);
  return { unitId: created.json().unit.id as string, client: await t.login(username, 'applicant-123') };
}
