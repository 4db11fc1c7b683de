/**
 * One realistic subject of every kind, for the authorisation matrix and the fuzzer: applicant2's Keqiao unit
 * (330603, under Shaoxing 330600) with a self-assessment citing evidence, an application that went through acceptance
 * (expert1 seated on its panel), publicity (an objection with a file, resolved), approval and certification, a ledger
 * entry with a file, a guide, an evidence entry, an expert's conflict declaration, and the accounts of every role.
 */
import type { InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Rubric } from '../../src/core/rubric/schema';
import type { Client, TestApp } from './app';
import { act, answerAll, expertSheet, fillForm, newApplicantUnit, programmeId } from './applications';
import { markAcceptancePassed, publish, readApplication, setBusinessDate, shaoxingDecision } from './bases';
import { multipart } from './multipart';
import { clueBody, publicBody, reportedAndAssigned } from './rights';
import { buildCaseSubjects, type CaseSubjects } from './rights-cases';

/** The roles of the matrix, relative to the subject. */
export const ROLES = [
  'anonymous',
  'admin',
  /** Keqiao: the subject unit's own district bureau. */
  'officer',
  /** Shaoxing: the city above it, owner of the programme. */
  'officerAbove',
  /** Putuo: another province's bureau. */
  'officerForeign',
  /** expert1, seated on the application's panel. */
  'expertAssigned',
  /** expert2, on no panel of the subject. */
  'expertOther',
  /** applicant2, the subject unit's account. */
  'applicant',
  /** applicant1, a Putuo firm's account. */
  'applicantOther',
] as const;
export type Role = (typeof ROLES)[number];

const USERNAMES: Record<Exclude<Role, 'anonymous'>, string> = {
  admin: 'admin',
  officer: 'keqiao',
  officerAbove: 'shaoxing',
  officerForeign: 'putuo',
  expertAssigned: 'expert1',
  expertOther: 'expert2',
  applicant: 'applicant2',
  applicantOther: 'applicant1',
};

export interface Subjects {
  clients: Record<Role, Client>;
  /** A fresh session of the role (for operations that end it, such as logout). */
  freshClient(role: Role): Promise<Client>;
  unitId: string;
  programmeId: string;
  assessmentId: string;
  applicationId: string;
  /** A file the application (form attachment) and the self-assessment (evidence) cite. */
  formSha: string;
  evidenceSha: string;
  expertId: string;
  conflictId: string;
  noticeId: string;
  objectionId: string;
  objectionSha: string;
  receiptCode: string;
  certificateNo: string;
  ledgerId: string;
  ledgerAttachmentId: string;
  guideId: string;
  evidenceEntryId: string;
  evidenceCertificateNo: string;
  notificationId: string;
  /** A user the administrator may edit without harming the fixture. */
  spareUserId: string;
  /** A spare applicant's unit id, in Keqiao. */
  spareUnitId: string;
  // rights (issue 12): the Keqiao firm's clue with a file, Keqiao its handler; a flagged duplicate; a public report.
  rightsClueId: string;
  rightsSha: string;
  rightsDuplicateId: string;
  rightsReceiptCode: string;
  rightsSecret: string;
  // rights-cases (issue 12)
  rightsCases: CaseSubjects;
}

/** A minimal PDF the server's content sniffing accepts; `label` makes its bytes (and hash) distinct. */
export const pdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

export async function upload(client: Client, fileName: string, content: Buffer, url = '/api/v1/attachments') {
  const res = await client.request({ method: 'POST', url, ...multipart(fileName, content) } as InjectOptions);
  expect(res.statusCode, res.body).toBe(201);
  return { sha256: res.json().sha256 as string, fileName: res.json().fileName as string };
}

