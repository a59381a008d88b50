// Test runner configuration: unit tests beside the code, integration tests in test/. The
// globalSetup provides PostgreSQL to the tests that run against both databases
// (test/support/databases.ts): a throwaway cluster, or SCRUMDOWN_TEST_DATABASE_URL.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/postgres-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
