/**
 * One realistic subject of every kind, for the authorisation matrix and the fuzzer: applicant2's Keqiao unit
 * (330603, under Shaoxing 330600) with a self-assessment citing evidence, an application that went through acceptance
 * (expert1 seated on its panel), publicity (an objection with a file, resolved), approval and certification, a ledger
 * entry with a file, a guide, an evidence entry, an expert's conflict declaration, and the accounts of every role.
 */
import { readFileSync } from 'node:fs';
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
  /** A published assessment scheme of Shaoxing, and a file cited by its hand score of Keqiao. */
  schemeId: string;
  reportId: string;
  schemeSha: string;
  // People and outreach (issue 13)
  /** The Keqiao officer's account: the subject unit's contact-firm liaison. */
  liaisonOfficerId: string;
  contactFirmId: string;
  /** The subject unit's standard-adoption declaration (awaiting Keqiao) and its evidence file. */
  adoptionId: string;
  adoptionSha: string;
  // Services, attack service, guides (issue 13)
  /** An accredited partner organisation (no account of its own). */
  partnerId: string;
  /** The subject unit's simulated attack assessment, scheduled by Keqiao and reported with one finding. */
  attackId: string;
  findingId: string;
  /** A legal consultation Keqiao recorded for the subject unit. */
  serviceRecordId: string;
  /** A public guide published by Keqiao. */
  guideDocId: string;
  /** Trainings: a Shaoxing lecture with a Keqiao sub-venue and a handout, the firm registered there. */
  trainingId: string;
  trainingVenueId: string;
  trainingMaterialSha: string;
  trainingRegistrationId: string;
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

  // An assessment scheme of Shaoxing (评估考核), published, Keqiao scored by hand with a file as evidence.
  const scheme = await shaoxing.post('/api/v1/assessments', {
    yaml: readFileSync('assessments/shaoxing-2021.yaml', 'utf8'),
  });
  expect(scheme.statusCode, scheme.body).toBe(201);
  const published = await shaoxing.post(`/api/v1/assessments/${scheme.json().id}/publish`, { version: 1 });
  expect(published.statusCode, published.body).toBe(200);
  const scoreFile = await upload(shaoxing, '评分依据.pdf', pdf('matrix assessment'));
  const scored = await shaoxing.request({
    method: 'PUT',
    url: `/api/v1/assessments/${scheme.json().id}/scores`,
    payload: { jurisdictionCode: '330603', indicatorId: 'i4', points: 20, note: '有方案。', attachments: [scoreFile] },
  });
  expect(scored.statusCode, scored.body).toBe(200);
  // People and outreach (issue 13): the unit is a contact firm of Keqiao's and has declared the provincial standard.
  const liaisonOfficerId = (await keqiao.get('/api/v1/auth/me')).json().user.id as string;
  const firm = await keqiao.post('/api/v1/contact-firms', {
    unitId,
    liaisonOfficerId,
    contactName: '李晓红',
    contactPhone: '0575-84001234',
  });
  expect(firm.statusCode, firm.body).toBe(201);
  const adoptionFile = await upload(applicant, '贯标证明.pdf', pdf('matrix adoption'));
  const adoption = await applicant.post('/api/v1/standard-adoptions', {
    adoptedOn: '2021-10-01',
    statement: '本单位已按《商业秘密保护管理与服务规范》建立保护制度并组织实施。',
    attachments: [adoptionFile],
  });
  expect(adoption.statusCode, adoption.body).toBe(201);
  // Trainings: the city's lecture with a Keqiao sub-venue and a handout; the firm registers one attendee there.
  const handout = await upload(shaoxing, '讲义.pdf', pdf('matrix training handout'));
  const lecture = await shaoxing.post('/api/v1/trainings', {
    kind: 'lecture',
    title: '商业秘密保护大讲堂（矩阵测试）',
    ownerJurisdictionCode: '330600',
    audience: 'registered_units',
    startsOn: '2021-10-11',
    endsOn: '2021-10-20',
    sessions: [{ title: '商业秘密保护实务', speakerName: '王建国' }],
    venues: [
      {
        role: 'main',
        name: '市局主会场',
        hostJurisdictionCode: '330600',
        capacity: 500,
        address: '绍兴市解放北路 1 号',
      },
      {
        role: 'sub',
        name: '柯桥分会场',
        hostJurisdictionCode: '330603',
        capacity: 500,
        address: '绍兴市柯桥区笛扬路 8 号',
      },
    ],
    materials: [handout],
  });
  expect(lecture.statusCode, lecture.body).toBe(201);
  const trainingVenueId = lecture.json().venues[1].id as string;
  const registered = await applicant.post(`/api/v1/trainings/${lecture.json().id}/registrations`, {
    venueId: trainingVenueId,
    unitId,
    attendees: [{ name: '矩阵测试参会人' }],
  });
  expect(registered.statusCode, registered.body).toBe(201);

  const spareUser = (await admin.get('/api/v1/users?q=matrix-spare')).json().items[0];
  const services = await buildServiceSubjects(keqiao, applicant, unitId);
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
  // Reports upward (issue 14): Keqiao's annual report for 2020, submitted to Shaoxing.
  const report = await keqiao.post('/api/v1/reports', { year: 2020 });
  expect(report.statusCode, report.body).toBe(201);

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
    schemeId: scheme.json().id,
    schemeSha: scoreFile.sha256,
    reportId: report.json().id,
    liaisonOfficerId,
    contactFirmId: firm.json().id,
    adoptionId: adoption.json().id,
    adoptionSha: adoptionFile.sha256,
    trainingId: lecture.json().id,
    trainingVenueId,
    trainingMaterialSha: handout.sha256,
    trainingRegistrationId: registered.json().items[0].id,
    rightsClueId: rights.id,
    rightsSha: rightsFile.sha256,
    rightsDuplicateId: rightsDetail.internal.duplicates[0].id,
    rightsReceiptCode: rightsPublic.json().receiptCode,
    rightsSecret: publicBody().secret,
    rightsCases,
    ...services,
  };
}

