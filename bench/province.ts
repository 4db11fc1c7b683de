/**
 * Province-scale benchmark (issue 15): the service over a generated province (`npm run cli -- demo generate --bases
 * 10000 --ledger 100000 --evidence 1000000`), on PostgreSQL (`province`) or PGlite (`province-pglite`). For each
 * endpoint — public registry search and detail, application and unit lists with filters, the targets roll-up, the
 * officer's dashboard, audit trail paging, a certificate PDF, an inclusion proof — it first takes one answer, then
 * loads the real server and a bare Fastify serving that same answer from memory, in the same run, with the same
 * clients (bench/http-load.ts), and prints p50/p95, req/s and the ratio of the two throughputs. Officer endpoints
 * carry the session cookie of the Shaoxing city bureau (330600), the bureau with most generated units in its subtree.
 *
 * Where: PROVINCE_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/shangmi_province) or PROVINCE_DATA_DIR
 * (default ./data); the evidence key folder as the generator used it (EVIDENCE_KEY_DIR, default DATA_DIR/keys).
 * Load: BENCH_CONNECTIONS (default 10) clients for BENCH_SECONDS (default 5) per endpoint and per baseline;
 * BENCH_ONLY (a regular expression on the endpoint's name) runs only the endpoints it matches.
 */
import { count, desc, eq } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { type Database, openDatabase } from '../src/server/db/client';
import { bases, evidenceCheckpoints, programmes, units } from '../src/server/db/schema';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { type LoadResult, load } from './http-load';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const OFFICER = 'shaoxing';
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;

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
const PROVINCE_DIR = process.env.PROVINCE_DATA_DIR ?? './data';

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

export async function runProvinceBench(kind: 'postgres' | 'pglite'): Promise<void> {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    SEED_DEMO: '0',
    ...(kind === 'postgres' ? { DATABASE_URL: PROVINCE_URL } : { DATABASE_URL: undefined, DATA_DIR: PROVINCE_DIR }),
  });
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
  const app = await buildApp({ config, database, serveWeb: false });
  const bare = Fastify({ logger: false });
  try {
    const list = (await endpoints(database)).filter((e) => !ONLY || ONLY.test(e.name));
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
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
    for (const [i, a] of answers.entries()) {
      bare.get(`/baseline/${i}`, async (_req, reply) => reply.type(a.type).send(a.body));
    }
    const bareOrigin = await bare.listen({ host: '127.0.0.1', port: 0 });

    console.log(
      `${kind}: ${CONNECTIONS} connections × ${SECONDS} s per run; baseline = bare Fastify serving the same answer from memory`,
    );
    console.log(
      `${'endpoint'.padEnd(36)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'req/s'.padStart(7)} ${'base r/s'.padStart(8)} ${'ratio'.padStart(6)}  goal`,
    );
    for (const [i, e] of list.entries()) {
      const baseline = await load(`${bareOrigin}/baseline/${i}`, { connections: CONNECTIONS, seconds: SECONDS });
      const real = await load(origin + e.path, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        headers: e.officer ? { cookie } : {},
      });
      console.log(row(e, real, baseline, answers[i]!.body.length));
    }
  } finally {
    await bare.close();
    await app.close();
    await database.close();
  }
}

function row(e: Endpoint, real: LoadResult, baseline: LoadResult, bytes: number): string {
  const ratio = real.rps / baseline.rps;
  const goal = GOALS[e.goal];
  const verdict = !goal
    ? '—'
    : real.p95 < goal.p95 && ratio >= goal.ratio
      ? `met (p95 < ${goal.p95} ms${goal.ratio ? `, ≥ ${goal.ratio * 100} %` : ''})`
      : `MISSED (p95 < ${goal.p95} ms${goal.ratio ? `, ≥ ${goal.ratio * 100} %` : ''})`;
  const errors = real.errors > 0 ? ` ${real.errors} errors!` : '';
  return (
    `${e.name.padEnd(36)} ${fmt(real.p50, 1).padStart(7)} ${fmt(real.p95, 1).padStart(7)} ${fmt(real.rps).padStart(7)} ` +
    `${fmt(baseline.rps).padStart(8)} ${fmt(ratio, 3).padStart(6)}  ${verdict} [${fmt(bytes / 1024, 1)} KB]${errors}`
  );
}
