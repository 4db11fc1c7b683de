/**
 * Fixtures of administrative cases for the rights-cases tests: a clue of rights-core's table in a given state, with
 * its handler assigned, written straight into the database (the intake and triage that normally lead there are
 * rights-core's and tested in test/rights.test.ts).
 */
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/server/db/client';
import { jurisdictions, rightsClueHandlers, rightsClues, users } from '../../src/server/db/schema';
import type { Client } from './app';
import { clueBody, reportedAndAssigned, userId } from './rights';

let n = 0;

export async function insertCase(
  db: Db,
  options: {
    jurisdictionCode: string;
    handler: string;
    status?: 'accepted' | 'closed' | 'received' | 'transferred_police' | 'merged';
    receivedOn?: string;
    openedOn?: string | null;
    secretKinds?: string[];
    industryCode?: string | null;
    decisionDeadline?: string;
    decidedOn?: string | null;
    closedOn?: string | null;
  },
) {
  const [j] = await db.select().from(jurisdictions).where(eq(jurisdictions.code, options.jurisdictionCode));
  const [handler] = await db.select().from(users).where(eq(users.username, options.handler));
  n += 1;
  const receivedOn = options.receivedOn ?? '2026-09-01';
  const status = options.status ?? 'accepted';
  const [clue] = await db
    .insert(rightsClues)
    .values({
      clueNo: `CS2026-${String(n).padStart(6, '0')}-${Math.random().toString(36).slice(2, 6)}`,
      jurisdictionCode: j!.code,
      jurisdictionPath: j!.path,
      source: 'unit',
      holderName: '上海华芯微电子有限公司',
      holderNameKey: '华芯微电子',
      industryCode: options.industryCode === undefined ? '39' : options.industryCode,
      secretKinds: options.secretKinds ?? ['source_code'],
      secretDescription: '芯片驱动源代码',
      leakChannels: ['departing_employee'],
      protectionMeasures: ['confidentiality_agreement'],
      facts: '前员工离职后在竞争企业使用驱动源代码',
      status,
      route: status === 'received' ? null : status === 'transferred_police' ? 'criminal' : 'administrative',
      receivedOn,
      decisionDeadline: options.decisionDeadline ?? '2026-09-22',
      decidedOn: options.decidedOn !== undefined ? options.decidedOn : status === 'received' ? null : '2026-09-10',
      openedOn:
        options.openedOn === undefined
          ? status === 'accepted' || status === 'closed'
            ? '2026-09-10'
            : null
          : options.openedOn,
      closedOn: options.closedOn !== undefined ? options.closedOn : status === 'closed' ? '2026-10-20' : null,
      recordedById: handler!.id,
    })
    .returning();
  await db.insert(rightsClueHandlers).values({ clueId: clue!.id, userId: handler!.id });
  return clue!;
}

/**
 * The authorisation matrix's subjects of rights-cases, all in Keqiao (Keqiao handles, Shaoxing supervises): an
 * opened case with a recorded document, an appraisal and a supervision; a closed case with a published typical case
 * (written by Keqiao, approved by Shaoxing); the Shaoxing guide.
 */
export async function buildCaseSubjects(
  keqiao: Client,
  shaoxing: Client,
  reporter: Client,
  upload: (client: Client, fileName: string, content: Buffer) => Promise<{ sha256: string; fileName: string }>,
  pdf: (label: string) => Buffer,
) {
  const keqiaoId = await userId(keqiao);
  const opened = async (holder: string, infringer: string) => {
    const clue = await reportedAndAssigned(
      reporter,
      keqiao,
      keqiaoId,
      clueBody({
        holder: { name: holder },
        infringers: [{ kind: 'unit', name: infringer, creditCode: null, relation: '合作方' }],
      }),
    );
    const triaged = await keqiao.post(`/api/v1/rights/clues/${clue.id}/triage`, {
      decision: 'administrative',
      version: clue.version,
    });
    expect(triaged.statusCode, triaged.body).toBe(200);
    const view = await keqiao.get(`/api/v1/rights/cases/${clue.id}`);
    expect(view.statusCode, view.body).toBe(200);
    return view.json();
  };
  const open = await opened('绍兴柯桥矩阵案件纺织有限公司', '绍兴某矩阵被举报公司');
  const base = `/api/v1/rights/cases/${open.clueId}`;
  const file = await upload(keqiao, '立案审批表.pdf', pdf('matrix case document'));
  const withDoc = await keqiao.post(`${base}/documents`, {
    step: 'open',
    documentKey: 'case_opening_approval',
    attachment: file,
  });
  expect(withDoc.statusCode, withDoc.body).toBe(200);
  const appraisal = await keqiao.post(`${base}/appraisals`, {
    institution: '浙江省知识产权司法鉴定中心',
    subject: 'identity',
    matters: '被控工艺参数与权利人工艺是否实质相同',
    requestedOn: open.openedOn,
    cost: 36000,
  });
  expect(appraisal.statusCode, appraisal.body).toBe(200);
  const supervision = await shaoxing.post(`${base}/supervisions`, {
    instructions: '列为重点督办',
    dueOn: '2099-12-31',
  });
  expect(supervision.statusCode, supervision.body).toBe(200);

  const closing = await opened('绍兴柯桥矩阵结案印染有限公司', '绍兴某矩阵结案被举报公司');
  const closedBase = `/api/v1/rights/cases/${closing.clueId}`;
  for (const step of ['verify', 'open', 'investigate', 'notify', 'decide', 'execute']) {
    const res = await keqiao.post(`${closedBase}/steps`, { step, completedOn: closing.openedOn });
    expect(res.statusCode, res.body).toBe(200);
  }
  const version = (await keqiao.get(closedBase)).json().version;
  const closed = await keqiao.post(`${closedBase}/close`, {
    outcome: 'penalised',
    summary: '责令停止违法行为并罚款',
    version,
  });
  expect(closed.statusCode, closed.body).toBe(200);
  const typical = await keqiao.post('/api/v1/rights/typical-cases', {
    clueId: closing.clueId,
    title: '某印染企业工艺参数被合作方披露案',
    summary: '合作方违反保密约定使用印染工艺参数，被依法查处。',
    body: '经查，当事人违反保密约定……依法责令停止违法行为并处罚款。',
  });
  expect(typical.statusCode, typical.body).toBe(201);
  const submitted = await keqiao.post(`/api/v1/rights/typical-cases/${typical.json().id}/submit`, { version: 1 });
  const approved = await shaoxing.post(`/api/v1/rights/typical-cases/${typical.json().id}/approve`, {
    version: submitted.json().version,
  });
  expect(approved.statusCode, approved.body).toBe(200);
  const guides = (await keqiao.get('/api/v1/rights/guides')).json().items as { id: string; code: string }[];
  return {
    rightsCaseId: open.clueId as string,
    rightsCaseSha: file.sha256,
    rightsCaseDocumentId: withDoc.json().steps[1].documents[0].records[0].id as string,
    rightsAppraisalId: appraisal.json().appraisals[0].id as string,
    rightsSupervisionId: supervision.json().supervisions[0].id as string,
    rightsClosedCaseId: closing.clueId as string,
    rightsTypicalCaseId: typical.json().id as string,
    rightsGuideId: guides.find((g) => g.code === 'shaoxing-case-guide')!.id,
  };
}

