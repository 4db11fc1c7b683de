/** Bodies and steps shared by the rights tests and the authorisation matrix. */
import { expect } from 'vitest';
import type { Client, TestApp } from './app';

export function clueBody(overrides: Record<string, unknown> = {}) {
  return {
    source: 'unit',
    holder: { name: '绍兴柯桥锦程纺织印染有限公司' },
    infringers: [{ kind: 'unit', name: '绍兴某某印染科技有限公司', creditCode: null, relation: '前员工新设公司' }],
    secretKinds: ['process', 'formula'],
    secretDescription: '活性染料低温染色工艺参数及助剂配方',
    leakChannels: ['departing_employee'],
    leakDescription: '技术主管离职后加入竞争对手',
    protectionMeasures: ['confidentiality_agreement', 'rules'],
    facts: '竞争对手在离职员工入职三个月后推出同类工艺产品',
    estimatedLossYuan: 120_000,
    urgency: 'urgent',
    requestedRoute: 'administrative',
    ...overrides,
  };
}

export function publicBody(overrides: Record<string, unknown> = {}) {
  const { source: _source, ...rest } = clueBody();
  return { ...rest, jurisdictionCode: '330603', secret: 'follow-me-2024', ...overrides };
}

/** An officer account of a jurisdiction, created by the administrator. */
export async function makeOfficer(t: TestApp, username: string, jurisdictionCode: string, displayName: string) {
  const admin = await t.login('admin');
  const res = await admin.post('/api/v1/users', {
    username,
    displayName,
    password: 'officer-1234',
    role: 'officer',
    jurisdictionCode,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, client: await t.login(username, 'officer-1234') };
}

/** Reports as `reporter`, assigns `handlerId` as `assigner`; returns the clue's id and version. */
export async function reportedAndAssigned(reporter: Client, assigner: Client, handlerId: string, body = clueBody()) {
  const created = await reporter.post('/api/v1/rights/clues', body);
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const assigned = await assigner.post(`/api/v1/rights/clues/${id}/handlers`, { handlerIds: [handlerId], version: 1 });
  expect(assigned.statusCode, assigned.body).toBe(200);
  return { id, clueNo: created.json().clueNo as string, version: assigned.json().version as number };
}

export async function userId(client: Client): Promise<string> {
  return (await client.get('/api/v1/auth/me')).json().user.id;
}
