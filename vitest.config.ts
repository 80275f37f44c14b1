import { defineConfig } from 'vitest/config';

// One run covers the pure rules in common/ and the route tests in server/ (PGlite always,
// PostgreSQL as well when TEST_DATABASE_URL is set). The global setup migrates once for the whole run.
export default defineConfig({
  test: {
    include: ['common/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/src/**/*.test.ts'],
    // One migrated (and bootstrapped) database per run, loaded or cloned by each file's openTestDb.
    globalSetup: ['server/src/test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
