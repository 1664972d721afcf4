import { defineConfig } from 'vitest/config';

// The fault suite alone (`npm run test:faults`, FAULT_SCALE scales the workload).
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.test.ts'],
    environment: 'node',
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/support/temp-root.ts'],
  },
});
