import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/fixtures/**'],
    // Type tests: `*.test-d.ts` files are compiled with tsc; a failing expectation or an unused
    // `@ts-expect-error` fails the run like any other test.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts', 'packages/*/test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    // Never write a snapshot or golden file, CI or not: a missing one fails. Only
    // `npm run test:update-golden` (which passes -u) writes expectations.
    update: 'none',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', ['json', { outputFile: '.vitest/results.json' }]],
  },
});
