/**
 * The API's operations as the OpenAPI document lists them, and how to call each one on the matrix's subjects: the
 * concrete URL (path parameters from the subjects, required query parameters) and a valid body, so that a permitted
 * caller is told something other than "denied" and a refused one cannot be refused for bad input instead.
 */
import { readFileSync } from 'node:fs';
import type { InjectOptions } from 'fastify';
import { DEMO_PASSWORD } from '../../src/server/demo/seed';
import type { Client, TestApp } from './app';
import { buildUnit } from './factories';
import { multipart } from './multipart';
import { clueBody, publicBody } from './rights';
import { RIGHTS_CASES_BODIES, rightsCasesPath } from './rights-cases';
import { pdf, type Subjects } from './subjects';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export interface Operation {
  /** `METHOD /path`, as the policy table keys it. */
  name: string;
  method: string;
  path: string;
  public: boolean;
  /** The JSON body's schema, if the operation takes one. */
  body?: JsonSchema;
  multipart: boolean;
  query: { name: string; required: boolean; schema: JsonSchema }[];
}

export async function listOperations(t: TestApp): Promise<Operation[]> {
  const doc = (await t.anonymous.get('/api/v1/openapi.json')).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          security?: unknown[];
          requestBody?: { content: Record<string, { schema: JsonSchema }> };
          parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      method: method.toUpperCase(),
      path,
      public: Array.isArray(op.security) && op.security.length === 0,
      body: op.requestBody?.content['application/json']?.schema,
      multipart: path.endsWith('/attachments') && method === 'post',
      query: (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, required: p.required === true, schema: p.schema })),
    })),
  );
}

/** Which subject each `{id}` names, by the path's first segment after /api/v1. */
const ID_OF: Record<string, keyof Subjects> = {
  units: 'unitId',
  users: 'spareUserId',
  programs: 'programmeId',
  'self-assessments': 'assessmentId',
  ledger: 'ledgerId',
  evidence: 'evidenceEntryId',
  applications: 'applicationId',
  publicity: 'noticeId',
  objections: 'objectionId',
  experts: 'expertId',
  conflicts: 'conflictId',
  notifications: 'notificationId',
  assessments: 'schemeId',
  reports: 'reportId',
  // People and outreach (issue 13)
  'contact-firms': 'contactFirmId',
  'standard-adoptions': 'adoptionId',
  // Issue 13
  'attack-assessments': 'attackId',
  'attack-findings': 'findingId',
  'service-records': 'serviceRecordId',
  guides: 'guideDocId',
  'public-guides': 'guideDocId',
  trainings: 'trainingId',
  'training-registrations': 'trainingRegistrationId',
};
const SHA_OF: Record<string, keyof Subjects> = {
  'self-assessments': 'evidenceSha',
  applications: 'formSha',
  objections: 'objectionSha',
  assessments: 'schemeSha',
  'standard-adoptions': 'adoptionSha',
  trainings: 'trainingMaterialSha',
};

export function concretePath(op: Operation, s: Subjects): string {
  const area = op.path.split('/')[3]!;
  // rights-cases (issue 12)
  const casePath = rightsCasesPath(op.path, { ...s.rightsCases, rightsClueId: s.rightsClueId });
  if (casePath) return casePath;
  // rights (issue 12): clues and duplicates share the area.
  if (area === 'rights')
    return op.path
      .replace('{id}', op.path.includes('/duplicates/') ? s.rightsDuplicateId : s.rightsClueId)
      .replace('{sha256}', s.rightsSha)
      .replace('{code}', 'criminal_threshold');
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    switch (name) {
      case 'id':
        return String(s[ID_OF[area]!]);
      case 'sha256':
        return String(s[SHA_OF[area]!]);
      case 'attachmentId':
        return s.ledgerAttachmentId;
      case 'guideId':
        return s.guideId;
      case 'expertId':
        return s.expertId;
      case 'certificateNo':
        return area === 'evidence' ? s.evidenceCertificateNo : s.certificateNo;
      case 'code':
        return s.receiptCode;
      case 'date':
        return '2021-12-25';
      case 'jurisdictionCode':
        return '330603';
      case 'year':
        // A base's review year lies between its certification (2021) and today; a calendar year is any.
        return op.path.includes('/reviews/') ? '2021' : '2030';
      case 'version':
        return '1';
      default:
        throw new Error(`no subject for {${name}} in ${op.name}`);
    }
  });
}

