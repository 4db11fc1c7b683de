/**
 * Which API test files run on which database (docs/ARCHITECTURE.md, "Decisions"). Every file under test/ runs on
 * both, PGlite (api-pglite) and PostgreSQL (api-postgres), unless it carries the line
 *
 *   // @postgresql-only: <why this file does not depend on the database>
 *
 * and then it runs on PostgreSQL only, the production database. A file may say so only when it exercises the API
 * through the use cases and touches nothing where the two databases differ: no raw SQL, no concurrent requests, no
 * second app instance or database of its own, no branch on the database kind (locks, migrations, roles and faults
 * are all among those). test/infra.test.ts refuses a marked file that uses any of `DATABASE_SENSITIVE`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const POSTGRESQL_ONLY = /^\/\/ @postgresql-only: \S/m;

/** What makes a file depend on the database: raw SQL, concurrency, a second instance or database, a kind branch. */
export const DATABASE_SENSITIVE: Record<string, RegExp> = {
  'raw SQL': /\bsql`|\bsql\.raw\(|\.execute\(/,
  'concurrent requests': /Promise\.(all|allSettled|race|any)\(/,
  'a database-kind branch': /\btestDatabaseKind\(|\bTEST_DB\b/,
  'a database or instance of its own':
    /\bcreatePostgresDatabase\(|\bsameDatabaseAs\b|\bpgliteDataDir\b|\bopenDatabase\(/,
};

/** The API test files (relative to the project root, as Vitest's `exclude` takes them) marked PostgreSQL-only. */
export function postgresqlOnlyFiles(root: string): string[] {
  return readdirSync(path.join(root, 'test'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.posix.join('test', file.split(path.sep).join('/')))
    .filter((file) => POSTGRESQL_ONLY.test(readFileSync(path.join(root, file), 'utf8')))
    .sort();
}
