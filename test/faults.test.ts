/**
 * Faults an operator meets: PostgreSQL dropping the app's connections under write load (the process must answer 503
 * meanwhile and never exit), a graceful shutdown on SIGTERM (drain, seal pending evidence, exit 0), and kill -9 under
 * mixed write load, repeatedly (every acknowledged write, its audit entry and its sealed evidence are there after a
 * restart on the same database). The process-level tests run the real server as a child process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openCheckpoint } from '../src/core/evidence/checkpoint';
import { hashLeaf, rootFromLeafHashes } from '../src/core/evidence/merkle';
import { parseSignerKey, parseVerifierKey, verifierKeyOf } from '../src/core/evidence/note';
import type { RequestContext } from '../src/server/context';
import { APPLICATION_NAME, type Database, openDatabase } from '../src/server/db/client';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { submitEvidence } from '../src/server/domain/evidence/submit-evidence';
import type { EvidenceSequencer } from '../src/server/evidence/sequencer';
import { buildTestApp, createPostgresDatabase, type TestApp, testDatabaseKind } from './helpers/app';
import { buildUnit } from './helpers/factories';
import {
  type DatabaseTarget,
  HttpClient,
  prepareDatabase,
  type ServerProcess,
  startServer,
} from './helpers/server-process';

const onPostgres = testDatabaseKind() === 'postgres';

type WriteKind = 'ledger' | 'unit' | 'evidence';
const KINDS: WriteKind[] = ['ledger', 'unit', 'evidence'];
interface Answer {
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown> | null;
}
/** Sends one write of a kind; the n-th write of the test. */
type Send = (kind: WriteKind, n: number) => Promise<Answer>;

const SUCCESS: Record<WriteKind, number> = { ledger: 201, unit: 201, evidence: 200 };

/** Valid bodies for the three writes: a ledger training (applicant1), a unit (putuo), an evidence digest (applicant1). */
function writeRequest(kind: WriteKind, n: number, unitId: string): { url: string; body: unknown } {
  if (kind === 'ledger') {
    return {
      url: '/api/v1/ledger',
      body: {
        unitId,
        kind: 'training',
        occurredOn: '2026-06-18',
        title: `故障演练培训 ${n}`,
        participants: 10,
        reachPercent: 50,
      },
    };
  }
  if (kind === 'unit') return { url: '/api/v1/units', body: buildUnit() };
  return {
    url: '/api/v1/evidence/entries',
    body: { algorithm: 'sha256', digest: randomBytes(32).toString('hex'), label: `故障演练存证 ${n}` },
  };
}

/** The id a successful write answered with. */
function writtenId(kind: WriteKind, body: Record<string, unknown> | null): string {
  const id = kind === 'unit' ? (body?.unit as { id?: string } | undefined)?.id : body?.id;
  if (typeof id !== 'string') throw new Error(`no id in the answer to a ${kind} write: ${JSON.stringify(body)}`);
  return id;
}

/** The unit an applicant's client acts for. */
async function unitOf(client: HttpClient): Promise<string> {
  const me = await client.send('GET', '/api/v1/auth/me');
  return (me.body as { user: { unitId: string } }).user.unitId;
}

/** Asserts an answer is the write's success or the 503 of an unreachable database, in Chinese with Retry-After. */
function expectSuccessOr503(kind: WriteKind, answer: Answer): void {
  if (answer.status === 503) {
    expect(answer.body).toEqual({ code: 'unavailable', message: '数据库暂时不可用，请稍后重试' });
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  } else {
    expect(answer.status, JSON.stringify(answer.body)).toBe(SUCCESS[kind]);
  }
}

/**
 * `writers` concurrent loops of `writesEach` mixed writes; after every second answer the app's PostgreSQL backends are
 * terminated (while the other loops' writes run). Resolves with every answer and how many backends were killed.
 */
async function writeWhileTerminating(send: Send, terminate: () => Promise<number>, writers = 4, writesEach = 6) {
  const answers: { kind: WriteKind; answer: Answer }[] = [];
  const terminations: Promise<number>[] = [];
  let n = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let i = 0; i < writesEach; i++) {
        const kind = KINDS[(w + i) % KINDS.length]!;
        answers.push({ kind, answer: await send(kind, n++) });
        if (answers.length % 2 === 0) terminations.push(terminate());
      }
    }),
  );
  const killed = (await Promise.all(terminations)).reduce((a, b) => a + b, 0);
  return { answers, killed };
}

