/**
 * Province-scale benchmark (issue 15): the service over a generated province (`npm run cli -- demo generate --bases
 * 10000 --ledger 100000 --evidence 1000000`), on PostgreSQL (`province`) or PGlite (`province-pglite`). For each
 * endpoint — public registry search and detail, application and unit lists with filters, the targets roll-up, the
 * officer's dashboard, audit trail paging, a certificate PDF, an inclusion proof — it loads the real server and two
 * bare baselines in the same run, with the same closed-loop clients (bench/http-load.ts), and prints p50/p95, req/s
 * and the ratio of the throughputs:
 *
 * - **bare SQL**: the exact statements (text and parameters) one warm request of the endpoint sends to the database,
 *   recorded through Drizzle's logger from a request served in this process before the run, replayed one after the
 *   other per request through a bare `pg` Pool (PGlite: the same PGlite client) at the same concurrency. The list
 *   goal's "≥ 50 % of the bare baseline" is judged against it: what the database alone takes to answer.
 * - **bare Fastify**: a Fastify serving that endpoint's answer from memory (bench/bare-server.ts), for reference.
 *
 * The server under test (`node --import tsx src/server/main.ts`) and the bare Fastify each run in a process of their
 * own, so the load generator here shares no thread with them. Officer endpoints carry the session cookie of the
 * Shaoxing city bureau (330600), the bureau with most generated units in its subtree.
 *
 * Where: PROVINCE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/shangmi_province) or PROVINCE_DATA_DIR
 * (default ./data); the evidence key folder as the generator used it (EVIDENCE_KEY_DIR, default DATA_DIR/keys).
 * Load: BENCH_CONNECTIONS (default 10) clients for BENCH_SECONDS (default 5) per endpoint and per baseline;
 * BENCH_ONLY (a regular expression on the endpoint's name) runs only the endpoints it matches; BENCH_SQL=1 prints
 * the recorded statements of each endpoint.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { count, desc, eq } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type Database, openDatabase } from '../src/server/db/client';
import { bases, evidenceCheckpoints, programmes, units } from '../src/server/db/schema';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { openEvidenceLog } from '../src/server/evidence/evidence-log';
import { closedLoop, type LoadResult, load } from './http-load';
import { startServer } from './load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const OFFICER = 'shaoxing';
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const SHOW_SQL = process.env.BENCH_SQL === '1';

/** The issue's goals: lists and searches p95 < 20 ms at ≥ 50 % of the baseline's throughput; roll-ups < 50 ms. */
type Goal = 'list' | 'rollup' | 'document';
const GOALS: Record<Goal, { p95: number; ratio: number } | null> = {
  list: { p95: 20, ratio: 0.5 },
  rollup: { p95: 50, ratio: 0 },
  document: null,
};

