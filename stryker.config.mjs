// Mutation testing of the modules that carry the operators' guarantees (issue 14).
// `npm run mutate` runs it; `npm run mutate -- --force` ignores the incremental file.
// To widen the scope, add the module to MUTATE and the tests that exercise it to
// the `include` list of vitest.mutation.config.ts.

/** Source files whose mutants are counted. One list: add a module here. */
export const MUTATE = [
  'pipeline/batch/**/*.ts',
  'pipeline/io/**/*.ts',
  'pipeline/tracked-text.ts',
  'pipeline/decision-filter.ts',
  'pipeline/emit.ts',
  'pipeline/review/decisions.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: MUTATE,
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // The sandbox needs sources, tests and the data files tests read, not outputs.
  ignorePatterns: ['output', 'reports', 'dist', 'coverage', '.vitest-cache', 'fixtures'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
