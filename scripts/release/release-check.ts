/**
 * `npm run release:check`: the release gate on this repository, for each released package in
 * turn (@fgs-openapi/client, then @fgs-openapi/cli). Prints every change since the package's
 * release baseline with its origin and rating, the required and the declared bump, and exits 1
 * when the pending changesets declare less than the changes require for either (2 when it cannot
 * tell). Run after a build: it reads generated/openapi.json and packages/client/dist/index.d.ts;
 * the command line's surface is read from its sources.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { checkCliRepository } from './cli-gate.js';
import { checkRepository } from './gate.js';
import { clientDeclarations, repoRoot } from './released-package.js';

try {
  if (!existsSync(clientDeclarations)) throw new Error(`${relative(repoRoot, clientDeclarations)} is missing: run npm run build first`);
  const client = await checkRepository();
  const cli = await checkCliRepository();
  process.stdout.write(`${client.report}\n${cli.report}`);
  process.exitCode = client.verdict.ok && cli.verdict.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`release:check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
