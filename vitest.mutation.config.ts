import { defineConfig } from 'vitest/config';

/**
 * The client tests that mutation testing runs (`npm run test:mutation`, stryker.config.mjs): the
 * in-process ones, with the default transport (Node's own HTTP). Left out, because no mutant of
 * `packages/client/src` can change their outcome and they only lengthen every run that has to
 * execute all tests:
 * - tests of the built package (`dist/`): declarations, browser-bundle, size-budget, and
 *   deprecation and concurrency, whose every case runs `dist/` in a child process;
 * - transport/process-exit, which bundles the transports into child processes (a child never sees
 *   the mutant under test);
 * - prism, which starts the Prism mock server from the spec in a child process.
 * The differential signing test draws its cases from a fixed seed here, so a run is repeatable.
 *
 * Files share one module graph (`isolate: false`): Stryker runs the tests that cover a mutant
 * hundreds of times over, and importing the client afresh for every file was most of each run.
 */
export default defineConfig({
  test: {
    include: ['packages/client/test/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      '**/fixtures/**',
      'packages/client/test/declarations.test.ts',
      'packages/client/test/browser-bundle.test.ts',
      'packages/client/test/size-budget.test.ts',
      'packages/client/test/deprecation.test.ts',
      'packages/client/test/concurrency.test.ts',
      'packages/client/test/transport/process-exit.test.ts',
      'packages/client/test/prism.test.ts',
    ],
    update: 'none',
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    provide: { transport: 'node' },
    env: { FGS_SIGNING_SEED: '20261205' },
  },
});
