/**
 * Load test (issue 15): LOAD_SESSIONS (200) logged-in sessions for LOAD_SECONDS (180) on loopback against
 * LOAD_INSTANCES (2) server processes on one PostgreSQL (BENCH_DATABASE_URL / TEST_DATABASE_URL; a new database,
 * dropped after). Each session is a demo-like account of its own (applicants with a unit each, officers of the demo
 * bureaus) that sends the requests a person's pages send — home and dashboard figures, the notification bell, lists
 * with filters, registry search, detail pages — with 10 % writes (ledger entries, unit edits with their version,
 * notifications marked read), every write with the session's CSRF token. Sessions are spread over the instances and
 * send their next request when the answer came (closed loop, as many requests as the servers answer), after
 * LOAD_THINK_MS (0) of think time.
 *
 * Printed beside it, measured in the same run with the same sessions and instances: the bare baseline, `/health`
 * (one `select 1` through the pool, no session, no serialisation of a real answer). Then each operation's count,
 * errors and latencies under load, and its latency alone (one request at a time), to tell what limits what.
 *
 * The servers run from source through tsx (`node --import tsx src/server/main.ts`), LOG_LEVEL=warn, with the
 * environment of this process otherwise (DATABASE_POOL_SIZE, SESSION_CACHE_SECONDS … pass through).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Pool } from 'undici';
import { creditCodeCheckChar } from '../src/core/credit-code';
import { hashPassword } from '../src/server/auth/passwords';
import { openDatabase } from '../src/server/db/client';
import { notifications, units, users } from '../src/server/db/schema';
import { DEMO_PASSWORD } from '../src/server/demo/seed';
import { projectPath } from '../src/server/paths';
import { UnitKind } from '../src/shared/enums';
import { createPostgresBenchDatabase } from './database';
import { percentile } from './http-load';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 180);
const SESSIONS = Number(process.env.LOAD_SESSIONS ?? 200);
const INSTANCES = Number(process.env.LOAD_INSTANCES ?? 2);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 0);
/** The baseline and the warm-up are short: they only need steady figures. */
const BASELINE_SECONDS = Math.min(SECONDS, 20);
const WARMUP_SECONDS = Math.min(SECONDS, 10);
/** Share of the sessions that are applicants (one unit each); the rest are officers of the demo bureaus. */
const APPLICANT_SHARE = 0.65;
/** Districts of the demo data where the applicants' units are registered. */
const UNIT_DISTRICTS = ['310107', '330603', '420111', '110107'];
/** The officers' bureaus: the demo districts, their cities and Shanghai. */
const OFFICER_JURISDICTIONS = ['310107', '330603', '420111', '110107', '330600', '420100', '310000'];
const SEARCH_TERMS = ['科技', '上海', '绍兴', '武汉', '纺织', '信息', '智能', '有限公司'];
const STATUSES = ['submitted', 'district_recommended', 'under_acceptance', 'certified'];
const API = '/api/v1';

interface Session {
  instance: number;
  role: 'applicant' | 'officer';
  cookie: string;
  csrf: string;
  unitId: string | null;
  unitVersion: number;
  /** Units and applications the session may open (from its own lists at the start). */
  unitIds: string[];
  applicationIds: string[];
  certificateNos: string[];
}

interface Call {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: unknown;
}

