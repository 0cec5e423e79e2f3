// Mutation testing of the client runtime: `npm run test:mutation` (minutes; not part of CI).
// The report lands in reports/mutation/ (HTML and JSON). vitest.mutation.config.ts says which
// tests run and why some are left out.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  coverageAnalysis: 'perTest',
  mutate: [
    'packages/client/src/runtime/**/*.ts',
    'packages/client/src/auth/**/*.ts',
    'packages/client/src/lib/**/*.ts',
    'packages/client/src/transport/**/*.ts',
  ],
  // The machine has two cores and is shared: one or two test runners at a time.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
