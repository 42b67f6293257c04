import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser tests build the site once and share it; see test/e2e/global-setup.ts.
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
  },
});
