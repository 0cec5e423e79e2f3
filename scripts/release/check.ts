/**
 * `npm run release:check`: compares the working tree with the release baseline (spec, public
 * `.d.ts`, generator and tools), prints every change with its origin and rating, the required
 * and the declared bump, and exits 1 when the changesets declare less than the changes require.
 * Run after a build: it reads generated/openapi.json and packages/client/dist/index.d.ts.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { clientDeclarations, repoRoot } from './paths.js';
import { checkRepository } from './release-check.js';

try {
  if (!existsSync(clientDeclarations)) throw new Error(`${relative(repoRoot, clientDeclarations)} is missing: run npm run build first`);
  const { verdict, report } = await checkRepository();
  process.stdout.write(report);
  process.exitCode = verdict.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`release:check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