/** A connection to the test server that terminates the app's backends on one database. */
async function backendTerminator(
  databaseUrl: string,
): Promise<{ terminate: () => Promise<number>; end: () => Promise<void> }> {
  const database = new URL(databaseUrl).pathname.slice(1);
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl'), application_name: 'faults-test' });
  await admin.connect();
  return {
    // With a timeout, pg_terminate_backend waits until the backend is gone, so when the test goes on every
    // terminated connection is really dead.
    terminate: async () => {
      const { rows } = await admin.query<{ n: string }>(
        `select count(*) filter (where pg_terminate_backend(pid, 5000)) as n from pg_stat_activity
          where datname = $1 and application_name = $2`,
        [database, APPLICATION_NAME],
      );
      return Number(rows[0]?.n ?? 0);
    },
    end: () => admin.end(),
  };
}

describe.runIf(onPostgres)('PostgreSQL drops the app’s connections during writes', () => {
  it('in process: every write answers success or 503, and the app serves normally afterwards', async () => {
    const t: TestApp = await buildTestApp();
    const terminator = await backendTerminator(t.config.DATABASE_URL!);
    try {
      const applicant = await t.login('applicant1');
      const putuo = await t.login('putuo');
      const unitId = (await applicant.get('/api/v1/auth/me')).json().user.unitId as string;
      const send: Send = async (kind, n) => {
        const { url, body } = writeRequest(kind, n, unitId);
        const res = await (kind === 'unit' ? putuo : applicant).post(url, body);
        return { status: res.statusCode, retryAfter: (res.headers['retry-after'] as string) ?? null, body: res.json() };
      };
      const { answers, killed } = await writeWhileTerminating(send, terminator.terminate);
      expect(killed).toBeGreaterThan(0);
      for (const { kind, answer } of answers) expectSuccessOr503(kind, answer);
      // One turn of the event loop's I/O phase: the pool hears that its idle connections were closed and drops them.
      await new Promise((resolve) => setImmediate(resolve));
      // Afterwards the pool has reconnected: every kind of write succeeds, and the health check is ok.
      for (const kind of KINDS) {
        const answer = await send(kind, 1000);
        expect(answer.status, JSON.stringify(answer.body)).toBe(SUCCESS[kind]);
      }
      expect((await t.anonymous.get('/api/v1/health')).statusCode).toBe(200);
    } finally {
      await terminator.end();
      await t.close();
    }
  }, 120_000);

  it('a real server process keeps running through repeated terminations, its evidence sequencer and mailer too', async () => {
    const created = await createPostgresDatabase();
    const keyDir = mkdtempSync(path.join(tmpdir(), 'shangmi-faults-keys-'));
    const target: DatabaseTarget = { databaseUrl: created.url, dataDir: keyDir, keyDir };
    await prepareDatabase(target);
    // The mailer runs a pass every 10 ms against an SMTP port nobody listens on: its transactions are cut too.
    const server = await startServer(target, { SMTP_URL: 'smtp://127.0.0.1:9', MAIL_INTERVAL_MS: '10' });
    const terminator = await backendTerminator(created.url);
    try {
      const applicant = await new HttpClient(server.url).login('applicant1', DEMO_PASSWORD);
      const putuo = await new HttpClient(server.url).login('putuo', DEMO_PASSWORD);
      const unitId = await unitOf(applicant);
      const send: Send = (kind, n) => {
        const { url, body } = writeRequest(kind, n, unitId);
        return (kind === 'unit' ? putuo : applicant).send('POST', url, body);
      };
      const { answers, killed } = await writeWhileTerminating(send, terminator.terminate);
      expect(killed).toBeGreaterThan(0);
      expect(server.child.exitCode, server.output()).toBeNull();
      for (const { kind, answer } of answers) expectSuccessOr503(kind, answer);
      // Still the same process, serving normally: an evidence submission is answered only once the sequencer sealed it.
      for (const kind of KINDS) {
        const answer = await send(kind, 1000);
        expect(answer.status, JSON.stringify(answer.body)).toBe(SUCCESS[kind]);
      }
      expect(server.child.exitCode, server.output()).toBeNull();
    } finally {
      await terminator.end();
      server.child.kill('SIGKILL');
      await server.exited;
      await created.drop();
      rmSync(keyDir, { recursive: true, force: true });
    }
  }, 120_000);
});

