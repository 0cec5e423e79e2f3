/**
 * `npm run release:check`: the release gate on this repository. Prints every change since the
 * release baseline with its origin and rating, the required and the declared bump, and exits 1
 * when the pending changesets declare less than the changes require (2 when it cannot tell).
 * Run after a build: it reads generated/openapi.json and packages/client/dist/index.d.ts.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { checkRepository } from './gate.js';
import { clientDeclarations, repoRoot } from './released-package.js';

try {
  if (!existsSync(clientDeclarations)) throw new Error(`${relative(repoRoot, clientDeclarations)} is missing: run npm run build first`);
  const { verdict, report } = await checkRepository();
  process.stdout.write(report);
  process.exitCode = verdict.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`release:check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
