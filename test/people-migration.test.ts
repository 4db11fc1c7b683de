/**
 * Migration 0021 extends the expert registry in place into the register of people: every expert keeps its row, id
 * and every value it had, becomes an acceptance expert, covers its one field and sits at its registry's level; its
 * conflicts and panel seats still point at it. The database is migrated up to just before 0021, filled the old way,
 * then migrated to the end.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../src/server/db/client';
import { createPostgresDatabase, testDatabaseKind } from './helpers/app';

const PEOPLE_MIGRATION = 21;
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A copy of drizzle/ holding only the migrations before 0021. */
function migrationsBefore(idx: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'shangmi-migrations-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  const journalPath = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number; tag: string }[] };
  for (const entry of journal.entries.filter((e) => e.idx >= idx)) rmSync(path.join(dir, `${entry.tag}.sql`));
  journal.entries = journal.entries.filter((e) => e.idx < idx);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

interface Db {
  execute(query: ReturnType<typeof sql>): Promise<unknown>;
}
const rows = async (db: Db, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as { rows: Record<string, unknown>[] }).rows;

async function openAt(folder: string) {
  if (testDatabaseKind() === 'postgres') {
    const created = await createPostgresDatabase();
    const pool = new pg.Pool({ connectionString: created.url, max: 2 });
    cleanups.push(async () => {
      await pool.end();
      await created.drop();
    });
    const db = drizzlePg(pool);
    await migratePg(db, { migrationsFolder: folder });
    return { db: db as unknown as Db, migrateAll: () => migratePg(db, { migrationsFolder: MIGRATIONS_DIR }) };
  }
  const client = new PGlite();
  cleanups.push(() => client.close());
  const db = drizzlePglite(client);
  await migratePglite(db, { migrationsFolder: folder });
  return { db: db as unknown as Db, migrateAll: () => migratePglite(db, { migrationsFolder: MIGRATIONS_DIR }) };
}

it('keeps every expert, id and value, and makes them acceptance experts', async () => {
  const { db, migrateAll } = await openAt(migrationsBefore(PEOPLE_MIGRATION));
  await db.execute(sql`
    insert into jurisdictions (code, name, level, parent_code, path) values
      ('000000', '全国', 'national', null, '000000.'),
      ('330600', '绍兴市', 'municipal', '000000', '000000.330600.'),
      ('330603', '柯桥区', 'district', '330600', '000000.330600.330603.')`);
  await db.execute(sql`
    insert into users (id, username, display_name, password_hash, role) values
      ('11111111-1111-4111-8111-111111111111', 'old-expert', '老专家', 'x', 'expert')`);
  await db.execute(sql`
    insert into units (id, kind, name, credit_code, legal_representative, address, postcode, industry_code, jurisdiction_code)
    values ('22222222-2222-4222-8222-222222222222', 'enterprise', '绍兴某纺织有限公司', '91330603MA2D000001',
            '张三', '柯桥区', '312030', '17', '330603')`);
  await db.execute(sql`
    insert into experts (id, user_id, name, affiliation, field, industries, phone, email, background,
                         jurisdiction_code, active, version, created_at, updated_at) values
      ('33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111', '王立法', '华东政法大学', 'law',
       '["72","65"]', '021-1234567', 'wang@example.cn', '曾任某律所合伙人', '330600', true, 4,
       '2021-01-02T03:04:05Z', '2021-02-03T04:05:06Z'),
      ('44444444-4444-4444-8444-444444444444', null, '刘鉴真', '柯桥区司法鉴定所', 'forensics', '[]', null, null, null,
       '330603', false, 1, '2021-03-01T00:00:00Z', '2021-03-01T00:00:00Z')`);
  await db.execute(sql`
    insert into expert_conflicts (id, expert_id, unit_id, kind, status, note) values
      ('55555555-5555-4555-8555-555555555555', '44444444-4444-4444-8444-444444444444',
       '22222222-2222-4222-8222-222222222222', 'former_employment', 'confirmed', '曾任职')`);
  const columns = sql`id, user_id, name, affiliation, field, industries, phone, email, background, jurisdiction_code,
    active, version, created_at, updated_at`;
  const before = await rows(db, sql`select ${columns} from experts order by id`);

  await migrateAll();

  const after = await rows(db, sql`select ${columns} from experts order by id`);
  expect(after).toEqual(before);
  const people = await rows(
    db,
    sql`select id, roles, fields, local_industries, level, availability, profession from experts order by id`,
  );
  expect(people).toEqual([
    {
      id: '33333333-3333-4333-8333-333333333333',
      roles: ['acceptance_expert'],
      fields: ['law'],
      local_industries: [],
      level: 'city',
      availability: 'available',
      profession: null,
    },
    {
      id: '44444444-4444-4444-8444-444444444444',
      roles: ['acceptance_expert'],
      fields: ['forensics'],
      local_industries: [],
      level: 'district',
      availability: 'available',
      profession: null,
    },
  ]);
  const conflicts = await rows(db, sql`select expert_id, status from expert_conflicts`);
  expect(conflicts).toEqual([{ expert_id: '44444444-4444-4444-8444-444444444444', status: 'confirmed' }]);
});
