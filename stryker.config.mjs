// Mutation testing of the modules that carry the operators' guarantees (issue 14).
// `npm run mutate` runs it; `npm run mutate -- --force` ignores the incremental file.
// `MUTATE_SCOPE=queue npm run mutate` runs one scope (a key of SCOPES) with its own
// incremental file and report under reports/mutation/<scope>/: a whole run does not
// fit a session on a loaded 2-core machine, one scope does.
// `MUTATE_SCOPE=queue MUTATE_FILES=pipeline/queue/submit.ts,pipeline/queue/worker.ts`
// narrows a scope's run to those files (comma-separated) while their tests are written;
// it keeps its own incremental file and report (reports/mutation/<scope>-files/), so a
// later whole-scope run is not reset by it.
// To widen the scope, add the module to SCOPES and the tests that exercise it to
// the `include` list of vitest.mutation.config.ts.

/** Source files whose mutants are counted, by scope. One list: add a module here. */
export const SCOPES = {
  batch: ['pipeline/batch/**/*.ts'],
  io: ['pipeline/io/**/*.ts'],
  'tracked-text': ['pipeline/tracked-text.ts'],
  review: ['pipeline/decision-filter.ts', 'pipeline/emit.ts', 'pipeline/review/decisions.ts'],
  queue: ['pipeline/queue/**/*.ts'],
};
const scope = process.env.MUTATE_SCOPE;
if (scope && !(scope in SCOPES)) throw new Error(`MUTATE_SCOPE=${scope}: expected one of ${Object.keys(SCOPES).join(', ')}`);
const files = process.env.MUTATE_FILES?.split(',').filter(Boolean) ?? [];
if (files.length && !scope) throw new Error('MUTATE_FILES needs MUTATE_SCOPE (the scope the files belong to)');
const MUTATE = files.length ? files : scope ? SCOPES[scope] : Object.values(SCOPES).flat();
const REPORTS = scope ? `reports/mutation/${scope}${files.length ? '-files' : ''}` : 'reports/mutation';

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
  incrementalFile: `${REPORTS}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `${REPORTS}/index.html` },
  jsonReporter: { fileName: `${REPORTS}/mutation.json` },
  thresholds: { high: 90, low: 80, break: null },
  // The sandbox needs sources, tests and the data files tests read, not outputs.
  ignorePatterns: ['output', 'reports', 'dist', 'coverage', '.vitest-cache', 'fixtures', '.stryker-tmp*'],
  // one temp folder per scope, so two scopes can run side by side
  tempDirName: scope ? `.stryker-tmp-${scope}${files.length ? '-files' : ''}` : '.stryker-tmp',
  cleanTempDir: 'always',
};
