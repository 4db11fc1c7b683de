/**
 * Excel export benchmark (issue 10 §2): "10,000 rows need no more memory than 100". Exports the audit trail (with
 * its subjects' names resolved, as the export route does) of 100, 1,000 and 10,000 entries through the streaming
 * mechanism (src/server/export/xlsx-stream.ts, written to a byte-counting sink as a response would take it), and
 * the same rows the non-streaming way as baseline — every row read into memory, an in-memory exceljs Workbook,
 * `writeBuffer` — in the same run. Prints the peak growth of memory over each run's start (JS heap plus array
 * buffers, and RSS), sampled every 5 ms (20 ms after a forced collection with --expose-gc), and the ratios 10,000 : 100. PostgreSQL (BENCH_DATABASE_URL /
 * TEST_DATABASE_URL) by default, so the database's own memory is another process's; BENCH_EXPORT_DB=pglite for the
 * embedded one. Run with `node --expose-gc --import tsx bench/index.ts exports` for steadier figures. Each run's
 * time is printed too (the streamed export's time is mostly the database's pages; sampling with --expose-gc slows
 * both modes alike).
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../src/server/context';
import type { Database } from '../src/server/db/client';
import { auditLog, units } from '../src/server/db/schema';
import { seedDemo, seedJurisdictions } from '../src/server/demo/seed';
import { exportAudit } from '../src/server/domain/audit/export-audit';
import { writeXlsx, type XlsxSheet } from '../src/server/export/xlsx-stream';
import { openBenchDatabase } from './database';

/** Under one read page, two pages, twenty pages (EXPORT_PAGE_SIZE rows each). */
const SIZES = [100, 1_000, 10_000] as const;
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024, 1)} MB`;

/** `n` audit entries about the demo units, in a trail of their own (a path no demo entry has). */
async function seedTrail(database: Database, path: string, n: number): Promise<void> {
  const ids = (await database.db.select({ id: units.id }).from(units)).map((u) => u.id);
  for (let i = 0; i < n; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, n - i) }, (_, j) => ({
      actorName: '普陀区市场监督管理局',
      ip: '10.0.0.1',
      action: 'unit.update',
      entityType: 'unit',
      entityId: ids[(i + j) % ids.length]!,
      jurisdictionPath: path,
      before: { staffCount: 100 + j, address: '上海市普陀区武宁路 100 号' },
      after: { staffCount: 101 + j, address: '上海市普陀区真北路 200 号 商业秘密保护示范点' },
    }));
    await database.db.insert(auditLog).values(rows);
  }
}

const officer = (path: string): RequestContext => ({
  actor: {
    id: '00000000-0000-4000-8000-000000000001',
    username: 'bench',
    displayName: '基准测试',
    role: 'officer',
    unitId: null,
    jurisdictionCode: null,
    jurisdictionPath: path,
    jurisdictionLevel: 'district',
  },
  ip: null,
  userAgent: null,
  today: '2026-12-04',
});

const used = () => {
  const m = process.memoryUsage();
  return { heap: m.heapUsed + m.arrayBuffers, rss: m.rss };
};

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Peak growth of memory over the start while `work` runs. With --expose-gc each sample first collects garbage, so
 * the figure is the memory the export holds (live), not how far V8 let garbage pile up before collecting it.
 */
async function peakGrowth(
  work: () => Promise<number>,
): Promise<{ heap: number; rss: number; bytes: number; ms: number }> {
  gc?.();
  const start = used();
  let peak = { ...start };
  const sample = () => {
    gc?.();
    const now = used();
    peak = { heap: Math.max(peak.heap, now.heap), rss: Math.max(peak.rss, now.rss) };
  };
  const timer = setInterval(sample, gc ? 20 : 5);
  const started = performance.now();
  try {
    const bytes = await work();
    const ms = performance.now() - started;
    sample();
    return { heap: peak.heap - start.heap, rss: peak.rss - start.rss, bytes, ms };
  } finally {
    clearInterval(timer);
  }
}

/** The streaming export into a sink that takes bytes as a client would, keeping none. */
async function streamed(sheet: XlsxSheet<unknown>): Promise<number> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      setImmediate(done);
    },
  });
  const finished = new Promise((resolve, reject) => sink.on('finish', resolve).on('error', reject));
  await writeXlsx(sink, sheet);
  await finished;
  return bytes;
}

/** The baseline: every row in memory, then an in-memory workbook written to one buffer. */
async function buffered(sheet: XlsxSheet<unknown>): Promise<number> {
  const rows: unknown[] = [];
  for await (const page of sheet.pages) rows.push(...page);
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheet.name);
  worksheet.columns = sheet.columns.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 16 }));
  for (const row of rows) worksheet.addRow(sheet.columns.map((c) => c.value(row) ?? null));
  return (await workbook.xlsx.writeBuffer()).byteLength;
}

export async function runExportsBench(): Promise<void> {
  console.log(
    gc
      ? 'live memory (garbage collected at each sample)'
      : 'memory incl. uncollected garbage (run node with --expose-gc for live memory)',
  );
  const { database, drop } = await openBenchDatabase(process.env.BENCH_EXPORT_DB === 'pglite' ? 'pglite' : 'postgres');
  try {
    await seedJurisdictions(database.db);
    await seedDemo(database.db);
    const results = new Map<string, Awaited<ReturnType<typeof peakGrowth>>>();
    for (const n of SIZES) {
      const path = `999${n}.`;
      await seedTrail(database, path, n);
      const sheet = () => exportAudit(database.db, officer(path), {}) as XlsxSheet<unknown>;
      await streamed(sheet()); // warm-up: modules, query plans, exceljs's templates
      for (const [mode, run] of [
        ['streamed', streamed],
        ['writeBuffer', buffered],
      ] as const) {
        const r = await peakGrowth(() => run(sheet()));
        results.set(`${mode} ${n}`, r);
        console.log(
          `${mode.padEnd(11)} ${fmt(n).padStart(6)} rows: peak growth heap+arrayBuffers ${mb(r.heap).padStart(9)}, ` +
            `rss ${mb(r.rss).padStart(9)}, time ${fmt(r.ms).padStart(6)} ms (file ${mb(r.bytes)})`,
        );
      }
    }
    for (const mode of ['streamed', 'writeBuffer']) {
      const large = results.get(`${mode} 10000`)!;
      for (const n of [100, 1000]) {
        const small = results.get(`${mode} ${n}`)!;
        console.log(
          `${mode.padEnd(11)} 10,000 : ${fmt(n)} rows → heap+arrayBuffers ×${fmt(large.heap / Math.max(small.heap, 1), 2)}, ` +
            `rss ×${fmt(large.rss / Math.max(small.rss, 1), 2)}`,
        );
      }
    }
    const s = results.get('streamed 10000')!;
    const b = results.get('writeBuffer 10000')!;
    console.log(
      `at 10,000 rows streamed / writeBuffer baseline: heap+arrayBuffers ${fmt(s.heap / b.heap, 3)}, rss ${fmt(s.rss / Math.max(b.rss, 1), 3)}, time ${fmt(s.ms / b.ms, 3)}`,
    );
  } finally {
    await database.close();
    await drop();
  }
}
