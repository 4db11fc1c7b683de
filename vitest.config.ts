import { defineConfig } from 'vitest/config';

// One Vitest run, four projects: pure unit tests, the API suite on embedded PGlite and again on a real PostgreSQL
// server, and browser tests in Debian's Chromium. `npm test` (scripts/test.mjs) prepares the machine and runs them all.
export default defineConfig({
  test: {
    env: { TZ: 'Asia/Shanghai' },
    projects: [
      {
        test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' },
      },
      {
        test: {
          name: 'api-pglite',
          include: ['test/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai', TEST_DB: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'api-postgres',
          include: ['test/**/*.test.ts'],
          env: { TZ: 'Asia/Shanghai', TEST_DB: 'postgres' },
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
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