export async function buildSubjects(t: TestApp): Promise<Subjects> {
  setBusinessDate(t, '2021-09-01');
  const clients = { anonymous: t.anonymous } as Record<Role, Client>;
  for (const [role, username] of Object.entries(USERNAMES)) clients[role as Role] = await t.login(username);
  const { applicant, officer: keqiao, officerAbove: shaoxing, expertAssigned: expert1, admin } = clients;

  const unitId = (await applicant.get('/api/v1/units')).json().items[0].id as string;
  const programme = await programmeId(applicant, 'shaoxing-2021');

  // Self-assessment with evidence, application with a form attachment.
  const form = await upload(applicant, '申报书附件.pdf', pdf('matrix form'));
  const evidence = await upload(applicant, '保密制度汇编.pdf', pdf('matrix evidence'));
  const created = await applicant.post('/api/v1/self-assessments', { programmeId: programme, kindId: 'point' });
  expect(created.statusCode, created.body).toBe(201);
  const assessment = created.json();
  const answers: Record<string, object> = answerAll(assessment.rubric as Rubric);
  const first = Object.keys(answers)[0]!;
  answers[first] = { ...answers[first], evidence: [{ type: 'attachment', ...evidence }] };
  const saved = await applicant.patch(`/api/v1/self-assessments/${assessment.id}`, {
    version: assessment.version,
    answers,
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const draft = await applicant.post('/api/v1/applications', { selfAssessmentId: assessment.id });
  expect(draft.statusCode, draft.body).toBe(201);
  const filled = await applicant.patch(`/api/v1/applications/${draft.json().id}`, {
    version: draft.json().version,
    formData: fillForm(draft.json().form?.fields ?? [], draft.json().formData),
    narrative: '本单位建立了商业秘密保护制度，设专人负责，定期开展培训与自查。',
    applicantOpinion: '同意申报。',
    attachments: [form],
  });
  expect(filled.statusCode, filled.body).toBe(200);

  // Through the district, into acceptance with expert1 on the panel.
  let application = await act(applicant, filled.json(), 'submit');
  application = await act(keqiao, application, 'recommend', { comment: '同意推荐。' });
  application = await act(shaoxing, application, 'start_acceptance');
  const expertId = (await expert1.get('/api/v1/experts/me')).json().id as string;
  const seated = await shaoxing.post(`/api/v1/applications/${application.id}/panel`, { expertId });
  expect(seated.statusCode, seated.body).toBe(201);
  const panelUrl = `/api/v1/applications/${application.id}/panel`;
  const rubric = (await shaoxing.get(panelUrl)).json().rubric as Rubric;
  const sheet = await expert1.request({
    method: 'PUT',
    url: `${panelUrl}/me`,
    payload: { answers: expertSheet(rubric) },
  });
  expect(sheet.statusCode, sheet.body).toBe(200);
  // A conflict declared with another Keqiao unit: decided by the bureaus over that unit.
  const spare = await newApplicantUnit(t, '330603', 'matrix-spare');
  const declared = await expert1.post(`/api/v1/experts/${expertId}/conflicts`, {
    unitId: spare.unitId,
    kind: 'declared_other',
    note: '曾为该企业提供法律咨询',
  });
  expect(declared.statusCode, declared.body).toBe(201);
  await markAcceptancePassed(t, application.id);

  // Publicity with an objection carrying a file, resolved; approval and certification.
  setBusinessDate(t, '2021-09-28');
  const notice = await publish(shaoxing, 'shaoxing-2021', [application.id], '2021-09-28');
  const objectionFile = await upload(
    t.anonymous,
    '异议材料.pdf',
    pdf('matrix objection'),
    `/api/v1/publicity/${notice.id}/attachments`,
  );
  const objection = await t.anonymous.post(`/api/v1/publicity/${notice.id}/objections`, {
    applicationId: application.id,
    name: '张先生',
    contact: '13805751234',
    reasons: '该企业曾因员工带走配方被侵权，未采取任何维权措施，不符合认定条件。',
    attachments: [objectionFile],
  });
  expect(objection.statusCode, objection.body).toBe(201);
  const objections = (await shaoxing.get(`/api/v1/objections?noticeId=${notice.id}`)).json().items;
  const resolved = await shaoxing.post(`/api/v1/objections/${objections[0].id}/resolution`, {
    resolution: '经核查，异议不成立。',
    upheld: false,
    version: objections[0].version,
  });
  expect(resolved.statusCode, resolved.body).toBe(200);
  setBusinessDate(t, '2021-10-11');
  application = await act(shaoxing, await readApplication(shaoxing, application.id), 'approve');
  application = await act(shaoxing, application, 'certify', { decision: shaoxingDecision(1) });
  const registry = (await t.anonymous.get('/api/v1/registry')).json().items as { certificateNo: string }[];
  expect(registry.length).toBeGreaterThan(0);

  // Ledger entry with a file, a guide, an evidence entry.
  const signIn = await upload(applicant, '签到表.pdf', pdf('matrix ledger'));
  const entry = await applicant.post('/api/v1/ledger', {
    unitId,
    kind: 'training',
    occurredOn: '2021-10-08',
    title: '商业秘密保护全员培训',
    participants: 40,
    attachments: [signIn],
  });
  expect(entry.statusCode, entry.body).toBe(201);
  const candidates = (await keqiao.get(`/api/v1/units/${unitId}/guide-candidates`)).json();
  const guideId = (Array.isArray(candidates) ? candidates : candidates.items)[0].id as string;
  const assigned = await keqiao.post(`/api/v1/units/${unitId}/guides`, { guideId });
  expect(assigned.statusCode, assigned.body).toBeLessThan(300);
  const submitted = await applicant.post('/api/v1/evidence/entries', {
    algorithm: 'sha256',
    digest: 'ab'.repeat(32),
    label: '配方工艺文件 V3',
  });
  expect(submitted.statusCode, submitted.body).toBeLessThan(300);

  const spareUser = (await admin.get('/api/v1/users?q=matrix-spare')).json().items[0];
  const notification = (await applicant.get('/api/v1/notifications')).json().items[0];

  // rights (issue 12)
  const rightsFile = await upload(applicant, '配方记录.pdf', pdf('matrix rights'));
  const rights = await reportedAndAssigned(
    applicant,
    keqiao,
    (await keqiao.get('/api/v1/auth/me')).json().user.id,
    clueBody({ attachments: [rightsFile] }),
  );
  expect((await applicant.post('/api/v1/rights/clues', clueBody())).statusCode).toBe(201);
  const rightsDetail = (await shaoxing.get(`/api/v1/rights/clues/${rights.id}`)).json();
  const rightsPublic = await t.anonymous.post('/api/v1/rights/public/reports', publicBody());
  expect(rightsPublic.statusCode, rightsPublic.body).toBe(201);
  // rights-cases (issue 12)
  const rightsCases = await buildCaseSubjects(keqiao, shaoxing, applicant, upload, pdf);

  return {
    clients,
    freshClient: (role) => (role === 'anonymous' ? Promise.resolve(t.anonymous) : t.login(USERNAMES[role])),
    unitId,
    programmeId: programme,
    assessmentId: assessment.id,
    applicationId: application.id,
    formSha: form.sha256,
    evidenceSha: evidence.sha256,
    expertId,
    conflictId: declared.json().id,
    noticeId: notice.id,
    objectionId: objections[0].id,
    objectionSha: objectionFile.sha256,
    receiptCode: objection.json().receiptCode,
    certificateNo: registry[0]!.certificateNo,
    ledgerId: entry.json().id,
    ledgerAttachmentId: entry.json().attachments[0].id,
    guideId,
    evidenceEntryId: submitted.json().id,
    evidenceCertificateNo: submitted.json().certificateNo,
    notificationId: notification.id,
    spareUserId: spareUser.id,
    spareUnitId: spare.unitId,
    rightsClueId: rights.id,
    rightsSha: rightsFile.sha256,
    rightsDuplicateId: rightsDetail.internal.duplicates[0].id,
    rightsReceiptCode: rightsPublic.json().receiptCode,
    rightsSecret: publicBody().secret,
    rightsCases,
  };
}