interface Endpoint {
  name: string;
  path: string;
  officer: boolean;
  goal: Goal;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const PROVINCE_URL = process.env.PROVINCE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/shangmi_province';
const PROVINCE_DIR = path.resolve(process.env.PROVINCE_DATA_DIR ?? './data');

/** The endpoints, with real ids of the generated province. */
async function endpoints(database: Database): Promise<Endpoint[]> {
  const db = database.db;
  const [{ n: baseCount } = { n: 0 }] = await db.select({ n: count() }).from(bases);
  if (baseCount === 0) {
    throw new Error(
      `no bases: generate the province first (npm run cli -- demo generate --bases 10000 --ledger 100000 --evidence 1000000)`,
    );
  }
  const [base] = await db
    .select({ certificateNo: bases.certificateNo })
    .from(bases)
    .where(eq(bases.jurisdictionCode, '330602'))
    .orderBy(desc(bases.certificateNo))
    .limit(1);
  const [programme] = await db
    .select({ id: programmes.id })
    .from(programmes)
    .where(eq(programmes.code, 'shaoxing-2021'))
    .orderBy(desc(programmes.version))
    .limit(1);
  const [checkpoint] = await db
    .select({ size: evidenceCheckpoints.treeSize })
    .from(evidenceCheckpoints)
    .orderBy(desc(evidenceCheckpoints.treeSize))
    .limit(1);
  const [{ n: unitCount } = { n: 0 }] = await db.select({ n: count() }).from(units);
  console.log(
    `province: ${fmt(unitCount)} units, ${fmt(baseCount)} bases, evidence tree size ${fmt(checkpoint?.size ?? 0)}`,
  );
  const size = checkpoint?.size ?? 1;
  const no = encodeURIComponent(base!.certificateNo);
  return [
    // References: what a request costs with a bare database ping (health), and with the session lookup only (me).
    { name: 'ref: health (database ping)', path: '/api/v1/health', officer: false, goal: 'document' },
    { name: 'ref: auth/me (session only)', path: '/api/v1/auth/me', officer: true, goal: 'document' },
    {
      name: 'registry search (public)',
      path: '/api/v1/registry?q=%E7%A7%91%E6%8A%80&pageSize=20',
      officer: false,
      goal: 'list',
    },
    {
      name: 'registry filter jurisdiction+level',
      path: '/api/v1/registry?jurisdictionCode=330600&level=municipal&pageSize=20',
      officer: false,
      goal: 'list',
    },
    { name: 'registry detail (public)', path: `/api/v1/registry/${no}`, officer: false, goal: 'list' },
    {
      name: 'applications by status',
      path: '/api/v1/applications?status=under_acceptance&pageSize=20',
      officer: true,
      goal: 'list',
    },
    {
      name: 'applications by programme, p.20',
      path: `/api/v1/applications?programmeId=${programme!.id}&page=20&pageSize=20`,
      officer: true,
      goal: 'list',
    },
    { name: 'units search name', path: '/api/v1/units?q=%E7%B2%BE%E5%AF%86&pageSize=20', officer: true, goal: 'list' },
    {
      name: 'units filter industry',
      path: '/api/v1/units?industryCode=39&sort=name&pageSize=20',
      officer: true,
      goal: 'list',
    },
    { name: 'audit trail, page 1', path: '/api/v1/audit?pageSize=20', officer: true, goal: 'list' },
    { name: 'audit trail, page 200', path: '/api/v1/audit?page=200&pageSize=20', officer: true, goal: 'list' },
    { name: 'targets roll-up', path: `/api/v1/targets?programmeId=${programme!.id}`, officer: true, goal: 'rollup' },
    { name: 'dashboard: guidance', path: '/api/v1/guidance/officer', officer: true, goal: 'rollup' },
    {
      name: 'dashboard: to-do count',
      path: '/api/v1/applications?todo=true&pageSize=1',
      officer: true,
      goal: 'rollup',
    },
    { name: 'rights statistics', path: '/api/v1/rights/statistics', officer: true, goal: 'rollup' },
    // The "五个一" picture of the officer's city (the province has no officer account to read the province's).
    { name: 'picture, Shaoxing 2022', path: '/api/v1/picture?year=2022', officer: true, goal: 'rollup' },
    {
      name: 'picture with targets, Shaoxing',
      path: `/api/v1/picture?year=2022&programmeId=${programme!.id}`,
      officer: true,
      goal: 'rollup',
    },
    { name: 'certificate PDF', path: `/api/v1/registry/${no}/certificate`, officer: true, goal: 'document' },
    {
      name: 'inclusion proof',
      path: `/api/v1/evidence/proofs/inclusion?index=${Math.floor(size / 2) + 12_345 > size - 1 ? 0 : Math.floor(size / 2) + 12_345}&size=${size}`,
      officer: false,
      goal: 'list',
    },
  ];
}

/** One statement as Drizzle sent it. */
interface Statement {
  text: string;
  params: unknown[];
}

interface Recorded {
  /** The statements of one warm request, in the order sent. */
  statements: Statement[];
  /** The bare-SQL baseline: those statements replayed through a bare client (PGlite: measured in phase 1). */
  sql: LoadResult | null;
}

/** The bare-SQL baseline: each client sends one request's statements one after the other, then the next request's. */
const replay = (statements: Statement[], query: (s: Statement) => Promise<unknown>) =>
  statements.length === 0
    ? Promise.resolve(null)
    : closedLoop({ connections: CONNECTIONS, seconds: SECONDS }, async () => {
        for (const s of statements) await query(s);
        return { ok: true };
      });

/**
 * Phase 1, in this process: serves each endpoint once to warm it (session cached, programme definitions held) and
 * once more recording every statement. PGlite, which one process holds at a time, replays them here as the bare-SQL
 * baseline; PostgreSQL's replay runs in phase 2, beside the endpoint's own load, so both see the same machine.
 */
async function record(kind: 'postgres' | 'pglite') {
  let recording: Statement[] | null = null;
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    SEED_DEMO: '0',
    ...(kind === 'postgres' ? { DATABASE_URL: PROVINCE_URL } : { DATABASE_URL: undefined, DATA_DIR: PROVINCE_DIR }),
  });
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    logger: { logQuery: (text, params) => recording?.push({ text, params }) },
  });
  // The sequencer's timer would poll the evidence queue between a request's statements: off in this process (the
  // server under test, in phase 2, runs it as in production).
  const evidence = await openEvidenceLog(database.db, config);
  evidence.sequencer.start = () => {};
  const app = await buildApp({ config, database, evidence, serveWeb: false });
  const pglite = (database.db as unknown as { $client: PGlite }).$client;
  try {
    const list = (await endpoints(database)).filter((e) => !ONLY || ONLY.test(e.name));
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: OFFICER, password: DEMO_PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`login ${OFFICER} failed: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const recorded: Recorded[] = [];
    for (const e of list) {
      const request = () => app.inject({ method: 'GET', url: e.path, headers: e.officer ? { cookie } : {} });
      const warm = await request();
      if (warm.statusCode !== 200) throw new Error(`${e.name}: ${warm.statusCode} ${warm.body}`);
      recording = [];
      await request();
      const statements: Statement[] = recording;
      recording = null;
      if (SHOW_SQL) {
        console.log(`-- ${e.name}: ${statements.length} statements`);
        for (const s of statements) console.log(`${s.text.replace(/\s+/g, ' ')};  -- ${JSON.stringify(s.params)}`);
      }
      const sql =
        kind === 'pglite'
          ? await replay(statements, (s) => pglite.query(s.text, s.params, { rowMode: 'array' }))
          : null;
      recorded.push({ statements, sql });
    }
    return { list, recorded };
  } finally {
    await app.close();
    await database.close();
  }
}

export async function runProvinceBench(kind: 'postgres' | 'pglite'): Promise<void> {
  const { list, recorded } = await record(kind);
  const pool = kind === 'postgres' ? new pg.Pool({ connectionString: PROVINCE_URL, max: CONNECTIONS }) : null;
  // Phase 2: the server under test and the bare Fastify, each in its own process; only the load clients here.
  const env = {
    LOG_LEVEL: 'warn',
    SEED_DEMO: '0',
    HOST: '127.0.0.1',
    PORT: '0',
    ...(kind === 'postgres' ? { DATABASE_URL: PROVINCE_URL } : { DATABASE_URL: undefined, DATA_DIR: PROVINCE_DIR }),
  };
  const server = await startServer(env);
  const folder = await mkdtemp(path.join(tmpdir(), 'shangmi-bench-'));
  let bare: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    const origin = server.url;
    const login = await fetch(`${origin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: OFFICER, password: DEMO_PASSWORD }),
    });
    if (!login.ok) throw new Error(`login ${OFFICER} failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    // One answer of each endpoint, served from memory by the bare server.
    const answers = await Promise.all(
      list.map(async (e) => {
        const r = await fetch(origin + e.path, { headers: e.officer ? { cookie } : {} });
        if (!r.ok) throw new Error(`${e.name}: ${r.status} ${await r.text()}`);
        return { type: r.headers.get('content-type') ?? 'application/json', body: Buffer.from(await r.arrayBuffer()) };
      }),
    );
    const answersFile = path.join(folder, 'answers.json');
    await writeFile(
      answersFile,
      JSON.stringify(answers.map((a) => ({ type: a.type, body: a.body.toString('base64') }))),
    );
    bare = await startServer({ BENCH_ANSWERS: answersFile }, 'bench/bare-server.ts');

    console.log(
      `${kind}: ${CONNECTIONS} connections × ${SECONDS} s per run; server, bare Fastify and load clients in separate processes`,
    );
    console.log(
      "baselines: SQL = the statements of one request replayed through a bare client (the goal's baseline); " +
        'bare = Fastify serving the same answer from memory',
    );
    console.log(
      `${'endpoint'.padEnd(36)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'req/s'.padStart(7)} ${'q/req'.padStart(5)} ` +
        `${'SQL r/s'.padStart(8)} ${'ratio'.padStart(6)} ${'bare r/s'.padStart(8)} ${'ratio'.padStart(6)}  goal`,
    );
    for (const [i, e] of list.entries()) {
      const baseline = await load(`${bare.url}/baseline/${i}`, { connections: CONNECTIONS, seconds: SECONDS });
      if (pool) {
        recorded[i]!.sql = await replay(recorded[i]!.statements, (s) =>
          pool.query({ text: s.text, values: s.params, rowMode: 'array' }),
        );
      }
      const real = await load(origin + e.path, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers: e.officer ? { cookie } : {},
      });
      console.log(row(e, real, recorded[i]!, baseline, answers[i]!.body.length));
    }
  } finally {
    await bare?.stop();
    await server.stop();
    await pool?.end();
    await rm(folder, { recursive: true, force: true });
  }
}

function row(e: Endpoint, real: LoadResult, recorded: Recorded, bare: LoadResult, bytes: number): string {
  const sqlRatio = recorded.sql ? real.rps / recorded.sql.rps : null;
  const bareRatio = real.rps / bare.rps;
  // The goal's ratio is to the bare SQL; an endpoint that sends no statement is judged against the bare Fastify.
  const ratio = sqlRatio ?? bareRatio;
  const goal = GOALS[e.goal];
  const verdict = !goal
    ? '—'
    : real.p95 < goal.p95 && ratio >= goal.ratio
      ? `met (p95 < ${goal.p95} ms${goal.ratio ? `, ≥ ${goal.ratio * 100} %` : ''})`
      : `MISSED (p95 < ${goal.p95} ms${goal.ratio ? `, ≥ ${goal.ratio * 100} %` : ''})`;
  const errors = real.errors > 0 ? ` ${real.errors} errors!` : '';
  return (
    `${e.name.padEnd(36)} ${fmt(real.p50, 1).padStart(7)} ${fmt(real.p95, 1).padStart(7)} ${fmt(real.rps).padStart(7)} ` +
    `${String(recorded.statements.length).padStart(5)} ${(recorded.sql ? fmt(recorded.sql.rps) : '—').padStart(8)} ` +
    `${(sqlRatio === null ? '—' : fmt(sqlRatio, 3)).padStart(6)} ${fmt(bare.rps).padStart(8)} ${fmt(bareRatio, 3).padStart(6)}  ` +
    `${verdict} [${fmt(bytes / 1024, 1)} KB]${errors}`
  );
}