/** Issue 13's subjects: a partner, a reported attack assessment with a finding, a public guide. */
async function buildServiceSubjects(keqiao: Client, applicant: Client, unitId: string) {
  const partner = await keqiao.post('/api/v1/service-partners', {
    name: '绍兴矩阵网络安全测评中心',
    kind: 'security_assessor',
    jurisdictionCode: '330603',
    attackAccredited: true,
  });
  expect(partner.statusCode, partner.body).toBe(201);
  const requested = await applicant.post('/api/v1/attack-assessments', {
    unitId,
    partnerId: partner.json().id,
    scope: '办公网络与研发文档服务器',
  });
  expect(requested.statusCode, requested.body).toBe(201);
  const scheduled = await keqiao.post(`/api/v1/attack-assessments/${requested.json().id}/schedule`, {
    scheduledOn: '2021-10-20',
    version: requested.json().version,
  });
  expect(scheduled.statusCode, scheduled.body).toBe(200);
  const report = await upload(keqiao, '模拟攻击评估报告.pdf', pdf('matrix attack report'));
  const reported = await keqiao.post(`/api/v1/attack-assessments/${requested.json().id}/report`, {
    report,
    summary: '发现弱口令一处。',
    findings: [{ title: '研发服务器存在弱口令', severity: 'high', recommendation: '启用复杂口令与双因素认证' }],
    version: scheduled.json().version,
  });
  expect(reported.statusCode, reported.body).toBe(200);
  const service = await keqiao.post('/api/v1/service-records', {
    kind: 'legal_consultation',
    unitId,
    provider: 'bureau',
    occurredOn: '2021-08-20',
    title: '矩阵测试法律咨询（主体）',
  });
  expect(service.statusCode, service.body).toBe(201);
  const file = await upload(keqiao, '商业秘密保护指引.pdf', pdf('matrix guide'));
  const guide = await keqiao.post('/api/v1/guides', {
    kind: 'protection_guide',
    industryCode: '17',
    visibility: 'public',
    title: '纺织企业商业秘密保护指引',
    summary: '面向纺织企业的商业秘密保护要点。',
    body: '一、明确保密范围；二、签订保密协议；三、加强研发资料管理。',
    file,
  });
  expect(guide.statusCode, guide.body).toBe(201);
  return {
    partnerId: partner.json().id as string,
    attackId: requested.json().id as string,
    findingId: reported.json().findings[0].id as string,
    serviceRecordId: service.json().id as string,
    guideDocId: guide.json().id as string,
  };
}
