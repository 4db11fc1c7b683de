import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { postgresqlOnlyFiles } from './test/setup/databases.ts';

// One Vitest run, four projects: pure unit tests, the API suite on embedded PGlite and again on a real PostgreSQL
// server, and browser tests in Debian's Chromium. `npm test` (scripts/test.mjs) prepares the machine and runs them all.
// Opt-in per-file CPU and wall time (TEST_CPU_REPORT=file.jsonl), for deciding where test time goes.
const setupFiles = ['test/setup/cpu-report.ts'];
// API files run on both databases unless marked `// @postgresql-only: why` (rule and guard: test/setup/databases.ts).
const postgresqlOnly = postgresqlOnlyFiles(fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  test: {
    env: { TZ: 'Asia/Shanghai' },
    // One worker per core for unit and API files. Vitest's default (cores - 1) ran them one at a time on 2 cores; a
    // PostgreSQL file's worker also waits on the server, so two workers keep both cores busy. The browser tests
    // (fileParallelism: false) still run one file at a time, after the others: one server, one business date.
    maxWorkers: '100%',
    projects: [
      {
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node', setupFiles },
      },
      {
        test: {
          name: 'api-pglite',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...postgresqlOnly],
          env: { TZ: 'Asia/Shanghai', TEST_DB: 'pglite' },
          globalSetup: ['test/setup/pglite-global.ts'],
          setupFiles,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['test/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai', TEST_DB: 'postgres' },
          setupFiles,
          globalSetup: ['test/setup/postgres-global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai' },
          globalSetup: ['e2e/setup/global.ts'],
          setupFiles,
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