interface Operation {
  name: string;
  role: Session['role'];
  /** Relative frequency within the role's mix; writes make 10 of each role's 100. */
  weight: number;
  write?: boolean;
  call(session: Session): Call;
  /** Reads what the session needs from the answer (a unit's new version). */
  answered?(session: Session, body: unknown): void;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const today = new Date().toISOString().slice(0, 10);
const ledgerEntry = (unitId: string) => ({
  unitId,
  kind: 'publicity',
  occurredOn: today,
  title: '商业秘密保护宣传（负载测试）',
  description: '面向员工的商业秘密保护宣传活动',
  participants: 30,
});

const OPERATIONS: Operation[] = [
  // Officers: the bureau home (to-do count, unit figures by kind, audit count, guidance cards), the bell, lists.
  { name: 'officer me', role: 'officer', weight: 8, call: () => ({ method: 'GET', path: '/auth/me' }) },
  {
    name: 'officer bell',
    role: 'officer',
    weight: 14,
    call: () => ({ method: 'GET', path: '/notifications?pageSize=5' }),
  },
  {
    name: 'officer todo count',
    role: 'officer',
    weight: 8,
    call: () => ({ method: 'GET', path: '/applications?todo=true&pageSize=1' }),
  },
  {
    name: 'officer units by kind',
    role: 'officer',
    weight: 8,
    call: () => ({ method: 'GET', path: `/units?pageSize=1&kind=${pick(UnitKind.values)}` }),
  },
  {
    name: 'officer audit count',
    role: 'officer',
    weight: 4,
    call: () => ({ method: 'GET', path: '/audit?pageSize=1' }),
  },
  { name: 'officer guidance', role: 'officer', weight: 8, call: () => ({ method: 'GET', path: '/guidance/officer' }) },
  {
    name: 'officer unit search',
    role: 'officer',
    weight: 10,
    call: () => ({ method: 'GET', path: `/units?q=${encodeURIComponent(pick(SEARCH_TERMS))}&pageSize=20` }),
  },
  {
    name: 'officer applications',
    role: 'officer',
    weight: 8,
    call: () => ({ method: 'GET', path: `/applications?pageSize=20&status=${pick(STATUSES)}` }),
  },
  {
    name: 'officer registry search',
    role: 'officer',
    weight: 6,
    call: () => ({ method: 'GET', path: `/registry?q=${encodeURIComponent(pick(SEARCH_TERMS))}&pageSize=20` }),
  },
  {
    name: 'officer unit detail',
    role: 'officer',
    weight: 8,
    call: (s) => ({ method: 'GET', path: `/units/${pick(s.unitIds)}` }),
  },
  {
    name: 'officer application detail',
    role: 'officer',
    weight: 8,
    call: (s) =>
      s.applicationIds.length > 0
        ? { method: 'GET', path: `/applications/${pick(s.applicationIds)}` }
        : { method: 'GET', path: `/units/${pick(s.unitIds)}` },
  },
  {
    name: 'officer ledger entry',
    role: 'officer',
    weight: 5,
    write: true,
    call: (s) => ({ method: 'POST', path: '/ledger', body: ledgerEntry(pick(s.unitIds)) }),
  },
  {
    name: 'officer read all',
    role: 'officer',
    weight: 5,
    write: true,
    call: () => ({ method: 'POST', path: '/notifications/read-all' }),
  },
  // Applicants: their home (guidance cards, own unit), the bell, their ledger and applications, the public registry.
  { name: 'applicant me', role: 'applicant', weight: 10, call: () => ({ method: 'GET', path: '/auth/me' }) },
  {
    name: 'applicant bell',
    role: 'applicant',
    weight: 16,
    call: () => ({ method: 'GET', path: '/notifications?pageSize=5' }),
  },
  {
    name: 'applicant guidance',
    role: 'applicant',
    weight: 12,
    call: () => ({ method: 'GET', path: '/guidance/applicant' }),
  },
  {
    name: 'applicant own unit',
    role: 'applicant',
    weight: 12,
    call: (s) => ({ method: 'GET', path: `/units/${s.unitId}` }),
  },
  {
    name: 'applicant ledger',
    role: 'applicant',
    weight: 12,
    call: (s) => ({ method: 'GET', path: `/ledger?unitId=${s.unitId}&pageSize=20` }),
  },
  {
    name: 'applicant applications',
    role: 'applicant',
    weight: 8,
    call: () => ({ method: 'GET', path: '/applications?pageSize=20' }),
  },
  {
    name: 'applicant registry search',
    role: 'applicant',
    weight: 12,
    call: () => ({ method: 'GET', path: `/registry?q=${encodeURIComponent(pick(SEARCH_TERMS))}&pageSize=20` }),
  },
  {
    name: 'applicant registry detail',
    role: 'applicant',
    weight: 8,
    call: (s) =>
      s.certificateNos.length > 0
        ? { method: 'GET', path: `/registry/${pick(s.certificateNos)}` }
        : { method: 'GET', path: '/registry?pageSize=20' },
  },
  {
    name: 'applicant ledger entry',
    role: 'applicant',
    weight: 4,
    write: true,
    call: (s) => ({ method: 'POST', path: '/ledger', body: ledgerEntry(s.unitId!) }),
  },
  {
    name: 'applicant unit edit',
    role: 'applicant',
    weight: 3,
    write: true,
    call: (s) => ({
      method: 'PATCH',
      path: `/units/${s.unitId}`,
      body: { staffCount: 100 + Math.floor(Math.random() * 900), version: s.unitVersion },
    }),
    answered: (s, body) => {
      s.unitVersion = (body as { unit: { version: number } }).unit.version;
    },
  },
  {
    name: 'applicant read all',
    role: 'applicant',
    weight: 3,
    write: true,
    call: () => ({ method: 'POST', path: '/notifications/read-all' }),
  },
];

/** The operations of a role as a cumulative weight table. */
function mixOf(role: Session['role']): () => Operation {
  const ops = OPERATIONS.filter((o) => o.role === role);
  const total = ops.reduce((n, o) => n + o.weight, 0);
  return () => {
    let r = Math.random() * total;
    for (const op of ops) {
      r -= op.weight;
      if (r < 0) return op;
    }
    return ops.at(-1)!;
  };
}

interface Server {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts one server process (`script`, the platform by default) on a free port and waits until it says it started
 * ("已启动: http://…", as main.ts prints it).
 */
export async function startServer(env: NodeJS.ProcessEnv, script = 'src/server/main.ts'): Promise<Server> {
  // LOAD_CPU_PROF=folder: each server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.LOAD_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.LOAD_CPU_PROF)}`]
    : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', projectPath(script)], {
    cwd: projectPath('.'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const started = /已启动: (http:\/\/[^/\s]+)/.exec(output);
      if (started) resolve(started[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before it started:\n${output}`)));
  });
  // Warnings and errors of the server under load are shown as they come.
  child.stdout!.removeAllListeners('data');
  child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(`[server] ${chunk}`));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk}`));
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** CPU seconds a process has used so far (Linux /proc; NaN elsewhere). */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  try {
    const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the command), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

interface CpuUse {
  servers: number;
  database: number;
  client: number;
}

/**
 * Runs a phase and returns the CPU seconds it took: the server processes, the PostgreSQL backends serving this
 * database (the pools' connections) and this process.
 */
function cpuMeter(servers: Server[], databaseUrl: string) {
  const backends = async (): Promise<number[]> => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ pid: number }>(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      );
      return rows.map((r) => r.pid);
    } finally {
      await client.end();
    }
  };
  const cpuOf = async (pids: (number | undefined)[]) =>
    new Map(await Promise.all(pids.map(async (pid) => [pid, await cpuSeconds(pid)] as const)));
  const total = (used: Map<number | undefined, number>, since?: Map<number | undefined, number>) =>
    [...used].reduce((n, [pid, s]) => n + (Number.isNaN(s) ? 0 : s - (since?.get(pid) ?? 0)), 0);
  return async <T>(phase: () => Promise<T>): Promise<[T, CpuUse]> => {
    const serverPids = servers.map((s) => s.process.pid);
    const serversBefore = await cpuOf(serverPids);
    const databaseBefore = await cpuOf(await backends());
    const clientBefore = process.cpuUsage();
    const result = await phase();
    const client = process.cpuUsage(clientBefore);
    // A connection opened during the phase counts whole (the pools keep theirs open).
    const database = total(await cpuOf(await backends()), databaseBefore);
    const used = {
      servers: total(await cpuOf(serverPids), serversBefore),
      database,
      client: (client.user + client.system) / 1e6,
    };
    return [result, used];
  };
}

/** The bench's accounts: applicants with a unit each in the demo districts, officers of the demo bureaus. */
async function createAccounts(databaseUrl: string): Promise<{ username: string; role: Session['role'] }[]> {
  const database = await openDatabase({ databaseUrl, dataDir: 'unused', poolSize: 2 });
  try {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const applicants = Math.round(SESSIONS * APPLICANT_SHARE);
    const unitRows = Array.from({ length: applicants }, (_, i) => {
      const district = UNIT_DISTRICTS[i % UNIT_DISTRICTS.length]!;
      const first17 = `91${district}MA${String(1_000_000 + i).padStart(7, '0')}`;
      return {
        kind: 'enterprise' as const,
        name: `负载测试${SEARCH_TERMS[i % SEARCH_TERMS.length]}企业${i + 1}号`,
        creditCode: `${first17}${creditCodeCheckChar(first17)}`,
        legalRepresentative: '李测试',
        address: `测试路 ${i + 1} 号`,
        postcode: '200333',
        industryCode: '39',
        staffCount: 120,
        annualOutput: 5000,
        jurisdictionCode: district,
      };
    });
    const unitIds = (await database.db.insert(units).values(unitRows).returning({ id: units.id })).map((u) => u.id);
    const accounts = [
      ...unitIds.map((unitId, i) => ({
        username: `load-applicant-${i + 1}`,
        displayName: `负载测试申报联系人${i + 1}`,
        role: 'applicant' as const,
        unitId,
        jurisdictionCode: null,
      })),
      ...Array.from({ length: SESSIONS - applicants }, (_, i) => ({
        username: `load-officer-${i + 1}`,
        displayName: `负载测试监管人员${i + 1}`,
        role: 'officer' as const,
        unitId: null,
        jurisdictionCode: OFFICER_JURISDICTIONS[i % OFFICER_JURISDICTIONS.length]!,
      })),
    ];
    const userIds = await database.db
      .insert(users)
      .values(accounts.map((a) => ({ ...a, passwordHash })))
      .returning({ id: users.id });
    // A few unread notifications each, so the bell and "mark all read" have something to count and change.
    await database.db
      .insert(notifications)
      .values(
        userIds.flatMap(({ id }) =>
          [1, 2, 3].map((n) => ({ userId: id, title: `负载测试通知 ${n}`, body: '请查看', link: '/notifications' })),
        ),
      );
    return accounts;
  } finally {
    await database.close();
  }
}

async function send(pool: Pool, session: Session, call: Call): Promise<{ status: number; text: string }> {
  const headers: Record<string, string> = { cookie: session.cookie };
  if (call.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const response = await pool.request({
    method: call.method,
    path: `${API}${call.path}`,
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  return { status: response.statusCode, text: await response.body.text() };
}

async function getJson<T>(pool: Pool, session: Session, path: string): Promise<T> {
  const { status, text } = await send(pool, session, { method: 'GET', path });
  if (status !== 200) throw new Error(`GET ${path}: ${status} ${text}`);
  return JSON.parse(text) as T;
}

async function logIn(pools: Pool[], index: number, account: { username: string; role: Session['role'] }) {
  const instance = index % pools.length;
  const pool = pools[instance]!;
  const response = await pool.request({
    method: 'POST',
    path: `${API}/auth/login`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: account.username, password: DEMO_PASSWORD }),
  });
  const text = await response.body.text();
  if (response.statusCode !== 200) throw new Error(`login ${account.username}: ${response.statusCode} ${text}`);
  const setCookie = [response.headers['set-cookie']].flat().join(';');
  const cookie = /sm_session=[^;]+/.exec(setCookie)![0];
  const { user, csrfToken } = JSON.parse(text) as { user: { unitId: string | null }; csrfToken: string };
  const session: Session = {
    instance,
    role: account.role,
    cookie,
    csrf: csrfToken,
    unitId: user.unitId,
    unitVersion: 1,
    unitIds: [],
    applicationIds: [],
    certificateNos: [],
  };
  type Page = { items: { id: string; certificateNo?: string }[] };
  if (session.role === 'officer') {
    session.unitIds = (await getJson<Page>(pool, session, '/units?pageSize=100')).items.map((u) => u.id);
    session.applicationIds = (await getJson<Page>(pool, session, '/applications?pageSize=50')).items.map((a) => a.id);
  }
  session.certificateNos = (await getJson<Page>(pool, session, '/registry?pageSize=50')).items
    .map((r) => r.certificateNo)
    .filter((c): c is string => !!c);
  return session;
}

class Recorder {
  readonly latencies = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly samples: string[] = [];
  record(name: string, ms: number, error: string | null) {
    const list = this.latencies.get(name) ?? [];
    if (list.length === 0) this.latencies.set(name, list);
    list.push(ms);
    if (error) {
      this.errors.set(name, (this.errors.get(name) ?? 0) + 1);
      if (this.samples.length < 10) this.samples.push(`${name}: ${error}`);
    }
  }
  all(): number[] {
    return [...this.latencies.values()].flat();
  }
  errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }
}

interface Figures {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
}

function figures(recorder: Recorder, seconds: number): Figures {
  const all = recorder.all().sort((a, b) => a - b);
  return {
    requests: all.length,
    errors: recorder.errorCount(),
    perSecond: all.length / seconds,
    p50: percentile(all, 50),
    p99: percentile(all, 99),
  };
}

/** Every session sends its requests one after the other until `seconds` have passed. */
async function drive(
  pools: Pool[],
  sessions: Session[],
  seconds: number,
  next: (session: Session) => { op: Operation | null; call: Call },
): Promise<Recorder> {
  const recorder = new Recorder();
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    sessions.map(async (session) => {
      const pool = pools[session.instance]!;
      while (performance.now() < end) {
        const { op, call } = next(session);
        const start = performance.now();
        let error: string | null = null;
        try {
          const { status, text } = await send(pool, session, call);
          if (status >= 400) error = `${status} ${text.slice(0, 200)}`;
          else op?.answered?.(session, JSON.parse(text));
        } catch (e) {
          error = e instanceof Error ? e.message : String(e);
        }
        recorder.record(op?.name ?? call.path, performance.now() - start, error);
        if (THINK_MS > 0) await new Promise((r) => setTimeout(r, THINK_MS * (0.5 + Math.random())));
      }
    }),
  );
  return recorder;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function line(label: string, f: Figures, base?: Figures) {
  const ratio = base ? `  ${fmt((100 * f.perSecond) / base.perSecond, 1)} % of baseline req/s` : '';
  console.log(
    `${label.padEnd(26)} ${fmt(f.perSecond, 1).padStart(8)} req/s  p50 ${fmt(f.p50, 1).padStart(7)} ms  p99 ${fmt(f.p99, 1).padStart(7)} ms  errors ${f.errors} / ${fmt(f.requests)}${ratio}`,
  );
}

export async function runLoadBench(): Promise<void> {
  const { url: databaseUrl, drop } = await createPostgresBenchDatabase();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shangmi-load-'));
  const servers: Server[] = [];
  const env = {
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EVIDENCE_KEY_DIR: path.join(dataDir, 'keys'),
    LOG_LEVEL: 'warn',
    // Every session logs in from this machine's address.
    LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
  };
  try {
    // The first instance migrates and seeds the demo; the others start on the seeded database.
    const seedStart = performance.now();
    servers.push(await startServer({ ...env, SEED_DEMO: '1' }));
    for (let i = 1; i < INSTANCES; i++) servers.push(await startServer({ ...env, SEED_DEMO: '0' }));
    const accounts = await createAccounts(databaseUrl);
    console.log(
      `${INSTANCES} instances on one PostgreSQL, ${accounts.length} accounts, ready in ${fmt((performance.now() - seedStart) / 1000, 1)} s` +
        ` (pool ${process.env.DATABASE_POOL_SIZE ?? 'default'}, think time ${THINK_MS} ms)`,
    );
    const pools = servers.map((s) => new Pool(s.url, { connections: Math.ceil(SESSIONS / INSTANCES) }));
    const sessions: Session[] = [];
    for (let i = 0; i < accounts.length; i += 10) {
      sessions.push(...(await Promise.all(accounts.slice(i, i + 10).map((a, j) => logIn(pools, i + j, a)))));
    }
    const mixes = { officer: mixOf('officer'), applicant: mixOf('applicant') };
    const mixed = (s: Session) => {
      const op = mixes[s.role]();
      return { op, call: op.call(s) };
    };
    const health = () => ({ op: null, call: { method: 'GET', path: '/health' } as Call });

    await drive(pools, sessions, WARMUP_SECONDS, mixed);
    const cpu = cpuMeter(servers, databaseUrl);
    const [baselineRecorder, baselineCpu] = await cpu(() => drive(pools, sessions, BASELINE_SECONDS, health));
    const baseline = figures(baselineRecorder, BASELINE_SECONDS);
    const [recorder, loadCpu] = await cpu(() => drive(pools, sessions, SECONDS, mixed));
    const load = figures(recorder, SECONDS);

    console.log(
      `\n${SESSIONS} sessions, ${INSTANCES} instances, ${SECONDS} s of the mix (${BASELINE_SECONDS} s baseline)`,
    );
    line('baseline: /health', baseline);
    line('mix (10 % writes)', load, baseline);
    const writes = OPERATIONS.filter((o) => o.write).reduce(
      (n, o) => n + (recorder.latencies.get(o.name)?.length ?? 0),
      0,
    );
    console.log(`writes: ${fmt((100 * writes) / load.requests, 1)} % of the requests`);
    // CPU per request does not depend on what else the machine runs; latencies and req/s do (load average).
    for (const [label, f, used, seconds] of [
      ['/health', baseline, baselineCpu, BASELINE_SECONDS],
      ['mix', load, loadCpu, SECONDS],
    ] as const) {
      const perRequest = (s: number) => fmt((1000 * s) / f.requests, 3);
      console.log(
        `CPU per request, ${label}: servers ${perRequest(used.servers)} ms, PostgreSQL ${perRequest(used.database)} ms, ` +
          `load generator ${perRequest(used.client)} ms (servers busy ${fmt((100 * used.servers) / seconds / INSTANCES)} % of a core each)`,
      );
    }
    console.log(`load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`);
    if (recorder.samples.length > 0) console.log(`first errors:\n  ${recorder.samples.join('\n  ')}`);

    // Each operation under load, and alone: one session of its role, one request at a time.
    console.log(
      `\n${'operation'.padEnd(28)} ${'count'.padStart(7)} ${'err'.padStart(4)} ${'p50'.padStart(7)} ${'p99'.padStart(7)}  alone p50`,
    );
    for (const op of OPERATIONS) {
      const sorted = [...(recorder.latencies.get(op.name) ?? [])].sort((a, b) => a - b);
      const session = sessions.find((s) => s.role === op.role)!;
      const alone: number[] = [];
      for (let i = 0; i < 30; i++) {
        const start = performance.now();
        const { status, text } = await send(pools[session.instance]!, session, op.call(session));
        alone.push(performance.now() - start);
        if (status < 400) op.answered?.(session, JSON.parse(text));
      }
      alone.sort((a, b) => a - b);
      console.log(
        `${op.name.padEnd(28)} ${fmt(sorted.length).padStart(7)} ${String(recorder.errors.get(op.name) ?? 0).padStart(4)} ${fmt(percentile(sorted, 50), 1).padStart(7)} ${fmt(percentile(sorted, 99), 1).padStart(7)}  ${fmt(percentile(alone, 50), 2).padStart(7)} ms`,
      );
    }
    await Promise.all(pools.map((p) => p.close()));
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await drop();
    await rm(dataDir, { recursive: true, force: true });
  }
}
