/**
 * `npm run api:diff`: what the changes since the last release do to the public surface of
 * @fgs-openapi/client, as a unified diff for review: the declarations the last release published
 * (release/baseline/index.d.ts, the one snapshot the gate also compiles against) against the build.
 *
 * The diff goes to stdout, coloured only on a terminal and never with NO_COLOR; the summary to
 * stderr. Exit 0 whether or not the surface changed (the gate, npm run release:check, rates the
 * changes); 2 when there is nothing to compare (no build, a baseline edited by hand).
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { readBaseline } from './baseline.js';
import { baselineDir, clientDeclarations, clientPackageName, repoRoot } from './released-package.js';
import { diffSurfaces } from './surface.js';

const colour = process.stdout.isTTY === true && !process.env['NO_COLOR'];
const paint = (line: string) => {
  if (!colour) return line;
  if (line.startsWith('+') && !line.startsWith('+++')) return `\x1b[32m${line}\x1b[0m`;
  if (line.startsWith('-') && !line.startsWith('---')) return `\x1b[31m${line}\x1b[0m`;
  if (line.startsWith('@@')) return `\x1b[36m${line}\x1b[0m`;
  return line;
};

try {
  const build = relative(repoRoot, clientDeclarations);
  if (!existsSync(clientDeclarations)) throw new Error(`${build} is missing: run npm run build first`);
  const baseline = readBaseline(baselineDir);
  const { version } = baseline.record;
  const diff = diffSurfaces(
    { label: `${clientPackageName} ${version} (${relative(repoRoot, baseline.declarationsFile)})`, file: baseline.declarationsFile },
    { label: `build (${build})`, file: clientDeclarations },
  );
  process.stdout.write(diff.patch.split('\n').map(paint).join('\n'));
  process.stderr.write(
    diff.patch
      ? `api:diff: the public surface changed since ${version}: ${diff.added} line(s) added, ${diff.removed} removed; npm run release:check rates each change\n`
      : `api:diff: the public surface is the one ${version} published\n`,
  );
} catch (error) {
  process.stderr.write(`api:diff: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
