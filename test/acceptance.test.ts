import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rubric } from '../src/core/rubric/schema';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, answerAll, expertSheet, newApplicantUnit, submittedApplication } from './helpers/applications';

const put = (client: Client, url: string, payload: unknown) =>
  client.request({ method: 'PUT', url, payload: payload as Record<string, unknown> });

interface Member {
  expertId: string;
  name: string;
  sheetStatus: string | null;
  answers: Record<string, { score?: number; met?: boolean; note?: string }> | null;
  mine: boolean;
  missing: SheetGap[] | null;
  version: number | null;
  recusedAt: string | null;
}
interface SheetGap {
  nodeId: string;
  code: string;
  message: string;
}
interface PanelItem {
  id: string;
  scores: { expertId: string; score: number }[];
  stats: { count: number; mean: number; median: number; min: number; max: number; spread: number } | null;
  disagreement: boolean;
}

async function unitIdByName(client: Client, name: string): Promise<string> {
  const res = await client.get(`/api/v1/units?q=${encodeURIComponent(name)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0].id;
}

async function expertIdOf(client: Client): Promise<string> {
  const res = await client.get('/api/v1/experts/me');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().id;
}

/** An expert with a login in the given registry, created by the administrator and the officer. */
async function newExpert(
  t: TestApp,
  officer: Client,
  username: string,
  fields: { name: string; affiliation: string; jurisdictionCode: string; field?: string },
) {
  const admin = await t.login('admin');
  const user = await admin.post('/api/v1/users', {
    username,
    displayName: fields.name,
    password: 'expert-1234',
    role: 'expert',
  });
  expect(user.statusCode, user.body).toBe(201);
  const expert = await officer.post('/api/v1/experts', {
    field: 'industry',
    industries: ['17'],
    ...fields,
    userId: user.json().id,
  });
  expect(expert.statusCode, expert.body).toBe(201);
  return { id: expert.json().id as string, client: await t.login(username, 'expert-1234') };
}

describe('acceptance of a Putuo point by an expert panel', () => {
  let t: TestApp;
  let putuo: Client;
  let applicant: Client;
  let experts: Client[];
  let ids: string[];
  let application: { id: string; version: number };
  let rubric: Rubric;

  const panelUrl = () => `/api/v1/applications/${application.id}/panel`;
  const panelOf = async (client: Client) => {
    const res = await client.get(panelUrl());
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const item = (panel: { aggregate: { items: PanelItem[] } }, id: string) =>
    panel.aggregate.items.find((i) => i.id === id)!;

  beforeAll(async () => {
    t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15' } });
    putuo = await t.login('putuo');
    applicant = await t.login('applicant1');
    experts = [await t.login('expert1'), await t.login('expert2'), await t.login('expert3')];
    ids = [];
    for (const e of experts) ids.push(await expertIdOf(e));
    application = await submittedApplication(applicant, 'putuo-2022', 'point');
  });
  afterAll(async () => {
    await t.close();
  });

  it('forms the panel only under acceptance, by the owning bureau, refusing conflicted experts and duplicates', async () => {
    const early = await putuo.post(panelUrl(), { expertId: ids[0] });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('当前状态为“已提交”，只有验收中的申报可以指派验收专家');

    application = await act(putuo, application, 'start_acceptance');
    expect(application).toMatchObject({ status: 'under_acceptance' });

    // Denials: the applicant, an expert and another bureau.
    const byApplicant = await applicant.post(panelUrl(), { expertId: ids[0] });
    expect(byApplicant.statusCode).toBe(403);
    expect(byApplicant.json().message).toBe('只有工作方案主管部门可以指派验收专家');
    expect((await (await t.login('shaoxing')).post(panelUrl(), { expertId: ids[0] })).statusCode).toBe(404);
    expect((await (await t.login('shaoxing')).get(panelUrl())).statusCode).toBe(404);
    // An expert not on the panel does not learn the application exists.
    expect((await experts[0]!.get(panelUrl())).statusCode).toBe(404);
    expect((await put(experts[0]!, `${panelUrl()}/me`, { answers: {} })).statusCode).toBe(404);

    for (const id of ids.slice(0, 2)) {
      const res = await putuo.post(panelUrl(), { expertId: id });
      expect(res.statusCode, res.body).toBe(201);
    }
    const again = await putuo.post(panelUrl(), { expertId: ids[0] });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('专家王立法已在本申报的验收组中');
    expect((await putuo.post(panelUrl(), { expertId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(400);

    // The assigned expert is told, and now sees the application.
    const inbox = (await experts[0]!.get('/api/v1/notifications')).json();
    expect(inbox.items[0]).toMatchObject({ title: '验收评审任务', link: `/applications/${application.id}` });
    expect((await experts[0]!.get(`/api/v1/applications/${application.id}`)).statusCode).toBe(200);
  });

  it('keeps off an expert with a conflict: declared with the applicant’s park, or evident from its affiliation', async () => {
    // Expert 3 once worked for the park the applicant sits in: 同一园区或协会, blocking while it awaits a decision.
    const parkId = await unitIdByName(putuo, '上海真如数智科技园');
    const declared = await experts[2]!.post(`/api/v1/experts/${ids[2]}/conflicts`, {
      unitId: parkId,
      kind: 'former_employment',
      note: '2019 年曾任园区管委会法律顾问',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const refused = await putuo.post(panelUrl(), { expertId: ids[2] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe(
      '专家刘鉴真与申报单位存在利益冲突：同一园区或协会（上海真如数智科技园，待确认），不能指派',
    );
    // Confirmed, it still blocks; a separate, dismissed declaration does not.
    const confirmed = await putuo.post(`/api/v1/conflicts/${declared.json().id}/decision`, { status: 'confirmed' });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await putuo.post(panelUrl(), { expertId: ids[2] })).json().message).toContain('同一园区或协会');

    // An expert working for the applicant itself: 同一单位, without anyone declaring it.
    const insider = await newExpert(t, putuo, 'expert-insider', {
      name: '顾内审',
      affiliation: '上海普瑞精密机械有限公司',
      jurisdictionCode: '310107',
    });
    const same = await putuo.post(panelUrl(), { expertId: insider.id });
    expect(same.statusCode).toBe(409);
    expect(same.json().message).toContain('同一单位（上海普瑞精密机械有限公司，据专家工作单位判断）');

    // A dismissed declaration does not block; the confirmed park conflict still does.
    const other = await putuo.post(`/api/v1/experts/${ids[2]}/conflicts`, {
      unitId: await unitIdByName(putuo, '上海普瑞精密机械有限公司'),
      kind: 'declared_other',
    });
    expect(other.statusCode, other.body).toBe(201);
    await putuo.post(`/api/v1/conflicts/${other.json().id}/decision`, { status: 'dismissed' });
    expect((await putuo.post(panelUrl(), { expertId: ids[2] })).statusCode).toBe(409);
  });

  it('seats a third expert once the conflict is out of the way', async () => {
    // Expert 3 stays off; a clean expert of Putuo's own registry takes the third seat.
    const third = await newExpert(t, putuo, 'expert-third', {
      name: '沈第三',
      affiliation: '上海理工大学',
      jurisdictionCode: '310107',
    });
    const seated = await putuo.post(panelUrl(), { expertId: third.id });
    expect(seated.statusCode, seated.body).toBe(201);
    experts[2] = third.client;
    ids[2] = third.id;
    const panel = seated.json();
    expect(panel.view).toBe('full');
    expect(panel.members.map((m: Member) => m.name)).toEqual(['王立法', '陈信安', '沈第三']);
    expect(panel.members.every((m: Member) => m.sheetStatus === 'pending')).toBe(true);
    expect(panel.passCheck.ready).toBe(false);
    rubric = panel.rubric;
  });

  it('experts score against the rubric; sheets are checked and kept private until one’s own is complete', async () => {
    const invalid = await put(experts[0]!, `${panelUrl()}/me`, { answers: { 'i1.1': { score: 9 } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().fields[0]).toEqual({ path: 'answers.["i1.1"].score', message: '得分不能超过该项分值 8 分' });

    const full = expertSheet(rubric, 1) as Record<string, { score?: number; note?: string }>;
    full['i1.1'] = { score: 8, note: '领导小组由总经理牵头，文件齐全' };
    const saved = await put(experts[0]!, `${panelUrl()}/me`, { answers: full, comment: '整体符合示范点标准。' });
    expect(saved.statusCode, saved.body).toBe(200);
    const mine = saved.json();
    expect(mine.view).toBe('expert');
    expect(mine.members.find((m: Member) => m.mine)).toMatchObject({ sheetStatus: 'complete', version: 2 });
    // A stale version is refused.
    const stale = await put(experts[0]!, `${panelUrl()}/me`, { answers: full, version: 1 });
    expect(stale.statusCode).toBe(409);

    // Expert 2 has not scored: it sees who sits, not their sheets, and no aggregate.
    const before = await panelOf(experts[1]!);
    expect(before.aggregate).toBeNull();
    expect(before.members.find((m: Member) => m.name === '王立法').answers).toBeNull();
    expect(before.passCheck).toBeNull();

    // Expert 2 saves half the points first, incomplete.
    const partial = await put(experts[1]!, `${panelUrl()}/me`, { answers: { 'i1.1': { score: 4 } } });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json().members.find((m: Member) => m.mine).sheetStatus).toBe('partial');
    expect(partial.json().aggregate).toBeNull();

    // Every item scored but no comment yet: still incomplete, each item listed as lacking its comment.
    const uncommented = await put(experts[1]!, `${panelUrl()}/me`, {
      answers: answerAll(rubric, 0.5),
      version: partial.json().members.find((m: Member) => m.mine).version,
    });
    expect(uncommented.statusCode, uncommented.body).toBe(200);
    const own = uncommented.json().members.find((m: Member) => m.mine) as Member;
    expect(own.sheetStatus).toBe('partial');
    expect(own.missing?.every((g) => g.code === 'no_comment')).toBe(true);
    expect(own.missing?.map((g) => g.nodeId)).toEqual(expect.arrayContaining(['i1.1', 'i6.2', 'b1']));
    // Named as the sheet shows the item (its indicator, its place), not by the rubric's internal id.
    expect(own.missing?.[0]?.message).toBe(
      '“组织机构”第 1 项尚未填写评分意见：成立由本单位负责人牵头的商业秘密保护工作领导小组',
    );
    expect(own.missing?.find((g) => g.nodeId === 'b1')?.message).toMatch(/^“[^”]+”第 1 项尚未填写评分意见：/);
    expect(own.missing?.some((g) => /[a-z]\d/.test(g.message))).toBe(false);
    expect(uncommented.json().aggregate).toBeNull();
    // The others' sheets, and what they lack, stay hidden from it.
    expect(uncommented.json().members.find((m: Member) => m.name === '王立法').missing).toBeNull();

    const half = expertSheet(rubric, 0.5) as Record<string, { score?: number; note?: string }>;
    half['i4.1'] = { score: 7, note: '年度计划基本完整' };
    const done = await put(experts[1]!, `${panelUrl()}/me`, {
      answers: half,
      comment: '制度较完善，活动开展不足。',
      version: own.version,
    });
    expect(done.statusCode, done.body).toBe(200);
    // Complete now: expert 2 sees the others' sheets and the aggregate.
    expect(done.json().aggregate).not.toBeNull();
    expect(done.json().members.find((m: Member) => m.name === '王立法').answers['i1.1'].note).toBe(
      '领导小组由总经理牵头，文件齐全',
    );

    const zero = await put(experts[2]!, `${panelUrl()}/me`, { answers: expertSheet(rubric, 0, '不符合要求') });
    expect(zero.statusCode, zero.body).toBe(200);
  });

  it('shows per item the mean, median and spread, flagging disagreement; a recusal drops the sheet', async () => {
    let panel = await panelOf(putuo);
    expect(panel.aggregate.expertCount).toBe(3);
    expect(item(panel, 'i1.1').stats).toEqual({ count: 3, mean: 4, median: 4, min: 0, max: 8, spread: 8 });
    expect(item(panel, 'i1.1').disagreement).toBe(true);
    expect(item(panel, 'i1.1')).toMatchObject({ label: '“组织机构”第 1 项', gate: null });
    // An expert scored 8, the mean is 0: the result says why (the metric gate), with the figures.
    expect(item(panel, 'i5.1')).toMatchObject({
      label: '“活动开展”第 1 项',
      stats: { mean: 0 },
      gate: {
        reason: '系统核验未通过：近12个月业务指导 0 次，要求不少于 2 次，本项按 0 分计',
        entered: [
          { expertId: ids[0], score: 8 },
          { expertId: ids[1], score: 4 },
          { expertId: ids[2], score: 0 },
        ],
      },
    });
    const totals = panel.aggregate.experts.map((e: { grandTotal: number }) => e.grandTotal);
    const mean3 = Math.round(((totals[0] + totals[1] + totals[2]) * 100) / 3) / 100;
    expect(panel.aggregate.meanTotal).toBe(mean3);
    // The total over the experts' totals (full marks, half marks, nothing — the applicant's data gates some items):
    // median the middle one, spread highest − lowest, far above 15 % of the 100 points.
    expect(totals).toEqual([85, 46.5, 0]);
    expect(panel.aggregate.total).toEqual({ count: 3, mean: 43.83, median: 46.5, min: 0, max: 85, spread: 85 });
    expect(panel.aggregate.totalDisagreement).toBe(true);
    expect(panel.members.every((m: Member) => m.sheetStatus === 'complete' && m.missing?.length === 0)).toBe(true);
    expect(panel.members.find((m: Member) => m.name === '王立法').answers['i1.1'].note).toBe(
      '领导小组由总经理牵头，文件齐全',
    );

    // The third expert withdraws; an expert cannot withdraw someone else.
    expect((await experts[0]!.post(`${panelUrl()}/${ids[2]}/recusal`, { reason: '代为申请' })).statusCode).toBe(403);
    expect((await experts[2]!.post(`${panelUrl()}/${ids[2]}/recusal`, { reason: '' })).statusCode).toBe(400);
    const recused = await experts[2]!.post(`${panelUrl()}/${ids[2]}/recusal`, {
      reason: '近期与申报单位存在业务往来，申请回避',
    });
    expect(recused.statusCode, recused.body).toBe(204);
    expect((await putuo.post(`${panelUrl()}/${ids[2]}/recusal`, { reason: '重复' })).statusCode).toBe(409);
    // It no longer sees the application nor scores.
    expect((await experts[2]!.get(panelUrl())).statusCode).toBe(404);
    expect((await put(experts[2]!, `${panelUrl()}/me`, { answers: {} })).statusCode).toBe(404);
    // And may not be seated again.
    expect((await putuo.post(panelUrl(), { expertId: ids[2] })).json().message).toContain('已回避');

    panel = await panelOf(putuo);
    expect(panel.members.find((m: Member) => m.name === '沈第三')).toMatchObject({ sheetStatus: 'recused' });
    expect(panel.aggregate.expertCount).toBe(2);
    expect(panel.aggregate.meanTotal).toBe(Math.round((totals[0] + totals[1]) * 50) / 100);
    // Two experts: the median halfway between them, the spread their difference.
    expect(panel.aggregate.total).toMatchObject({
      count: 2,
      median: panel.aggregate.meanTotal,
      spread: totals[0] - totals[1],
    });
    expect(panel.aggregate.totalDisagreement).toBe(totals[0] - totals[1] >= 15);
    const i11 = item(panel, 'i1.1');
    expect(i11.scores.map((s) => s.expertId)).toEqual([ids[0], ids[1]]);
    expect(i11.stats).toEqual({ count: 2, mean: 6, median: 6, min: 4, max: 8, spread: 4 });
    expect(i11.disagreement).toBe(true);
    // 8 against 7 on an 8-point item: within 30 %, no flag.
    expect(item(panel, 'i4.1')).toMatchObject({ disagreement: false, stats: { spread: 1, median: 7.5 } });
    expect(panel.aggregate.disagreements).toContain('i1.1');
    expect(panel.aggregate.disagreements).not.toContain('i4.1');
  });

  it('shows the applicant who sits, without scores; the applicant may raise a conflict against a member', async () => {
    const panel = await panelOf(applicant);
    expect(panel.view).toBe('members');
    expect(panel.aggregate).toBeNull();
    expect(panel.rubric).toBeNull();
    expect(panel.members.every((m: Member) => m.answers === null && m.sheetStatus === null)).toBe(true);

    const unitId = (await applicant.get('/api/v1/auth/me')).json().user.unitId;
    const declared = await applicant.post(`/api/v1/experts/${ids[1]}/conflicts`, {
      unitId,
      kind: 'declared_other',
      note: '该专家所在机构曾为我司竞争对手提供服务',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    // Not for another unit.
    const forOther = await applicant.post(`/api/v1/experts/${ids[1]}/conflicts`, {
      unitId: await unitIdByName(putuo, '上海云衡软件科技有限公司'),
      kind: 'declared_other',
    });
    expect(forOther.statusCode).toBe(403);

    const officerView = await panelOf(putuo);
    expect(officerView.passCheck.problems.map((p: { code: string }) => p.code)).toContain('conflict_of_interest');
    const dismissed = await putuo.post(`/api/v1/conflicts/${declared.json().id}/decision`, { status: 'dismissed' });
    expect(dismissed.statusCode, dismissed.body).toBe(200);
  });

  it('records acceptance activities by the programme’s methods only', async () => {
    const url = `/api/v1/applications/${application.id}/acceptance-activities`;
    const ok = await putuo.post(url, {
      method: 'expert_evaluation',
      occurredOn: '2022-03-14',
      people: '王立法、陈信安；普陀区市场监管局公平交易科',
      findings: '对照示范点验收评价标准逐项评定，台账记录偏少。',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ method: 'expert_evaluation', recordedByName: '普陀区市场监督管理局' });

    const wrongMethod = await putuo.post(url, {
      method: 'site_visit',
      occurredOn: '2022-03-14',
      people: '某某',
      findings: '某某',
    });
    expect(wrongMethod.statusCode).toBe(400);
    expect(wrongMethod.json().fields[0]).toEqual({
      path: 'method',
      message: '本方案的验收方式为“专家综合评定”，不含“实地考察”',
    });
    const future = await putuo.post(url, {
      method: 'expert_evaluation',
      occurredOn: '2022-04-01',
      people: '某',
      findings: '某',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().fields[0].path).toBe('occurredOn');
    expect(
      (
        await applicant.post(url, {
          method: 'expert_evaluation',
          occurredOn: '2022-03-14',
          people: '某',
          findings: '某',
        })
      ).statusCode,
    ).toBe(403);

    expect((await experts[0]!.get(url)).json().total).toBe(1);
    expect((await applicant.get(url)).statusCode).toBe(403);
  });

  it('blocks pass until every sitting expert has scored and an opinion is written, then passes', async () => {
    const detail = async () => (await putuo.get(`/api/v1/applications/${application.id}`)).json();
    let current = await detail();
    // No opinion yet.
    const noOpinion = await putuo.post(`/api/v1/applications/${application.id}/transitions`, {
      action: 'pass',
      version: current.version,
    });
    expect(noOpinion.statusCode).toBe(409);
    expect(noOpinion.json().message).toBe('尚不能验收通过：请先填写综合验收意见');

    // A fourth expert joins and has not scored: blocked again, naming it.
    const late = await newExpert(t, putuo, 'expert-late', {
      name: '钟迟到',
      affiliation: '上海大学',
      jurisdictionCode: '310107',
    });
    expect((await putuo.post(panelUrl(), { expertId: late.id })).statusCode).toBe(201);
    const opinionUrl = `/api/v1/applications/${application.id}/acceptance-opinion`;
    const staleOpinion = await put(putuo, opinionUrl, { opinion: '同意通过。', version: current.version - 1 });
    expect(staleOpinion.statusCode).toBe(409);
    expect((await put(applicant, opinionUrl, { opinion: '同意', version: current.version })).statusCode).toBe(403);
    const written = await put(putuo, opinionUrl, {
      opinion: '经专家综合评定，该单位商业秘密保护工作成效较为突出，同意通过验收。',
      version: current.version,
    });
    expect(written.statusCode, written.body).toBe(200);
    expect(written.json()).toMatchObject({ version: current.version + 1 });
    current = await detail();
    const unscored = await putuo.post(`/api/v1/applications/${application.id}/transitions`, {
      action: 'pass',
      version: current.version,
    });
    expect(unscored.statusCode).toBe(409);
    expect(unscored.json().message).toBe('尚不能验收通过：还有 1 名专家尚未完成评分（钟迟到）');

    // Scores without comments do not complete the sheet: still blocked; the bureau sees what is missing.
    expect((await put(late.client, `${panelUrl()}/me`, { answers: answerAll(rubric, 0.5) })).statusCode).toBe(200);
    const uncommented = await panelOf(putuo);
    expect(uncommented.passCheck.problems.map((p: { message: string }) => p.message)).toEqual([
      '还有 1 名专家尚未完成评分（钟迟到）',
    ]);
    const lateMember = uncommented.members.find((m: Member) => m.name === '钟迟到') as Member;
    expect(lateMember.sheetStatus).toBe('partial');
    expect(lateMember.missing?.[0]).toMatchObject({ nodeId: 'i1.1', code: 'no_comment' });
    expect(
      (await put(late.client, `${panelUrl()}/me`, { answers: expertSheet(rubric, 0.5), version: lateMember.version }))
        .statusCode,
    ).toBe(200);
    const ready = await panelOf(putuo);
    expect(ready.passCheck).toEqual({ ready: true, problems: [] });
    expect(ready.aggregate.expertCount).toBe(3);

    const passed = await act(putuo, current, 'pass', { comment: '同意' });
    expect(passed.status).toBe('acceptance_passed');
    expect(passed.acceptanceOpinion).toBe('经专家综合评定，该单位商业秘密保护工作成效较为突出，同意通过验收。');

    // Closed: no more scoring, assigning or recording.
    const after = await put(experts[0]!, `${panelUrl()}/me`, { answers: expertSheet(rubric, 1) });
    expect(after.statusCode).toBe(409);
    expect(after.json().message).toBe('当前状态为“验收通过”，只有验收中的申报可以评分');

    const audit = (
      await (await t.login('admin')).get(`/api/v1/audit?entityType=application&entityId=${application.id}&pageSize=100`)
    ).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'panel.assign',
        'panel.recuse',
        'panel.score',
        'acceptance.record',
        'acceptance.opinion',
        'application.transition',
      ]),
    );
  });

  it('fails an application with a reason; without one it is refused', async () => {
    const { client } = await newApplicantUnit(t, '310107', 'fail-unit');
    let other = await submittedApplication(client, 'putuo-2022', 'point');
    other = await act(putuo, other, 'start_acceptance');
    const bare = await putuo.post(`/api/v1/applications/${other.id}/transitions`, {
      action: 'fail',
      version: other.version,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({
      code: 'validation_failed',
      fields: [{ path: 'comment', message: '请填写验收不通过的意见' }],
    });
    const failed = await act(putuo, other, 'fail', { comment: '未配备专职保密员，台账记录缺失，不予通过。' });
    expect(failed).toMatchObject({
      status: 'acceptance_failed',
      acceptanceOpinion: '未配备专职保密员，台账记录缺失，不予通过。',
    });
    const closed = await putuo.post(`/api/v1/applications/${other.id}/panel`, { expertId: ids[0] });
    expect(closed.statusCode).toBe(409);
  });
});

describe('acceptance of a Shaoxing point against its checklist', () => {
  let t: TestApp;
  let shaoxing: Client;
  let application: { id: string; version: number };

  beforeAll(async () => {
    t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
    shaoxing = await t.login('shaoxing');
    const keqiao = await t.login('keqiao');
    const submitted = await submittedApplication(await t.login('applicant2'), 'shaoxing-2021', 'point');
    const recommended = await act(keqiao, submitted, 'recommend', { comment: '经审核，同意推荐。' });
    application = await act(shaoxing, recommended, 'start_acceptance');
  });
  afterAll(async () => {
    await t.close();
  });

  it('passes only when every condition is met in the majority view of the panel', async () => {
    const url = `/api/v1/applications/${application.id}/panel`;
    // The county reviewed but does not run the acceptance: it sees who sits, cannot assign.
    const keqiao = await t.login('keqiao');
    const a = await newExpert(t, shaoxing, 'sx-expert-a', {
      name: '孙越法',
      affiliation: '绍兴文理学院',
      jurisdictionCode: '330600',
    });
    const b = await newExpert(t, shaoxing, 'sx-expert-b', {
      name: '钱纺织',
      affiliation: '绍兴市纺织工程学会',
      jurisdictionCode: '330600',
    });
    const c = await newExpert(t, shaoxing, 'sx-expert-c', {
      name: '李鉴定',
      affiliation: '浙江某司法鉴定所',
      jurisdictionCode: '330600',
    });
    expect((await keqiao.post(url, { expertId: a.id })).statusCode).toBe(403);
    expect((await (await t.login('putuo')).post(url, { expertId: a.id })).statusCode).toBe(404);
    for (const e of [a, b]) expect((await shaoxing.post(url, { expertId: e.id })).statusCode).toBe(201);
    expect((await keqiao.get(url)).json().view).toBe('members');

    const rubric = (await shaoxing.get(url)).json().rubric as Rubric;
    const allMet = answerAll(rubric);
    expect((await put(a.client, `${url}/me`, { answers: allMet })).statusCode).toBe(200);
    // 002 art. 11(4) as the programme states it: a 验收组 of at least two, written pre-review and site visit recorded.
    const early = (await shaoxing.get(url)).json();
    expect(early.passCheck.problems.map((p: { message: string }) => p.message)).toEqual(
      expect.arrayContaining([
        '本方案要求验收组至少 2 名专家完成评分，目前 1 名',
        '本方案要求记录的验收方式尚未记录：“书面预审”、“实地考察”',
      ]),
    );
    const oneShort = { ...allMet, 'c2.r1': { met: false, note: '现场未见固定办公场所' } };
    expect((await put(b.client, `${url}/me`, { answers: oneShort })).statusCode).toBe(200);

    const visit = await shaoxing.post(`/api/v1/applications/${application.id}/acceptance-activities`, {
      method: 'site_visit',
      occurredOn: '2021-08-30',
      people: '孙越法、钱纺织；市局竞争执法处',
      findings: '实地查看办公场所与保密措施。',
    });
    expect(visit.statusCode, visit.body).toBe(201);

    let detail = (await shaoxing.get(`/api/v1/applications/${application.id}`)).json();
    const opinion = await put(shaoxing, `/api/v1/applications/${application.id}/acceptance-opinion`, {
      opinion: '验收组认为该企业基本符合市级示范点条件。',
      version: detail.version,
    });
    expect(opinion.statusCode, opinion.body).toBe(200);
    const split = opinion.json();
    expect(split.aggregate).toMatchObject({ form: 'checklist', passedByMajority: false, passedUnanimously: false });
    detail = (await shaoxing.get(`/api/v1/applications/${application.id}`)).json();
    const blocked = await shaoxing.post(`/api/v1/applications/${application.id}/transitions`, {
      action: 'pass',
      version: detail.version,
    });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().message).toBe(
      '尚不能验收通过：本方案要求记录的验收方式尚未记录：“书面预审”；按验收组多数意见，尚有条件不符合：“工作保障到位”',
    );
    expect(blocked.json().reason).toBe('methods_not_recorded');
    const prereview = await shaoxing.post(`/api/v1/applications/${application.id}/acceptance-activities`, {
      method: 'written_prereview',
      occurredOn: '2021-08-25',
      people: '孙越法、钱纺织',
      findings: '申报材料齐全。',
    });
    expect(prereview.statusCode, prereview.body).toBe(201);
    detail = (await shaoxing.get(`/api/v1/applications/${application.id}`)).json();
    const stillSplit = await shaoxing.post(`/api/v1/applications/${application.id}/transitions`, {
      action: 'pass',
      version: detail.version,
    });
    expect(stillSplit.json().message).toBe('尚不能验收通过：按验收组多数意见，尚有条件不符合：“工作保障到位”');

    // A third expert finds it met: two of three is a majority.
    expect((await shaoxing.post(url, { expertId: c.id })).statusCode).toBe(201);
    expect((await put(c.client, `${url}/me`, { answers: allMet })).statusCode).toBe(200);
    const panel = (await shaoxing.get(url)).json();
    expect(panel.aggregate).toMatchObject({ passedByMajority: true, passedUnanimously: false });
    const req = panel.aggregate.requirements.find((r: { id: string }) => r.id === 'c2.r1');
    expect(req).toMatchObject({ majority: true, allMet: false, disagreement: true });
    expect(req.notMetBy).toEqual([b.id]);
    // Per condition, who found all of it met (2 of 3 here); checklist sheets need no comment to be complete.
    expect(panel.aggregate.conditions.find((cond: { id: string }) => cond.id === 'c2')).toMatchObject({
      metBy: [a.id, c.id],
      majority: true,
      allMet: false,
    });
    expect(panel.members.every((m: Member) => m.sheetStatus === 'complete')).toBe(true);
    const passed = await act(shaoxing, detail, 'pass');
    expect(passed.status).toBe('acceptance_passed');
  });
});

describe('an expert’s to-do list', () => {
  let t: TestApp;
  let putuo: Client;

  beforeAll(async () => {
    t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15' } });
    putuo = await t.login('putuo');
  });
  afterAll(async () => {
    await t.close();
  });

  const todo = async (client: Client) => {
    const res = await client.get('/api/v1/applications?todo=true');
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json()
      .items.map((a: { id: string }) => a.id)
      .sort() as string[];
  };

  it('holds only the panels where the expert sits, not recused, and its sheet is not complete yet', async () => {
    const [e1, e2, e3] = [await t.login('expert1'), await t.login('expert2'), await t.login('expert3')];
    const [id1, id2, id3] = [await expertIdOf(e1), await expertIdOf(e2), await expertIdOf(e3)];
    const underAcceptance = async (username: string) => {
      const { client } = await newApplicantUnit(t, '310107', username);
      return act(putuo, await submittedApplication(client, 'putuo-2022', 'point'), 'start_acceptance');
    };
    const a = await underAcceptance('todo-a');
    const b = await underAcceptance('todo-b');
    const unassigned = await underAcceptance('todo-c');
    for (const id of [id1, id2, id3])
      expect((await putuo.post(`/api/v1/applications/${a.id}/panel`, { expertId: id })).statusCode).toBe(201);
    expect((await putuo.post(`/api/v1/applications/${b.id}/panel`, { expertId: id1 })).statusCode).toBe(201);
    const sorted = (...ids: string[]) => [...ids].sort();
    expect(await todo(e1)).toEqual(sorted(a.id, b.id));
    expect(await todo(e2)).toEqual([a.id]);
    expect(await todo(e3)).toEqual([a.id]);
    expect(await todo(e1)).not.toContain(unassigned.id);

    // A complete sheet takes the panel off the list; a sheet saved part-way keeps it there.
    const rubric = (await putuo.get(`/api/v1/applications/${a.id}/panel`)).json().rubric as Rubric;
    expect((await put(e1, `/api/v1/applications/${a.id}/panel/me`, { answers: expertSheet(rubric) })).statusCode).toBe(
      200,
    );
    expect(await todo(e1)).toEqual([b.id]);
    const partial = await put(e2, `/api/v1/applications/${a.id}/panel/me`, { answers: { 'i1.1': { score: 4 } } });
    expect(partial.json().members.find((m: Member) => m.mine).sheetStatus).toBe('partial');
    expect(await todo(e2)).toEqual([a.id]);
    expect((await put(e2, `/api/v1/applications/${a.id}/panel/me`, { answers: expertSheet(rubric) })).statusCode).toBe(
      200,
    );
    expect(await todo(e2)).toEqual([]);

    // A recused expert has nothing left to do there.
    const recused = await e3.post(`/api/v1/applications/${a.id}/panel/${id3}/recusal`, {
      reason: '与申报单位存在业务往来',
    });
    expect(recused.statusCode, recused.body).toBe(204);
    expect(await todo(e3)).toEqual([]);

    // Once acceptance is over the panel is off the list, scored or not.
    await act(putuo, b, 'fail', { comment: '材料不实，不予通过。' });
    const list = await e1.get('/api/v1/applications?todo=true');
    expect(list.json()).toMatchObject({ items: [], total: 0 });
  });
});
