import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', '**/node_modules/**'] },
      },
      {
        // Browser tests: the global setup builds the real site (and the hostile-text site) once and serves it;
        // it runs only when an e2e test is queued, so `vitest run test/unit/...` never builds anything.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          // One browser test file at a time: each drives its own Chromium, and running several at once on a
          // small machine starves them into timeouts.
          fileParallelism: false,
        },
      },
    ],
  },
});
