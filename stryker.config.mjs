// @ts-check
/**
 * Mutation testing of src/geo and src/data (`npm run mutate`): StrykerJS changes one thing in the
 * code at a time (a flipped comparison, a dropped check, an off-by-one) and runs the unit tests
 * that cover it (vitest.mutate.config.ts, Node only); a mutant the tests do not notice is a
 * missing test. Report: reports/mutation/index.html.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  // Every module of src/geo and src/data with code, by name (types.ts and index.ts have none), and the
  // pure tile cutter of src/workers, so a new module joins only together with its unit tests (add it
  // here and to vitest.mutate.config.ts).
  mutate: [
    'src/geo/{band-spec,border-index,density-grid,distance-range,offset-bands,path,queue,shapes,sides,units}.ts',
    'src/data/{builtin,content-i18n,csv-export,csv,event-columns,event-stats,events,fetch-json,file-names,limits,map-copy,parse-user,prepare,problems,story,story-shapes,validate}.ts',
    'src/workers/event-tiles.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants in code that runs when a module loads (constant tables, regexes) need every test for
  // each; they are left out to keep the run under half an hour on two cores (see README).
  ignoreStatic: true,
  concurrency: 2, // a 2-core machine, often shared
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  dryRunTimeoutMinutes: 20,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Re-runs reuse the results of unchanged code and tests (reports/stryker-incremental.json).
  incremental: true,
};
