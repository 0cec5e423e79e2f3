/**
 * `npm run release:check`: compares the working tree with the release baseline (spec, public
 * `.d.ts`, generator and tools), prints every change with its origin and rating, the required
 * and the declared bump, and exits 1 when the changesets declare less than the changes require.
 * Run after a build: it reads generated/openapi.json and packages/client/dist/index.d.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readBaseline } from './baseline.js';
import { computeFingerprint } from './fingerprint.js';
import { baselineDir, bundledSpec, changesetDir, clientDeclarations, clientDir, clientPackageName, repoRoot } from './paths.js';
import { runReleaseCheck } from './release-check.js';
import { formatReport } from './verdict.js';

try {
  if (!existsSync(clientDeclarations)) throw new Error(`${relative(repoRoot, clientDeclarations)} is missing: run npm run build first`);
  const { version } = JSON.parse(readFileSync(`${clientDir}/package.json`, 'utf8')) as { version: string };
  const verdict = await runReleaseCheck({
    baselineDir,
    spec: bundledSpec,
    declarations: clientDeclarations,
    fingerprint: computeFingerprint(repoRoot),
    changesetDir,
    packageName: clientPackageName,
    version,
  });
  const { record } = readBaseline(baselineDir);
  process.stdout.write(formatReport(verdict, { baseline: `release/baseline/, ${record.version} from ${record.source.commit.slice(0, 12)}` }));
  process.exitCode = verdict.ok ? 0 : 1;
} catch (error) {
  process.stderr.write(`release:check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
