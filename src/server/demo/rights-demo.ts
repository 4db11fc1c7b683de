/**
 * Demo data of the rights module (issue 12), seeded through its use cases after the showcase: a Keqiao firm's
 * request (assigned, with messages), a Keqiao inspection clue naming the same infringer (a flagged duplicate), a
 * criminal-route clue transferred to the police, an anonymous public report, and a rights centre in Yuecheng routing
 * to Keqiao. Idempotent: nothing happens when any clue exists.
 */
import { eq, sql } from 'drizzle-orm';
import { businessDate } from '../clock';
import type { Config } from '../config';
import type { Actor, RequestContext } from '../context';
import type { Database } from '../db/client';
import { rightsClues } from '../db/schema';
import { assignHandlers } from '../domain/rights/assign-handlers';
import { designateCentre } from '../domain/rights/centres';
import { postMessage } from '../domain/rights/post-message';
import { recordTransferStep } from '../domain/rights/record-transfer-step';
import { reportClue, reportPublicClue } from '../domain/rights/report-clue';
import { triageClue } from '../domain/rights/triage-clue';
import { closeTransferredClue } from '../domain/rights-cases/close-case';
import { createTypicalCase, reviewTypicalCase, submitTypicalCase } from '../domain/rights-cases/write-typical-case';
import { demoActor } from './demo-actor';

const content = {
  secretDescription: '活性染料低温染色工艺参数表及配套助剂配方（含温控曲线）',
  leakChannels: ['departing_employee'] as const,
  leakDescription: '原技术主管于今年离职，入职竞争对手后对方推出同类低温染色产品',
  protectionMeasures: ['confidentiality_agreement', 'non_compete', 'rules', 'marking'] as const,
  facts: '对方新产品的工艺参数与我司保密工艺高度一致，对方网站宣传“低温节能染色新工艺”。',
  urgency: 'urgent' as const,
  attachments: [],
  contact: null,
};

async function versionOf(database: Database, id: string): Promise<number> {
  const [row] = await database.db
    .select({ version: rightsClues.version })
    .from(rightsClues)
    .where(eq(rightsClues.id, id));
  return row!.version;
}

