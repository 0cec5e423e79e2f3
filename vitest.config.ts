import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - `node`: the client's tests (packages/*\/test), with the default transport (Node's own HTTP);
 * - `fetch`: the client's wire and fault tests again, with the client given a fetch, so both
 *   transports meet the same loopback servers. Tests read which transport they exercise with
 *   `inject('transport')` (packages/client/test/helpers/transport.ts);
 * - `toolkit`: everything under test/ (generator, lint, release, docs, the packed package, the
 *   browser, CI).
 *
 * The client's files each run in a fresh process: the runtime keeps process-wide state (its HTTP
 * agents, whether fetch has been taken over, what it has warned about), and a file must not inherit
 * another's. The toolkit's files share their worker's modules instead: their state is caches of
 * things that do not change during a run (parsed TypeScript libraries, Redocly's config), and
 * loading TypeScript, ts-morph and Redocly once per worker instead of once per file is a good part
 * of their time.
 *
 * Files run in parallel, three at a time on this 2-core machine: most of them wait on a loopback
 * server, a timer, a child process or Chromium for much of their time.
 */
const perTransport = [
  'wire',
  'invocation-family.wire',
  'function-settings.wire',
  'errors',
  'retries',
  'timeouts',
  'abort',
  'safety',
  'concurrency',
  'secrets',
  'signed-calls',
].map((name) => `packages/client/test/${name}.test.ts`);

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/dist/**', '**/fixtures/**'],
    // Never write a snapshot or golden file, CI or not: a missing one fails. Only
    // `npm run test:update-golden` (which passes -u) writes expectations.
    update: 'none',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 3,
    // Prism and Chromium, started once per run for the files that share them, on the first ask.
    globalSetup: ['test/setup/shared-parts.ts'],
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['packages/*/test/**/*.test.ts'],
          provide: { transport: 'node' },
          // Type tests: `*.test-d.ts` files are compiled with tsc; a failing expectation or an unused
          // `@ts-expect-error` fails the run like any other test. One tsc run checks the whole
          // tsconfig, so the toolkit's type tests are listed here too.
          typecheck: {
            enabled: true,
            include: ['test/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: { name: 'fetch', include: perTransport, provide: { transport: 'fetch' } },
      },
      {
        extends: true,
        test: { name: 'toolkit', include: ['test/**/*.test.ts'], isolate: false },
      },
    ],
  },
});
