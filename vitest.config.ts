import { defineConfig } from 'vitest/config';

// Unit and component tests (a renderer component rendered to markup; typechecked with the DOM in
// tsconfig.web.json) are pure; integration tests open real SQLite files, PGlite and PostgreSQL and
// spawn child processes, so they get longer timeouts. End-to-end tests run under Playwright, not here.
export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/component/**/*.test.ts',
      'tests/shell/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/faults/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/support/temp-root.ts'],
  },
});
