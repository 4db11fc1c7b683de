/**
 * The register of people (issue 13): the registry's experts with roles, profession, fields, local industries, level
 * and availability; records of use; panel suggestions that never include a conflicted member. Denials for every
 * endpoint: other bureau, applicant, expert, anonymous.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPersonUse } from '../src/server/domain/experts/person-records';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { act, submittedApplication } from './helpers/applications';
import { clueBody } from './helpers/rights';

let t: TestApp;
let admin: Client;
let shaoxing: Client;
let keqiao: Client;
let putuo: Client;
let applicant2: Client;

interface Person {
  id: string;
  name: string;
  roles: string[];
  fields: string[];
  localIndustries: string[];
  level: string | null;
  profession: string | null;
  availability: string;
  version: number;
}

/** A person of Shaoxing's register, with a login when `username` is given. */
async function person(fields: Record<string, unknown>, username?: string): Promise<Person> {
  let userId: string | undefined;
  if (username) {
    const user = await admin.post('/api/v1/users', {
      username,
      displayName: String(fields.name),
      password: 'expert-1234',
      role: 'expert',
    });
    expect(user.statusCode, user.body).toBe(201);
    userId = user.json().id;
  }
  const res = await shaoxing.post('/api/v1/experts', {
    affiliation: '绍兴文理学院',
    field: 'industry',
    jurisdictionCode: '330600',
    ...fields,
    ...(userId ? { userId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp({ env: { BUSINESS_DATE: '2021-09-01' } });
  admin = await t.login('admin');
  shaoxing = await t.login('shaoxing');
  keqiao = await t.login('keqiao');
  putuo = await t.login('putuo');
  applicant2 = await t.login('applicant2');
});
afterAll(async () => {
  await t.close();
});

describe('register of people', () => {
  it('keeps the registry’s experts as acceptance experts with their field', async () => {
    const items = (await admin.get('/api/v1/experts')).json().items as (Person & { field: string })[];
    expect(items.length).toBeGreaterThanOrEqual(3);
    for (const e of items) {
      expect(e.roles).toEqual(['acceptance_expert']);
      expect(e.fields).toEqual([e.field]);
      expect(e.availability).toBe('available');
    }
  });

  it('files people under roles, profession, fields, the bureau’s own industries and level', async () => {
    const judge = await person({
      name: '沈秉公',
      affiliation: '绍兴市中级人民法院',
      field: 'law',
      roles: ['think_tank', 'enforcement_talent'],
      profession: 'judge',
      fields: ['economics'],
      localIndustries: ['sx-rice-wine', 'sx-pearl'],
      industries: ['15'],
    });
    expect(judge).toMatchObject({
      roles: ['think_tank', 'enforcement_talent'],
      profession: 'judge',
      fields: ['law', 'economics'],
      localIndustries: ['sx-rice-wine', 'sx-pearl'],
      level: 'city',
    });
    const byRole = (await shaoxing.get('/api/v1/experts?role=think_tank')).json().items as Person[];
    expect(byRole.map((p) => p.name)).toEqual(['沈秉公']);
    const byLocal = (await shaoxing.get('/api/v1/experts?localIndustry=sx-pearl')).json().items as Person[];
    expect(byLocal.map((p) => p.name)).toEqual(['沈秉公']);
    expect((await shaoxing.get('/api/v1/experts?field=economics')).json().items).toHaveLength(1);
    expect((await shaoxing.get('/api/v1/experts?profession=judge')).json().items).toHaveLength(1);

    // Putuo's registry has no such list; an unknown code is refused by the schema.
    const foreign = await putuo.post('/api/v1/experts', {
      name: '周某',
      affiliation: '上海某律所',
      field: 'law',
      jurisdictionCode: '310107',
      localIndustries: ['sx-textile'],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields[0].path).toBe('localIndustries');
    const unknown = await shaoxing.post('/api/v1/experts', {
      name: '某',
      affiliation: '某',
      field: 'law',
      jurisdictionCode: '330600',
      localIndustries: ['no-such'],
    });
    expect(unknown.statusCode).toBe(400);

    // Editing: the main field stays among the fields; no role at all is refused; stale version 409.
    const edited = await shaoxing.patch(`/api/v1/experts/${judge.id}`, {
      version: judge.version,
      fields: ['it'],
      availability: 'limited',
      availabilityNote: '庭审繁忙，每月至多一次',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ fields: ['law', 'it'], availability: 'limited' });
    const noRole = await shaoxing.patch(`/api/v1/experts/${judge.id}`, { version: edited.json().version, roles: [] });
    expect(noRole.statusCode).toBe(400);
    const stale = await shaoxing.patch(`/api/v1/experts/${judge.id}`, { version: judge.version, roles: ['guide'] });
    expect(stale.statusCode).toBe(409);
  });
});

describe('records of use', () => {
  let talent: Person;
  beforeAll(async () => {
    talent = await person({
      name: '钱执法',
      affiliation: '柯桥区市场监督管理局',
      field: 'law',
      roles: ['enforcement_talent'],
      profession: 'officer',
      jurisdictionCode: '330603',
    });
  });

  it('records consultations, research and cases, and lists them by kind', async () => {
    expect(talent.level).toBe('district');
    const url = `/api/v1/experts/${talent.id}/records`;
    const one = await keqiao.post(url, {
      kind: 'case',
      occurredOn: '2021-08-20',
      title: '某纺织企业配方泄露案',
      caseRef: '绍柯市监处〔2021〕88号',
    });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({
      kind: 'case',
      caseRef: '绍柯市监处〔2021〕88号',
      recordedByName: expect.any(String),
    });
    expect(
      (await shaoxing.post(url, { kind: 'consultation', occurredOn: '2021-08-25', title: '认定咨询' })).statusCode,
    ).toBe(201);
    expect((await keqiao.post(url, { kind: 'case', occurredOn: '2099-01-01x', title: '坏日期' })).statusCode).toBe(400);

    const cases = (await shaoxing.get(`${url}?kind=case`)).json();
    expect(cases.items.map((r: { title: string }) => r.title)).toEqual(['某纺织企业配方泄露案']);
    expect((await keqiao.get(url)).json().total).toBe(2);

    // Other modules write theirs once per source (trainings: the session).
    const db = t.database.db;
    const use = {
      expertId: talent.id,
      kind: 'training_given' as const,
      occurredOn: '2021-08-28',
      title: '商业秘密保护大讲堂（柯桥分会场）授课',
      sourceType: 'training',
      sourceId: 'session-1',
    };
    expect(await recordPersonUse(db, use)).not.toBeNull();
    expect(await recordPersonUse(db, use)).toBeNull();
    expect((await keqiao.get(`${url}?kind=training_given`)).json().total).toBe(1);
  });

  it('refuses other bureaus, units, experts and the anonymous', async () => {
    const url = `/api/v1/experts/${talent.id}/records`;
    const body = { kind: 'research', occurredOn: '2021-08-01', title: '课题' };
    expect((await putuo.get(url)).statusCode).toBe(404);
    expect((await putuo.post(url, body)).statusCode).toBe(404);
    expect((await applicant2.get(url)).statusCode).toBe(404);
    expect((await applicant2.post(url, body)).statusCode).toBe(404);
    expect((await (await t.login('expert1')).get(url)).statusCode).toBe(404);
    expect((await t.anonymous.get(url)).statusCode).toBe(401);
    expect((await keqiao.get(url)).json().total).toBe(3);
  });

  it('links a case to a rights clue the officer may see, never to one it may not', async () => {
    const url = `/api/v1/experts/${talent.id}/records`;
    const inspection = (over: Record<string, unknown>) => clueBody({ source: 'inspection', ...over });
    const own = await keqiao.post('/api/v1/rights/clues', inspection({}));
    expect(own.statusCode, own.body).toBe(201);
    const foreign = await putuo.post(
      '/api/v1/rights/clues',
      inspection({ holder: { name: '上海普陀某精密机械有限公司' } }),
    );
    expect(foreign.statusCode, foreign.body).toBe(201);
    const body = { kind: 'case', occurredOn: '2021-08-30', title: '协助办理配方泄露线索' };

    const refused = await keqiao.post(url, { ...body, rightsClueId: foreign.json().id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields[0].path).toBe('rightsClueId');
    const unknown = await keqiao.post(url, { ...body, rightsClueId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toBe(refused.json().message);
    expect((await keqiao.get(url)).json().total).toBe(3);

    const linked = await keqiao.post(url, { ...body, rightsClueId: own.json().id });
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json()).toMatchObject({ rightsClueId: own.json().id, rightsClueNo: own.json().clueNo });
    // The city above sees the Keqiao clue and may link it too.
    expect((await shaoxing.post(url, { ...body, rightsClueId: own.json().id })).statusCode).toBe(201);
  });
});

describe('panel suggestions', () => {
  let application: { id: string; version: number };
  let textile: Person;
  let scholar: Person;
  let conflicted: Person;
  let colleague: Person;
  let thinkTankOnly: Person;
  let away: Person;
  const url = () => `/api/v1/applications/${application.id}/panel/suggestions`;

  beforeAll(async () => {
    const submitted = await submittedApplication(applicant2, 'shaoxing-2021', 'point');
    const recommended = await act(keqiao, submitted, 'recommend', { comment: '同意推荐。' });
    application = await act(shaoxing, recommended, 'start_acceptance');
    const unit = (await applicant2.get('/api/v1/units')).json().items[0] as { id: string; name: string };

    textile = await person(
      { name: '纺织甲', affiliation: '浙江理工大学', industries: ['17'], localIndustries: ['sx-textile'] },
      'ps-textile',
    );
    scholar = await person({ name: '法学乙', affiliation: '绍兴文理学院', field: 'law' }, 'ps-scholar');
    // The best match on paper, but a conflict is declared with the applicant.
    conflicted = await person(
      { name: '冲突丙', affiliation: '绍兴纺织研究院', industries: ['17'], localIndustries: ['sx-textile'] },
      'ps-conflict',
    );
    const declared = await shaoxing.post(`/api/v1/experts/${conflicted.id}/conflicts`, {
      unitId: unit.id,
      kind: 'former_employment',
      note: '2019年前任该企业技术总监',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    // Works for the applicant itself: a conflict read from the affiliation.
    colleague = await person({ name: '同单位丁', affiliation: unit.name, industries: ['17'] }, 'ps-colleague');
    thinkTankOnly = await person({ name: '智库戊', roles: ['think_tank'], industries: ['17'] }, 'ps-think');
    away = await person({ name: '外出己', industries: ['17'], availability: 'unavailable' }, 'ps-away');
  });

  it('ranks by industry and field match with reasons, and never includes a conflicted member', async () => {
    const res = await shaoxing.get(url());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      unitIndustry: string;
      items: { expertId: string; name: string; reasons: string[] }[];
      excluded: { expertId: string; conflicts: string[] }[];
    };
    const ids = body.items.map((i) => i.expertId);
    expect(ids[0]).toBe(textile.id);
    expect(ids).toContain(scholar.id);
    for (const out of [conflicted, colleague, thinkTankOnly, away]) expect(ids).not.toContain(out.id);
    expect(body.items[0]!.reasons).toEqual(
      expect.arrayContaining(['熟悉申报单位所属行业（纺织业）', '属本地纺织产业人才，与申报单位行业相符']),
    );
    expect(body.excluded.map((e) => e.expertId).sort()).toEqual([conflicted.id, colleague.id].sort());
    expect(body.excluded.find((e) => e.expertId === conflicted.id)!.conflicts[0]).toContain('曾任职');

    // Every suggestion can be seated: none is refused for a conflict of interest.
    for (const item of body.items.slice(0, 2)) {
      const seated = await shaoxing.post(`/api/v1/applications/${application.id}/panel`, { expertId: item.expertId });
      expect(seated.statusCode, seated.body).toBe(201);
    }
    const after = (await shaoxing.get(url())).json() as typeof body;
    expect(after.items.map((i) => i.expertId)).not.toContain(textile.id);
    expect(after.items.map((i) => i.expertId)).not.toContain(conflicted.id);
  });

  it('is for the programme’s owning bureau only', async () => {
    expect((await keqiao.get(url())).statusCode).toBe(403);
    expect((await putuo.get(url())).statusCode).toBe(404);
    expect((await applicant2.get(url())).statusCode).toBe(403);
    expect((await (await t.login('ps-textile', 'expert-1234')).get(url())).statusCode).toBe(403);
    expect((await (await t.login('expert2')).get(url())).statusCode).toBe(404);
    expect((await t.anonymous.get(url())).statusCode).toBe(401);
  });
});
