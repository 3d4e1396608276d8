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
  mutate: ['src/geo/**/*.ts', 'src/data/**/*.ts', '!src/data/types.ts', '!src/geo/index.ts'],
  coverageAnalysis: 'perTest',
  // Mutants in code that runs when a module loads (constant tables, regexes) need every test for
  // each; they are left out to keep the run under half an hour on two cores (see README).
  ignoreStatic: true,
  concurrency: 2, // a 2-core machine, often shared
  timeoutMS: 10_000,
  timeoutFactor: 1.5,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: 85 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
