/**
 * Once only: the baseline of a release made before this machinery existed, built from the commit
 * that released it. Checks the commit out in a temporary git worktree, installs and builds it
 * there, and takes its bundled spec, its public `.d.ts` and its fingerprint. Afterwards only
 * `npm run release` writes the baseline.
 *
 * Usage: tsx scripts/release/seed-baseline.ts <commit> [--worktree <dir>]
 * (with --worktree, an existing worktree at that commit that is already built is reused)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBaseline } from './baseline.js';
import { computeFingerprint } from './fingerprint.js';
import { baselineDir, clientPackageName, repoRoot } from './paths.js';

const [commitArg, flag, worktreeArg] = process.argv.slice(2);
if (!commitArg || (flag !== undefined && (flag !== '--worktree' || !worktreeArg))) {
  process.stderr.write('usage: tsx scripts/release/seed-baseline.ts <commit> [--worktree <dir>]\n');
  process.exit(2);
}
const git = (args: string[], cwd = repoRoot) => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();
const commit = git(['rev-parse', '--verify', `${commitArg}^{commit}`]);

let worktree = worktreeArg;
if (!worktree || !existsSync(join(worktree, '.git'))) {
  worktree ??= join(mkdtempSync(join(tmpdir(), 'fgs-release-seed-')), 'tree');
  git(['worktree', 'add', '--detach', worktree, commit]);
}
if (git(['rev-parse', 'HEAD'], worktree) !== commit) throw new Error(`${worktree} is not at ${commit}`);
const declarations = join(worktree, 'packages/client/dist/index.d.ts');
if (!existsSync(declarations)) {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: worktree, stdio: 'inherit' });
  execFileSync('npx', ['turbo', 'run', 'build', '--filter=@fgs-openapi/client'], { cwd: worktree, stdio: 'inherit' });
}

const manifest = JSON.parse(readFileSync(join(worktree, 'packages/client/package.json'), 'utf8')) as { name: string; version: string };
if (manifest.name !== clientPackageName) throw new Error(`${commit} has ${manifest.name}, not ${clientPackageName}`);
writeBaseline(baselineDir, {
  package: manifest.name,
  version: manifest.version,
  source: {
    commit,
    note: `built from ${commit.slice(0, 12)} (where ${manifest.version} was set up) in a clean worktree: npm ci, turbo build of the client; by scripts/release/seed-baseline.ts`,
  },
  fingerprint: computeFingerprint(worktree),
  spec: readFileSync(join(worktree, 'generated/openapi.json'), 'utf8'),
  declarations: readFileSync(declarations, 'utf8'),
});
process.stdout.write(`baseline of ${manifest.name} ${manifest.version} from ${commit} written to release/baseline/\n`);
