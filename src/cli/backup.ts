/**
 * `npm run cli -- backup <file>` and `restore <file>`: the whole database in one file.
 * - PostgreSQL: pg_dump's custom format (every schema, drizzle's migration journal included) through the migrator's
 *   connection (MIGRATION_DATABASE_URL, else DATABASE_URL); restored with pg_restore into an empty database, owned by
 *   the restoring role (--no-owner --no-privileges: the app role's grants are made again at the next start).
 *   Triggers are created after the data is loaded (pg_dump's post-data section), so the audit chain and the
 *   append-only tables come back exactly as they were.
 * - PGlite: its data folder as a gzipped tarball (dumpDataDir), unpacked into an empty DATA_DIR by loadDataDir. The
 *   server must be stopped: PGlite serves one process.
 * The evidence key folder is not in the backup (a dump must never carry the signing key): back it up on its own.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface BackupTarget {
  /** postgres:// URL (the schema owner's); absent: PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
}

const run = promisify(execFile);

/** pg_dump / pg_restore: PG_BIN, else the newest under /usr/lib/postgresql (Debian), else PATH. */
function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const dirs: string[] = [];
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    for (const v of readdirSync(root).sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))) {
      dirs.push(path.join(root, v, 'bin'));
    }
  }
  for (const dir of dirs) if (existsSync(path.join(dir, name))) return path.join(dir, name);
  return name;
}

const pgliteDir = (dataDir: string) => path.join(dataDir, 'pglite');

export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  if (target.databaseUrl) {
    await run(pgTool('pg_dump'), ['--format=custom', '--file', file, '--dbname', target.databaseUrl]);
    return;
  }
  const dir = pgliteDir(target.dataDir);
  if (!existsSync(dir)) throw new Error(`没有可备份的数据库：${dir} 不存在`);
  const client = new PGlite(dir);
  await client.waitReady;
  try {
    // Compressed here: PGlite's own 'gzip' option never settles under Node 20.
    const dump = await client.dumpDataDir('none');
    await writeFile(file, gzipSync(Buffer.from(await dump.arrayBuffer())), { mode: 0o600 });
  } finally {
    await client.close();
  }
}

export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  const content = await readFile(file);
  const isPgDump = content.subarray(0, 5).toString('latin1') === 'PGDMP';
  const isTarball = content[0] === 0x1f && content[1] === 0x8b;
  if (target.databaseUrl) {
    if (!isPgDump) throw new Error(`${file} 不是 PostgreSQL 备份（pg_dump 自定义格式）`);
    const client = new pg.Client({ connectionString: target.databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname IN ('public', 'drizzle') AND c.relkind = 'r'",
      );
      if (rows[0]!.n > 0) throw new Error('目标数据库不是空库：请恢复到新建的空数据库');
    } finally {
      await client.end();
    }
    await run(pgTool('pg_restore'), [
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      target.databaseUrl,
      file,
    ]);
    return;
  }
  if (!isTarball) throw new Error(`${file} 不是 PGlite 备份（数据目录的 gzip 压缩包）`);
  const dir = pgliteDir(target.dataDir);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`目标数据目录 ${dir} 不是空的：请恢复到新的 DATA_DIR`);
  }
  await mkdir(dir, { recursive: true });
  const client = new PGlite(dir, { loadDataDir: new Blob([gunzipSync(content)]) });
  await client.waitReady;
  await client.close();
}
