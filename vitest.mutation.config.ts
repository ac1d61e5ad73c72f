import { defineConfig } from 'vitest/config';

/**
 * Tests run by `npm run mutate` (stryker.config.mjs): the in-process tests of the
 * mutated modules. Tests that drive the CLI in a child process cannot see a mutant
 * (it is switched on inside the test process), so they are left to `npm test`.
 * tests/core/tracked-text.test.ts is left out too: its 1,000 seeded sequences cost
 * ~6 s a mutant here, and tests/mutation/tracked-text.test.ts checks a superset of
 * its properties (offsets against a reference, not only bounds).
 * The queue's tests here run in this process against a real redis-server with a
 * scripted pipeline (tests/mutation/queue-stub.ts); tests/queue/scale-out and
 * redis-failures drive `notice worker`/`submit` child processes and stay in `npm test`.
 */
export default defineConfig({
  test: {
    include: [
      'tests/mutation/**/*.test.ts',
      'tests/review/decisions.test.ts',
      'tests/guarantees/decision-filter.test.ts',
      'tests/cli/progress-summary.test.ts',
      'tests/queue/job.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