/** Required query parameters (and none else). */
const QUERIES: Record<string, (s: Subjects) => string> = {
  'GET /api/v1/evidence/proofs/inclusion': () => 'index=0&size=1',
  'GET /api/v1/evidence/proofs/consistency': () => 'from=1&to=1',
  'GET /api/v1/targets': (s) => `programmeId=${s.programmeId}`,
  'GET /api/v1/picture': () => 'jurisdictionCode=330603&year=2021',
  'GET /api/v1/reports/status': () => 'jurisdictionCode=330603&year=2020',
  'GET /api/v1/panel-results': (s) => `programmeId=${s.programmeId}`,
  'GET /api/v1/panel-results/export.xlsx': (s) => `programmeId=${s.programmeId}`,
  'GET /api/v1/targets/export.xlsx': (s) => `programmeId=${s.programmeId}`,
  'GET /api/v1/calendar/working-days': () => 'start=2021-10-11&days=5',
  'GET /api/v1/base-reviews': (s) => `programmeId=${s.programmeId}&year=2021`,
  'GET /api/v1/base-reviews/export.xlsx': (s) => `programmeId=${s.programmeId}&year=2021`,
  'GET /api/v1/registry/{certificateNo}/review-check': () => 'year=2021',
  'POST /api/v1/rights/public/attachments': () => 'uploadKey=matrix-report-upload-key-0123456789',
};

let serial = 0;
const next = () => {
  serial += 1;
  return serial;
};

/**
 * A valid body per operation that takes one. Versions are stale on purpose (999): a permitted caller gets 409 and
 * nothing changes, a refused one is refused before the version is looked at.
 */