export type CaseSubjects = Awaited<ReturnType<typeof buildCaseSubjects>>;

/** The matrix's concrete path of a rights-cases operation, or null for other operations. */
export function rightsCasesPath(path: string, s: CaseSubjects & { rightsClueId: string }): string | null {
  const fill = (id: string) =>
    path
      .replace('{id}', id)
      .replace('{documentKey}', 'case_opening_approval')
      .replace('{documentId}', s.rightsCaseDocumentId)
      .replace('{appraisalId}', s.rightsAppraisalId)
      .replace('{supervisionId}', s.rightsSupervisionId);
  if (path.startsWith('/api/v1/rights/cases/')) return fill(s.rightsCaseId);
  if (path.startsWith('/api/v1/rights/guides/')) return fill(s.rightsGuideId);
  if (path.startsWith('/api/v1/rights/typical-cases/') || path.startsWith('/api/v1/typical-cases/'))
    return fill(s.rightsTypicalCaseId);
  if (path.startsWith('/api/v1/rights/transfers/')) return fill(s.rightsClueId);
  return null;
}

/** Valid bodies of the rights-cases operations for the matrix (stale versions: a permitted write answers 409). */
export const RIGHTS_CASES_BODIES: Record<string, (s: CaseSubjects) => unknown> = {
  'POST /api/v1/rights/guides': () => ({
    yaml: readFileSync(new URL('../../case-guides/shaoxing.yaml', import.meta.url), 'utf8'),
  }),
  'POST /api/v1/rights/cases/{id}/steps': () => ({ step: 'investigate', completedOn: '2020-01-01' }),
  'POST /api/v1/rights/cases/{id}/documents': (s) => ({
    step: 'open',
    documentKey: 'case_opening_approval',
    attachment: { sha256: s.rightsCaseSha, fileName: '立案审批表.pdf' },
  }),
  'POST /api/v1/rights/cases/{id}/extension': () => ({ reason: '矩阵测试延期', caseVersion: 999 }),
  'POST /api/v1/rights/cases/{id}/extension/approve': () => ({ caseVersion: 999 }),
  'POST /api/v1/rights/cases/{id}/close': () => ({ outcome: 'penalised', summary: '矩阵测试', version: 999 }),
  'POST /api/v1/rights/cases/{id}/appraisals': () => ({
    institution: '矩阵鉴定所',
    subject: 'loss',
    matters: '损失评估',
    requestedOn: '2020-01-01',
    cost: 1000,
  }),
  'PATCH /api/v1/rights/cases/{id}/appraisals/{appraisalId}': () => ({
    status: 'completed',
    result: '矩阵',
    completedOn: '2020-01-01',
    version: 999,
  }),
  'POST /api/v1/rights/cases/{id}/supervisions': () => ({ instructions: '矩阵督办', dueOn: '2099-12-31' }),
  'PATCH /api/v1/rights/cases/{id}/supervisions/{supervisionId}': () => ({
    action: 'report',
    text: '矩阵',
    version: 999,
  }),
  'POST /api/v1/rights/cases/{id}/joint-bureaus': () => ({ jurisdictionCode: '330602', task: '矩阵协办' }),
  'POST /api/v1/rights/cases/{id}/consultations': () => ({
    heldOn: '2020-01-01',
    departments: ['police'],
    participants: '矩阵',
    topic: '矩阵',
    conclusions: '矩阵',
  }),
  'POST /api/v1/rights/transfers/{id}/close': () => ({ summary: '矩阵', version: 999 }),
  'POST /api/v1/rights/typical-cases': (s) => ({
    clueId: s.rightsClosedCaseId,
    title: '矩阵典型案例',
    summary: '矩阵',
    body: '矩阵',
  }),
  'PATCH /api/v1/rights/typical-cases/{id}': () => ({ title: '矩阵', version: 999 }),
  'POST /api/v1/rights/typical-cases/{id}/submit': () => ({ version: 999 }),
  'POST /api/v1/rights/typical-cases/{id}/approve': () => ({ version: 999 }),
  'POST /api/v1/rights/typical-cases/{id}/return': () => ({ reason: '矩阵', version: 999 }),
};
