import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // one temp folder per run, removed at its end (tests/helpers/temp-root.ts)
    globalSetup: ['tests/helpers/temp-root.ts'],
    setupFiles: ['tests/helpers/use-temp-root.ts'],
  },
});