const BODIES: Record<string, (s: Subjects) => unknown> = {
  // rights (issue 12)
  'POST /api/v1/rights/clues': () => clueBody(),
  'POST /api/v1/rights/clues/{id}/handlers': () => ({
    handlerIds: ['00000000-0000-4000-8000-000000000000'],
    version: 999,
  }),
  // Unknown certificate numbers: a permitted caller gets the field error, nothing is linked.
  'POST /api/v1/rights/clues/{id}/evidence': () => ({ certificateNos: ['SMEV-99999999-00000000'] }),
  'POST /api/v1/rights/clues/{id}/triage': () => ({ decision: 'administrative', version: 999 }),
  'POST /api/v1/rights/clues/{id}/extension': () => ({ reason: '矩阵测试延期', version: 999 }),
  'POST /api/v1/rights/clues/{id}/extension/approval': () => ({ version: 999 }),
  'POST /api/v1/rights/clues/{id}/transfer-steps': () => ({ step: 'send', version: 999 }),
  'POST /api/v1/rights/clues/{id}/messages': () => ({ body: '矩阵测试留言' }),
  'POST /api/v1/rights/clues/{id}/notes': () => ({ body: '矩阵测试备注' }),
  'POST /api/v1/rights/duplicates/{id}/decision': () => ({ status: 'linked', version: 999 }),
  'PUT /api/v1/rights/rules/{code}': () => ({ amountYuan: 200_000, version: 999 }),
  'POST /api/v1/rights/centres': () => ({ jurisdictionCode: '330602', name: '越城区维权中心', routesToCode: '330602' }),
  'POST /api/v1/rights/public/reports': () => publicBody(),
  'POST /api/v1/rights/public/follow': (s) => ({ code: s.rightsReceiptCode, secret: s.rightsSecret }),
  'POST /api/v1/rights/public/messages': (s) => ({
    code: s.rightsReceiptCode,
    secret: s.rightsSecret,
    body: '矩阵测试',
  }),
  'POST /api/v1/auth/login': () => ({ username: 'expert3', password: DEMO_PASSWORD }),
  // The second factor: codes that are well formed but wrong (the matrix needs only the caller's grant or refusal).
  'POST /api/v1/auth/login/second-factor': () => ({ challenge: 'no-such-challenge', code: '000000' }),
  'POST /api/v1/auth/second-factor/confirmation': () => ({ code: '000000' }),
  'POST /api/v1/auth/second-factor/disable': () => ({ code: '000000' }),
  'POST /api/v1/auth/register': () => {
    const n = next();
    const unit = buildUnit({ jurisdictionCode: '330603', name: `绍兴柯桥矩阵测试纺织有限公司${n}` });
    return {
      username: `matrix-reg-${n}`,
      password: 'register-1234',
      displayName: '矩阵测试联络员',
      unit: { ...unit, address: '浙江省绍兴市柯桥区柯北大道 1 号', postcode: '312030' },
    };
  },
  'POST /api/v1/jurisdictions': () => ({
    code: `3306${String(80 + (next() % 20)).padStart(2, '0')}`,
    name: `柯桥矩阵测试功能区${serial}`,
    level: 'functional_zone',
    parentCode: '330600',
  }),
  'PUT /api/v1/system/business-date': () => ({ date: '2021-10-11' }),
  'POST /api/v1/units': () => buildUnit({ jurisdictionCode: '330603', name: `绍兴柯桥矩阵测试机械有限公司${next()}` }),
  'PATCH /api/v1/units/{id}': () => ({ version: 999, address: '浙江省绍兴市柯桥区柯北大道 2 号' }),
  'POST /api/v1/units/{id}/guides': (s) => ({ guideId: s.guideId }),
  'POST /api/v1/users': () => ({
    username: `matrix-user-${next()}`,
    displayName: '矩阵测试用户',
    password: 'matrix-1234',
    role: 'expert',
  }),
  'PATCH /api/v1/users/{id}': () => ({ version: 999, displayName: '改名' }),
  'POST /api/v1/programs': () => ({ yaml: 'code: matrix-test\n' }),
  'PATCH /api/v1/programs/{id}': () => ({ yaml: 'code: shaoxing-2021\n' }),
  'POST /api/v1/self-assessments': (s) => ({ programmeId: s.programmeId, kindId: 'point', practice: true }),
  'PATCH /api/v1/self-assessments/{id}': () => ({ version: 999, answers: {} }),
  'POST /api/v1/ledger': (s) => ({ unitId: s.unitId, kind: 'survey', occurredOn: '2021-10-09', title: '保密自查' }),
  'PATCH /api/v1/ledger/{id}': () => ({ version: 999, title: '改' }),
  'POST /api/v1/evidence/entries': () => ({ algorithm: 'sha256', digest: 'cd'.repeat(32), label: '矩阵测试文件' }),
  'POST /api/v1/evidence/verify': () => ({ algorithm: 'sha256', digest: 'ab'.repeat(32) }),
  'POST /api/v1/applications': (s) => ({ selfAssessmentId: s.assessmentId }),
  'PATCH /api/v1/applications/{id}': () => ({ version: 999, narrative: '修改' }),
  'POST /api/v1/applications/{id}/transitions': () => ({
    action: 'revoke',
    version: 999,
    comment: '矩阵测试',
  }),
  'PUT /api/v1/applications/{id}/district-review': () => ({ version: 999, answers: {} }),
  'POST /api/v1/publicity': (s) => ({
    programmeId: s.programmeId,
    title: '矩阵测试公示',
    startsOn: '2021-10-12',
    applicationIds: [s.applicationId],
  }),
  'POST /api/v1/publicity/{id}/objections': (s) => ({
    applicationId: s.applicationId,
    name: '李先生',
    contact: '13805750000',
    reasons: '矩阵测试：公示期已结束后的异议。',
  }),
  'POST /api/v1/objections/{id}/resolution': () => ({ resolution: '再议', upheld: false, version: 999 }),
  'POST /api/v1/registry/{certificateNo}/reviews': () => ({
    year: 2021,
    outcome: 'rectify',
    rectifyBy: '2099-12-31',
    findings: '矩阵测试复核',
    judgments: [
      { id: 'm8', met: true },
      { id: 'm10', met: true },
    ],
  }),
  'POST /api/v1/registry/{certificateNo}/reviews/{year}/rectification': () => ({
    version: 999,
    outcome: 'accepted',
    findings: '矩阵测试整改验收',
    rectifiedOn: '2021-10-11',
  }),
  'POST /api/v1/assessments': () => ({ yaml: readFileSync('assessments/shaoxing-2021.yaml', 'utf8') }),
  'POST /api/v1/assessments/{id}/publish': () => ({ version: 999 }),
  'POST /api/v1/assessments/{id}/publish-results': () => ({ version: 999 }),
  'POST /api/v1/reports': () => ({ year: 2020, quarter: 3 }),
  'PUT /api/v1/assessments/{id}/scores': () => ({
    jurisdictionCode: '330603',
    indicatorId: 'i4',
    points: 10,
    note: '矩阵测试评分',
    version: 999,
  }),
  'POST /api/v1/registry/{certificateNo}/incentives': () => ({
    kind: 'award',
    measure: '矩阵测试表彰',
    grantedOn: '2021-10-11',
  }),
  'PUT /api/v1/calendar/overrides/{date}': () => ({ workday: false, note: '矩阵测试' }),
  'PUT /api/v1/calendar/years/{year}': () => ({ holidays: [{ name: '元旦', from: '2030-01-01', to: '2030-01-01' }] }),
  'POST /api/v1/experts': () => ({
    name: '矩阵测试专家',
    affiliation: '浙江工业大学',
    field: 'law',
    jurisdictionCode: '330603',
  }),
  'PATCH /api/v1/experts/{id}': () => ({ version: 999, affiliation: '改' }),
  'POST /api/v1/experts/{id}/conflicts': (s) => ({ unitId: s.spareUnitId, kind: 'declared_other' }),
  'POST /api/v1/conflicts/{id}/decision': () => ({ status: 'dismissed' }),
  'POST /api/v1/applications/{id}/panel': (s) => ({ expertId: s.expertId }),
  'POST /api/v1/applications/{id}/panel/{expertId}/recusal': () => ({ reason: '矩阵测试回避' }),
  'PUT /api/v1/applications/{id}/panel/me': () => ({ answers: {}, version: 999 }),
  'POST /api/v1/applications/{id}/acceptance-activities': () => ({
    method: 'site_visit',
    occurredOn: '2021-09-20',
    people: '专家组',
    findings: '矩阵测试',
  }),
  'PUT /api/v1/applications/{id}/acceptance-opinion': () => ({ opinion: '矩阵测试意见', version: 999 }),
  // People and outreach (issue 13)
  'POST /api/v1/experts/{id}/records': () => ({
    kind: 'consultation',
    occurredOn: '2021-09-15',
    title: '矩阵测试：商业秘密认定问题咨询',
  }),
  'POST /api/v1/contact-firms': (s) => ({
    unitId: s.unitId,
    liaisonOfficerId: s.liaisonOfficerId,
    contactName: '矩阵联系人',
  }),
  'PATCH /api/v1/contact-firms/{id}': () => ({ version: 999, contactName: '改' }),
  'POST /api/v1/contact-firms/{id}/contacts': () => ({
    contactedOn: '2021-10-09',
    way: 'phone',
    content: '矩阵测试联系',
  }),
  'POST /api/v1/standard-adoptions': (s) => ({
    adoptedOn: '2021-10-01',
    statement: '矩阵测试：本单位已按规范建立制度。',
    attachments: [{ sha256: s.adoptionSha, fileName: '贯标证明.pdf' }],
  }),
  'POST /api/v1/standard-adoptions/{id}/decision': () => ({ status: 'confirmed', version: 999 }),
  // Services, attack service, guides (issue 13)
  'POST /api/v1/service-partners': () => ({
    name: `矩阵测试律师事务所${next()}`,
    kind: 'law_firm',
    jurisdictionCode: '330603',
  }),
  'POST /api/v1/service-records': (s) => ({
    kind: 'legal_consultation',
    unitId: s.unitId,
    provider: 'partner',
    partnerId: s.partnerId,
    occurredOn: '2021-10-09',
    title: '矩阵测试法律咨询',
  }),
  'PATCH /api/v1/service-records/{id}': () => ({ title: '矩阵测试法律咨询（改）', version: 999 }),
  'POST /api/v1/service-records/{id}/void': () => ({ reason: '矩阵测试作废', version: 999 }),
  'POST /api/v1/campaign-visits': (s) => ({
    kind: 'enterprise',
    jurisdictionCode: '330603',
    unitId: s.unitId,
    placeName: '矩阵测试企业',
    occurredOn: '2021-10-09',
    firmsReached: 1,
  }),
  'POST /api/v1/conventions': (s) => ({
    associationId: s.unitId,
    title: '矩阵测试自律公约',
    signedOn: '2021-10-09',
    signatoryIds: [s.spareUnitId],
  }),
  'POST /api/v1/attack-assessments': (s) => ({ unitId: s.unitId, partnerId: s.partnerId, scope: '矩阵测试范围' }),
  'POST /api/v1/attack-assessments/{id}/schedule': () => ({ scheduledOn: '2021-12-01', version: 999 }),
  'POST /api/v1/attack-assessments/{id}/report': () => ({
    report: { sha256: 'ab'.repeat(32), fileName: '报告.pdf' },
    summary: '矩阵测试',
    findings: [],
    version: 999,
  }),
  'PATCH /api/v1/attack-findings/{id}': () => ({ status: 'in_progress', version: 999 }),
  'POST /api/v1/guides': () => ({
    kind: 'template_confidentiality',
    visibility: 'registered',
    title: '矩阵测试保密协议范本',
    summary: '矩阵测试',
    body: '矩阵测试',
    file: { sha256: 'ab'.repeat(32), fileName: '范本.pdf' },
  }),
  'POST /api/v1/guides/{id}/versions': () => ({
    title: '矩阵测试新版本',
    summary: '矩阵测试',
    body: '矩阵测试',
    file: { sha256: 'ab'.repeat(32), fileName: '范本.pdf' },
    baseVersion: 999,
  }),
  // Trainings
  'POST /api/v1/trainings': () => ({
    kind: 'training',
    title: `柯桥区商业秘密保护培训${next()}`,
    ownerJurisdictionCode: '330603',
    audience: 'open',
    startsOn: '2021-10-15',
    endsOn: '2021-10-15',
    sessions: [],
    venues: [
      { role: 'main', name: '区局会议室', hostJurisdictionCode: '330603', capacity: 30, address: '柯桥区笛扬路 8 号' },
    ],
    materials: [],
  }),
  'PATCH /api/v1/trainings/{id}': () => ({ version: 999, title: '改' }),
  'POST /api/v1/trainings/{id}/registrations': (s) => ({
    venueId: s.trainingVenueId,
    unitId: s.unitId,
    attendees: [{ name: `矩阵报名${next()}` }],
  }),
  'POST /api/v1/trainings/{id}/walk-ins': (s) => ({
    venueId: s.trainingVenueId,
    unitName: '矩阵测试未登记单位',
    attendee: { name: `矩阵现场${next()}` },
  }),
  'POST /api/v1/training-registrations/{id}/feedback': () => ({
    answers: { overall: 5, content: 5, speaker: 4, organisation: 4 },
  }),
};

export function validBody(op: Operation, s: Subjects): unknown {
  const make = BODIES[op.name];
  if (make) return make(s);
  const caseBody = RIGHTS_CASES_BODIES[op.name];
  if (caseBody) return caseBody(s.rightsCases);
  if (op.body) throw new Error(`no valid body for ${op.name}: add one to BODIES in test/helpers/operations.ts`);
  return undefined;
}

/** The request of an operation on the subjects, with a valid body (a file upload for multipart operations). */
export function requestOf(op: Operation, s: Subjects, override?: { body?: unknown; query?: string }): InjectOptions {
  const query = override?.query ?? QUERIES[op.name]?.(s) ?? '';
  const url = concretePath(op, s) + (query ? `?${query}` : '');
  if (op.multipart) return { method: 'POST', url, ...multipart(`材料${next()}.pdf`, pdf(`matrix ${serial}`)) };
  const body = override && 'body' in override ? override.body : validBody(op, s);
  return {
    method: op.method as InjectOptions['method'],
    url,
    ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
  };
}

export function send(client: Client, options: InjectOptions) {
  return client.request(options);
}
