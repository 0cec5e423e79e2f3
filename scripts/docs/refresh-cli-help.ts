/**
 * `npm run docs:cli`: rewrites docs/cli.md's `--help` blocks with what the built `fgs` prints, and
 * its exit-code table from `exitCodeRows`. The script builds the command line first; this file
 * runs `packages/cli/dist/fgs.js` as it is.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exitCodeRows } from '../../packages/cli/src/help.js';
import { builtFgs, cliDocPath, helpBlocks, refreshCliDoc, repoRoot } from './cli-help.js';

if (!existsSync(builtFgs)) {
  process.stderr.write(`${path.relative(repoRoot, builtFgs)} is missing: run npm run build first\n`);
  process.exit(1);
}
const before = await readFile(cliDocPath, 'utf8');
const after = await refreshCliDoc(before, exitCodeRows);
const where = path.relative(repoRoot, cliDocPath);
if (after === before) {
  process.stdout.write(`${where} is up to date (${helpBlocks(before).length} help blocks, the exit codes)\n`);
} else {
  await writeFile(cliDocPath, after);
  process.stdout.write(`${where}: help blocks and exit codes refreshed from the built fgs\n`);
}
