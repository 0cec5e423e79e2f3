import { defineConfig } from 'vitest/config';

/**
 * The client's wire and fault tests, run once per transport: the `node` project runs every test
 * with the default transport (Node's own HTTP), the `fetch` project runs these again with the client
 * given a fetch, so both transports meet the same loopback servers. Tests read which transport
 * they exercise with `inject('transport')` (packages/client/test/helpers/transport.ts).
 */
const perTransport = [
  'wire',
  'invocation-family.wire',
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
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          provide: { transport: 'node' },
          // Prism and Chromium, started once for the files that share them (on the first ask).
          globalSetup: ['test/setup/shared-parts.ts'],
          // Type tests: `*.test-d.ts` files are compiled with tsc; a failing expectation or an unused
          // `@ts-expect-error` fails the run like any other test.
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
    ],
  },
});