/** A database target of this project's kind: a fresh PostgreSQL database, or a PGlite data folder. */
async function newTarget(): Promise<{ target: DatabaseTarget; remove: () => Promise<void> }> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shangmi-faults-'));
  const keyDir = path.join(dataDir, 'keys');
  if (onPostgres) {
    const created = await createPostgresDatabase();
    return {
      target: { databaseUrl: created.url, dataDir, keyDir },
      remove: async () => {
        await created.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  return { target: { dataDir, keyDir }, remove: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

async function rows<T>(database: Database, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * The evidence log as stored is consistent: leaves numbered 0..n-1 without gaps, each leaf hash the hash of its
 * submission's entry, every checkpoint signed by the log key and its root the Merkle root of the first treeSize
 * leaves, the newest covering every leaf, and no submission left unsealed.
 */
async function expectConsistentEvidenceLog(database: Database, verifierKey: string): Promise<void> {
  const leaves = await rows<{ leaf_index: string; leaf_hash: Buffer; entry: Buffer }>(
    database,
    sql`select l.leaf_index, l.leaf_hash, s.entry from evidence_leaves l
        join evidence_submissions s on s.id = l.submission_id order by l.leaf_index`,
  );
  const leafHashes = leaves.map((leaf, i) => {
    expect(Number(leaf.leaf_index)).toBe(i);
    const hash = hashLeaf(new Uint8Array(leaf.entry));
    expect(Buffer.from(hash).equals(leaf.leaf_hash)).toBe(true);
    return hash;
  });
  const checkpoints = await rows<{ tree_size: string; root_hash: Buffer; signed_note: string }>(
    database,
    sql`select tree_size, root_hash, signed_note from evidence_checkpoints order by tree_size`,
  );
  const verifier = parseVerifierKey(verifierKey);
  for (const row of checkpoints) {
    const { checkpoint } = openCheckpoint(row.signed_note, verifier);
    expect(checkpoint.size).toBe(Number(row.tree_size));
    const root = rootFromLeafHashes(leafHashes.slice(0, checkpoint.size));
    expect(Buffer.from(checkpoint.rootHash).equals(Buffer.from(root))).toBe(true);
    expect(Buffer.from(root).equals(row.root_hash)).toBe(true);
  }
  expect(Number(checkpoints.at(-1)?.tree_size ?? 0)).toBe(leaves.length);
  const [unsealed] = await rows<{ n: string }>(
    database,
    sql`select count(*) as n from evidence_submissions s
        where not exists (select 1 from evidence_leaves l where l.submission_id = s.id)`,
  );
  expect(Number(unsealed?.n)).toBe(0);
  const [queued] = await rows<{ n: string }>(database, sql`select count(*) as n from evidence_queue`);
  expect(Number(queued?.n)).toBe(0);
}

const AUDIT_ENTITY: Record<WriteKind, string> = { ledger: 'ledger_entry', unit: 'unit', evidence: 'evidence' };
const TABLE: Record<WriteKind, string> = { ledger: 'ledger_entries', unit: 'units', evidence: 'evidence_submissions' };

/** Every acknowledged write is stored and has its audit entry. */
async function expectAcknowledgedWrites(database: Database, acknowledged: { kind: WriteKind; id: string }[]) {
  for (const kind of KINDS) {
    const ids = acknowledged.filter((a) => a.kind === kind).map((a) => a.id);
    const stored = new Set(
      (await rows<{ id: string }>(database, sql`select id::text as id from ${sql.identifier(TABLE[kind])}`)).map(
        (r) => r.id,
      ),
    );
    const audited = new Set(
      (
        await rows<{ id: string }>(
          database,
          sql`select entity_id as id from audit_log where entity_type = ${AUDIT_ENTITY[kind]}`,
        )
      ).map((r) => r.id),
    );
    expect(
      ids.filter((id) => !stored.has(id)),
      `${kind} acknowledged but missing`,
    ).toEqual([]);
    expect(
      ids.filter((id) => !audited.has(id)),
      `${kind} acknowledged without audit entry`,
    ).toEqual([]);
  }
}

describe('graceful shutdown', () => {
  it('the sequencer seals what is still queued when the app closes', async () => {
    const t = await buildTestApp({ env: { EVIDENCE_BATCH_INTERVAL_MS: '60000' } });
    try {
      const applicant = await t.login('applicant1');
      const me = (await applicant.get('/api/v1/auth/me')).json().user;
      const ctx: RequestContext = {
        actor: {
          id: me.id,
          username: 'applicant1',
          displayName: me.displayName,
          role: 'applicant',
          unitId: me.unitId,
          jurisdictionCode: null,
          jurisdictionPath: null,
          jurisdictionLevel: null,
        },
        ip: '127.0.0.1',
        userAgent: null,
        today: '2026-06-18',
      };
      // Queued, and not sealed within its (zero) wait: the timer is a minute away.
      const input = { algorithm: 'sha256', digest: randomBytes(32).toString('hex'), label: '停机前提交' };
      const sequencer = { notify() {} } as unknown as EvidenceSequencer;
      await expect(submitEvidence(t.database.db, ctx, input, sequencer, { waitMs: 0 })).rejects.toThrow('排队');
      const [before] = await rows<{ n: string }>(t.database, sql`select count(*) as n from evidence_queue`);
      expect(Number(before?.n)).toBe(1);
      await t.app.close();
      const [after] = await rows<{ n: string }>(t.database, sql`select count(*) as n from evidence_queue`);
      expect(Number(after?.n)).toBe(0);
      const [leaves] = await rows<{ n: string }>(t.database, sql`select count(*) as n from evidence_leaves`);
      expect(Number(leaves?.n)).toBe(1);
    } finally {
      await t.close();
    }
  }, 60_000);

  it('SIGTERM finishes the running requests, answers them, and exits 0', async () => {
    const { target, remove } = await newTarget();
    await prepareDatabase(target);
    // The regular seal is a minute away: the submissions are still waiting for their checkpoint when SIGTERM comes.
    const server = await startServer(target, { EVIDENCE_BATCH_INTERVAL_MS: '60000' });
    try {
      const applicant = await new HttpClient(server.url).login('applicant1', DEMO_PASSWORD);
      const submissions = Array.from({ length: 4 }, (_, n) =>
        applicant.send('POST', '/api/v1/evidence/entries', writeRequest('evidence', n, '').body),
      );
      // Wait (request after request, no timer) until all four are queued, i.e. their requests are running.
      for (;;) {
        const list = await applicant.send('GET', '/api/v1/evidence/entries');
        const items = (list.body?.items ?? []) as { status: string }[];
        if (items.length === 4) {
          expect(items.every((i) => i.status === 'pending')).toBe(true);
          break;
        }
      }
      server.child.kill('SIGTERM');
      const answers = await Promise.all(submissions);
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(200);
        expect(answer.body?.status).toBe('sealed');
      }
      expect(await server.exited).toEqual({ code: 0, signal: null });
      expect(server.output()).toContain('已停止');
      // New connections are refused once it stopped.
      await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
    } finally {
      server.child.kill('SIGKILL');
      await server.exited;
      await remove();
    }
  }, 120_000);
});

describe('kill -9 under mixed write load', () => {
  let target: DatabaseTarget;
  let remove: () => Promise<void> = async () => {};
  beforeAll(async () => {
    ({ target, remove } = await newTarget());
    await prepareDatabase(target);
  }, 120_000);
  afterAll(async () => {
    await remove();
  });

  it('every acknowledged write, its audit entry and its sealed evidence survive repeated kill -9', async () => {
    const acknowledged: { kind: WriteKind; id: string }[] = [];
    const KILLS = 2;
    const WRITERS = 3;
    let server: ServerProcess | null = null;
    let n = 0;
    try {
      for (let round = 0; round <= KILLS; round++) {
        server = await startServer(target);
        const current = server;
        const applicant = await new HttpClient(current.url).login('applicant1', DEMO_PASSWORD);
        const putuo = await new HttpClient(current.url).login('putuo', DEMO_PASSWORD);
        const unitId = await unitOf(applicant);
        if (round === KILLS) break;
        // kill -9 after a random number of acknowledged writes in this round, while the writers keep writing.
        const killAfter = 4 + Math.floor(Math.random() * 12);
        let acknowledgedThisRound = 0;
        let killed = false;
        await Promise.all(
          Array.from({ length: WRITERS }, async (_, w) => {
            for (let i = 0; !killed; i++) {
              const kind = KINDS[(w + i) % KINDS.length]!;
              const { url, body } = writeRequest(kind, n++, unitId);
              let answer: Answer;
              try {
                answer = await (kind === 'unit' ? putuo : applicant).send('POST', url, body);
              } catch {
                // No answer: the process is gone, the write is in doubt (it may or may not have committed).
                expect(killed).toBe(true);
                return;
              }
              expect(answer.status, JSON.stringify(answer.body)).toBe(SUCCESS[kind]);
              acknowledged.push({ kind, id: writtenId(kind, answer.body) });
              if (++acknowledgedThisRound === killAfter) {
                killed = true;
                current.child.kill('SIGKILL');
              }
            }
          }),
        );
        expect((await current.exited).signal).toBe('SIGKILL');
      }
      // The last start sealed what the killed processes left queued; stop it gracefully to read its database.
      server!.child.kill('SIGTERM');
      expect(await server!.exited).toEqual({ code: 0, signal: null });
    } finally {
      if (server && server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILLS * 4);
    const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
    try {
      await expectAcknowledgedWrites(database, acknowledged);
      const verifierKey = verifierKeyOf(
        parseSignerKey(readFileSync(path.join(target.keyDir, 'log-signer.key'), 'utf8').trim()),
      );
      await expectConsistentEvidenceLog(database, verifierKey);
    } finally {
      await database.close();
    }
  }, 180_000);
});
