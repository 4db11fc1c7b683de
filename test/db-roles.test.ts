/**
 * Production roles on PostgreSQL (src/server/db/roles.ts): the app runs as a role that owns nothing, migrations and
 * grants run as the schema's owner (MIGRATION_DATABASE_URL). The app works, and its role cannot bypass the audit
 * trail's append-only rule: no ALTER TABLE … DISABLE TRIGGER, no session_replication_role = replica, no UPDATE or
 * DELETE of audit entries. PostgreSQL only: PGlite has one role.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/server/app';
import { verifyAuditChain } from '../src/server/audit-chain';
import { loadConfig } from '../src/server/config';
import { type Database, openDatabase } from '../src/server/db/client';
import { APPEND_ONLY_TABLES, READ_ONLY_TABLES } from '../src/server/db/roles';
import { DEMO_PASSWORD, seedDemo, seedJurisdictions, seedProgrammes } from '../src/server/demo/seed';
import { createPostgresDatabase, testDatabaseKind } from './helpers/app';
import { buildUnit } from './helpers/factories';

describe.skipIf(testDatabaseKind() !== 'postgres')('the app as a role that owns nothing', () => {
  const role = `shangmi_app_${randomBytes(5).toString('hex')}`;
  let ownerUrl: string;
  let appUrl: string;
  let drop: () => Promise<void>;
  let owner: pg.Client;
  let appClient: pg.Client;
  let database: Database;
  let app: FastifyInstance;
  let keyDir: string;

  beforeAll(async () => {
    const created = await createPostgresDatabase();
    ownerUrl = created.url;
    drop = created.drop;
    owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    await owner.query(`CREATE ROLE ${role} LOGIN`);
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = '';
    appUrl = url.toString();
    keyDir = mkdtempSync(path.join(tmpdir(), 'shangmi-keys-'));
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      EVIDENCE_KEY_DIR: keyDir,
      EVIDENCE_BATCH_INTERVAL_MS: '20',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      DATABASE_URL: appUrl,
      MIGRATION_DATABASE_URL: ownerUrl,
    });
    database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      migrationUrl: config.MIGRATION_DATABASE_URL,
      dataDir: 'memory://',
      poolSize: 4,
    });
    await seedJurisdictions(database.db);
    await seedDemo(database.db);
    await seedProgrammes(database.db);
    app = await buildApp({ config, database, serveWeb: false });
    await app.ready();
    appClient = new pg.Client({ connectionString: appUrl });
    await appClient.connect();
  });

  afterAll(async () => {
    await appClient?.end();
    await app?.close();
    await database?.close();
    await owner?.end();
    await drop?.();
    // Roles belong to the cluster: drop it through the server's admin database once its database is gone.
    const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    if (keyDir) rmSync(keyDir, { recursive: true, force: true });
  });

  const refused = async (statement: string) => {
    const error = await appClient.query(statement).then(
      () => null,
      (e: { code?: string }) => e,
    );
    expect(error, statement).not.toBeNull();
    expect(error?.code, statement).toBe('42501'); // insufficient_privilege
  };

  it('serves requests, writes audit entries and the chain verifies', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'putuo', password: DEMO_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const headers = {
      cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': login.json().csrfToken,
    };
    const created = await app.inject({ method: 'POST', url: '/api/v1/units', headers, payload: buildUnit() });
    expect(created.statusCode).toBe(201);
    const unitId = created.json().unit.id;
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unitId}`,
      headers,
      payload: { staffCount: 7, version: 1 },
    });
    expect(patched.statusCode).toBe(200);
    const trail = await app.inject({ method: 'GET', url: `/api/v1/audit?entityId=${unitId}`, headers });
    expect(trail.json().total).toBe(2);
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    const { rows } = await appClient.query('SELECT current_user AS me');
    expect(rows[0].me).toBe(role);
  });

  it('cannot disable the trail’s triggers, switch to replica mode, or change or remove entries', async () => {
    await refused('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
    await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL');
    await refused('SET session_replication_role = replica');
    await refused("UPDATE audit_log SET action = 'unit.delete'");
    await refused('DELETE FROM audit_log');
    await refused('TRUNCATE audit_log');
    await refused('UPDATE audit_chain_head SET seq = 0');
    await refused('DROP TRIGGER audit_log_chain ON audit_log');
    await refused('DELETE FROM evidence_checkpoints');
    await refused('DELETE FROM application_events');
    // It may still append, and its entry is chained.
    await appClient.query("INSERT INTO audit_log (action, entity_type) VALUES ('user.create', 'user')");
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
  });

  it('owns nothing and may read and write every other table', async () => {
    const { rows: owned } = await owner.query(
      `SELECT c.relname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = $1`,
      [role],
    );
    expect(owned).toEqual([]);
    const { rows } = await owner.query<{ table_name: string; s: boolean; i: boolean; u: boolean; d: boolean }>(
      `SELECT table_name, has_table_privilege($1, format('%I', table_name), 'SELECT') AS s,
              has_table_privilege($1, format('%I', table_name), 'INSERT') AS i,
              has_table_privilege($1, format('%I', table_name), 'UPDATE') AS u,
              has_table_privilege($1, format('%I', table_name), 'DELETE') AS d
         FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
      [role],
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      const appendOnly = (APPEND_ONLY_TABLES as readonly string[]).includes(r.table_name);
      const readOnly = (READ_ONLY_TABLES as readonly string[]).includes(r.table_name);
      expect({ table: r.table_name, s: r.s, i: r.i, u: r.u, d: r.d }).toEqual({
        table: r.table_name,
        s: true,
        i: !readOnly,
        u: !appendOnly && !readOnly,
        d: !appendOnly && !readOnly,
      });
    }
  });

  it('every table the database keeps append-only is listed in APPEND_ONLY_TABLES', async () => {
    const { rows } = await owner.query<{ table: string }>(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE NOT t.tgisinternal AND p.proname IN ('refuse_change', 'audit_log_refuse_change')`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { table } of rows) expect(APPEND_ONLY_TABLES).toContain(table);
  });

  it('a second start migrates and grants again without harm; the migrator as the app role is refused', async () => {
    const again = await openDatabase({ databaseUrl: appUrl, migrationUrl: ownerUrl, dataDir: 'memory://' });
    const [row] = (
      (await again.db.execute(sql`SELECT count(*)::int AS n FROM audit_log`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    expect(row!.n).toBeGreaterThan(0);
    await again.close();
    await expect(openDatabase({ databaseUrl: ownerUrl, migrationUrl: ownerUrl, dataDir: 'memory://' })).rejects.toThrow(
      /同一数据库角色/,
    );
  });
});
