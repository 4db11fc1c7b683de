/**
 * An edit's answer is the record as that edit committed it. A second instance of the app runs on a database handle
 * that, right after a request's transaction commits, lets another user's edit of the same record commit (through the
 * first instance, as a concurrent request would). The first edit's answer must still show its own change and version,
 * not the later one: the answer is read inside the edit's transaction, not re-read after the commit.
 */
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app';
import type { Db } from '../src/server/db/client';
import { openEvidenceLog } from '../src/server/evidence/evidence-log';
import { buildTestApp, type Client, type TestApp } from './helpers/app';
import { answerAll, programmeId } from './helpers/applications';
import { buildUnit } from './helpers/factories';

let t: TestApp;
let second: FastifyInstance;
/**
 * The edit to commit right after the second instance's next transaction commits. Its only transactions are the
 * requests': its evidence sequencer runs on the plain handle.
 */
let afterNextCommit: (() => Promise<void>) | null = null;
let admin: Client;
let applicant: Client;

beforeAll(async () => {
  // 15 March 2022: Putuo's window (1–31 March 2022) is open.
  t = await buildTestApp({ env: { BUSINESS_DATE: '2022-03-15' } });
  const db = t.database.db;
  const racing = new Proxy(db, {
    get(target, prop) {
      if (prop === 'transaction') {
        return async (...args: Parameters<Db['transaction']>) => {
          const result = await target.transaction(...args);
          const edit = afterNextCommit;
          afterNextCommit = null;
          if (edit) await edit();
          return result;
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  second = await buildApp({
    config: t.config,
    database: { ...t.database, db: racing },
    serveWeb: false,
    evidence: await openEvidenceLog(db, t.config),
  });
  await second.ready();
  admin = await t.login('admin');
  applicant = await t.login('applicant1');
});
afterAll(async () => {
  await second?.close();
  await t.close();
});

/** The same session's request, sent to the second instance. */
function viaSecond(client: Client, options: InjectOptions) {
  return second.inject({
    ...options,
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, ...options.headers },
  });
}

/**
 * Edits `url` with `mine` through the second instance while `theirs` commits right after it; returns both answers
 * and the record as read afterwards.
 */
async function race(
  client: Client,
  method: 'PATCH' | 'PUT',
  url: string,
  version: number,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
) {
  let their: Awaited<ReturnType<Client['request']>> | null = null;
  afterNextCommit = async () => {
    their = await client.request({ method, url, payload: { ...theirs, version: version + 1 } });
  };
  const my = await viaSecond(client, { method, url, payload: { ...mine, version } });
  expect(my.statusCode, my.body).toBe(200);
  expect(their!.statusCode, their!.body).toBe(200);
  return { my: my.json(), their: their!.json() };
}

describe("an edit answers with the record as it committed it, not a concurrent later edit's", () => {
  it('ledger entries', async () => {
    const created = await applicant.post('/api/v1/ledger', {
      unitId: (await applicant.get('/api/v1/auth/me')).json().user.unitId,
      kind: 'training',
      occurredOn: '2022-03-01',
      title: '原标题',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const { my, their } = await race(
      applicant,
      'PATCH',
      `/api/v1/ledger/${id}`,
      version,
      { title: '我的修改' },
      {
        title: '他人随后的修改',
      },
    );
    expect(my).toMatchObject({ title: '我的修改', version: version + 1 });
    expect(their).toMatchObject({ title: '他人随后的修改', version: version + 2 });
  });

  it('units', async () => {
    const created = await admin.post('/api/v1/units', buildUnit());
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json().unit;
    const { my } = await race(
      admin,
      'PATCH',
      `/api/v1/units/${id}`,
      version,
      { address: '我的地址 1 号' },
      {
        address: '他人的地址 2 号',
      },
    );
    expect(my.unit).toMatchObject({ address: '我的地址 1 号', version: version + 1 });
  });

  it('accounts', async () => {
    const unit = (await admin.post('/api/v1/units', buildUnit())).json().unit;
    const created = await admin.post('/api/v1/users', {
      username: 'edit-race-user',
      displayName: '原名',
      password: 'applicant-123',
      role: 'applicant',
      unitId: unit.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const { my } = await race(
      admin,
      'PATCH',
      `/api/v1/users/${id}`,
      version,
      { displayName: '我的改名' },
      {
        displayName: '他人的改名',
      },
    );
    expect(my).toMatchObject({ displayName: '我的改名', version: version + 1 });
  });

  it('experts', async () => {
    const putuo = await t.login('putuo');
    const created = await putuo.post('/api/v1/experts', {
      name: '原专家名',
      affiliation: '上海明德律师事务所',
      field: 'law',
      jurisdictionCode: '310107',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    const { my } = await race(
      putuo,
      'PATCH',
      `/api/v1/experts/${id}`,
      version,
      { affiliation: '我的单位' },
      {
        affiliation: '他人的单位',
      },
    );
    expect(my).toMatchObject({ affiliation: '我的单位', version: version + 1 });
  });

  it('self-assessments and applications', async () => {
    const assessment = (
      await applicant.post('/api/v1/self-assessments', {
        programmeId: await programmeId(applicant, 'putuo-2022'),
        kindId: 'point',
      })
    ).json();
    const answers = answerAll(assessment.rubric);
    const saved = await race(
      applicant,
      'PATCH',
      `/api/v1/self-assessments/${assessment.id}`,
      assessment.version,
      { answers },
      { answers },
    );
    expect(saved.my.version).toBe(assessment.version + 1);
    expect(saved.their.version).toBe(assessment.version + 2);

    const created = await applicant.post('/api/v1/applications', { selfAssessmentId: assessment.id });
    expect(created.statusCode, created.body).toBe(201);
    const application = created.json();
    const { my } = await race(
      applicant,
      'PATCH',
      `/api/v1/applications/${application.id}`,
      application.version,
      {
        narrative: '我的工作开展情况',
      },
      { narrative: '他人的工作开展情况' },
    );
    expect(my).toMatchObject({ narrative: '我的工作开展情况', version: application.version + 1 });
  });
});