export async function seedRightsDemo(config: Config, database: Database): Promise<boolean> {
  return database.exclusive('shangmi:seed-rights', async () => {
    const [{ n } = { n: 0 }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(rightsClues);
    if (n > 0) return false;
    const applicant = await demoActor(database, 'applicant2');
    const keqiao = await demoActor(database, 'keqiao');
    const shaoxing = await demoActor(database, 'shaoxing');
    if (!applicant || !keqiao || !shaoxing) return false;
    const today = businessDate(config);
    const ctx = (actor: Actor | null): RequestContext => ({ actor, ip: '127.0.0.1', userAgent: 'demo', today });
    const infringer = {
      kind: 'unit' as const,
      name: '绍兴恒远印染科技有限公司',
      creditCode: null,
      relation: '前员工入职单位',
    };
    const request = await reportClue(database.db, ctx(applicant), {
      source: 'unit',
      holder: { name: '绍兴柯桥锦程纺织印染有限公司' },
      infringers: [infringer],
      secretKinds: ['process', 'formula'],
      estimatedLossYuan: 180_000,
      illicitGainYuan: null,
      requestedRoute: 'administrative',
      evidenceIds: [],
      ...content,
      leakChannels: [...content.leakChannels],
      protectionMeasures: [...content.protectionMeasures],
    });
    await assignHandlers(database.db, ctx(keqiao), request.id, { handlerIds: [keqiao.id], version: 1 });
    await postMessage(database.db, ctx(keqiao), request.id, {
      body: '请补充保密协议和竞业限制协议的扫描件。',
      attachments: [],
    });
    await postMessage(database.db, ctx(applicant), request.id, { body: '已整理，明日上传。', attachments: [] });
    // The firm's request becomes an administrative case (立案): its guide's steps and the 90-day clock run.
    await triageClue(database.db, ctx(keqiao), request.id, {
      decision: 'administrative',
      reason: '经核查，线索具体，符合立案条件',
      version: await versionOf(database, request.id),
    });
    await reportClue(database.db, ctx(keqiao), {
      source: 'inspection',
      holder: { name: '绍兴柯桥华彩印花有限公司' },
      infringers: [{ ...infringer, relation: null }],
      secretKinds: ['customer'],
      estimatedLossYuan: null,
      illicitGainYuan: null,
      requestedRoute: 'undecided',
      evidenceIds: [],
      ...content,
      leakChannels: ['partner'],
      protectionMeasures: ['confidentiality_agreement'],
      urgency: 'normal',
    });
    const criminal = await reportClue(database.db, ctx(applicant), {
      source: 'unit',
      holder: { name: '绍兴柯桥锦程纺织印染有限公司' },
      infringers: [{ kind: 'person', name: '张某', creditCode: null, relation: '离职工程师' }],
      secretKinds: ['source_code', 'drawing'],
      estimatedLossYuan: 850_000,
      illicitGainYuan: 420_000,
      requestedRoute: 'criminal',
      evidenceIds: [],
      ...content,
      leakChannels: ['departing_employee', 'intrusion'],
      protectionMeasures: ['encryption', 'access_control'],
      urgency: 'critical',
    });
    const c1 = await assignHandlers(database.db, ctx(keqiao), criminal.id, { handlerIds: [keqiao.id], version: 1 });
    const c2 = await triageClue(database.db, ctx(keqiao), criminal.id, {
      decision: 'criminal',
      reason: '损失数额达到刑事立案追诉标准，移送公安机关',
      policeAgency: '绍兴市公安局柯桥区分局',
      version: c1.version,
    });
    await recordTransferStep(database.db, ctx(shaoxing), criminal.id, { step: 'approve', version: c2.version });
    // Sent, received by the police, closed, and written up as a typical case approved by a second officer.
    const sent = await recordTransferStep(database.db, ctx(keqiao), criminal.id, {
      step: 'send',
      version: await versionOf(database, criminal.id),
    });
    await recordTransferStep(database.db, ctx(keqiao), criminal.id, {
      step: 'police_received',
      on: today,
      version: sent.version,
    });
    await closeTransferredClue(database.db, ctx(keqiao), criminal.id, {
      summary: '公安机关已接收移送并立案侦查',
      version: await versionOf(database, criminal.id),
    });
    const typical = await createTypicalCase(database.db, ctx(keqiao), {
      clueId: criminal.id,
      title: '离职工程师披露源代码与图纸案',
      summary: '企业离职工程师将源代码和设计图纸披露给竞争对手，市场监管部门依法移送公安机关。',
      body: '某纺织企业反映，其离职工程师将研发服务器中的源代码和设计图纸提供给竞争对手。区市场监管局受理后研判，损失数额达到刑事立案追诉标准，经市局审批依法移送公安机关，公安机关已接收并立案侦查。',
      significance: '提示企业做好离职人员的保密管理和访问权限回收，并通过存证固定商业秘密的存在时间。',
      secretCategory: '技术信息',
      industry: '纺织业',
    });
    await submitTypicalCase(database.db, ctx(keqiao), typical.id, typical.version);
    await reviewTypicalCase(database.db, ctx(shaoxing), typical.id, {
      version: typical.version + 1,
      approve: true,
    });
    await reportPublicClue(database.db, ctx(null), {
      jurisdictionCode: '330603',
      secret: 'demo-follow-2024',
      holder: { name: '某纺织企业（匿名）' },
      infringers: [{ kind: 'unit', name: '绍兴某化纤有限公司', creditCode: null, relation: null }],
      secretKinds: ['customer', 'strategy'],
      estimatedLossYuan: null,
      illicitGainYuan: null,
      requestedRoute: 'undecided',
      ...content,
      leakChannels: ['current_employee'],
      protectionMeasures: [],
      urgency: 'normal',
    });
    await designateCentre(database.db, ctx(shaoxing), {
      jurisdictionCode: '330602',
      name: '越城区商业秘密维权中心',
      routesToCode: '330603',
    });
    return true;
  });
}
