/**
 * `npm run release`: the whole release of @fgs-openapi/client on this machine, up to the one step
 * that needs a registry. In order:
 *
 *  1. refuse a dirty tree or a tree with no pending changeset;
 *  2. check generated/ against the spec, build, and run release:check (the changesets must
 *     declare at least what the changes require); print what the release does to the public
 *     surface (the api:diff against the baseline);
 *  3. apply the changesets (`changeset version`: package.json, CHANGELOG.md), and the new version
 *     into package-lock.json;
 *  4. build again (the docs page shows the version);
 *  5. run every test;
 *  6. pack the client into release/out/ and check that tarball (publint, attw, a fresh-project
 *     install: test/package/tarball.test.ts with FGS_TARBALL);
 *  7. write the new release baseline and prove release:check now sees no change;
 *  8. `npm publish --dry-run` of the tarball, printing what would be published.
 *
 * It commits nothing and publishes nothing: it ends by printing the commands that do.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readBaseline, writeBaseline } from './baseline.js';
import { readChangesets } from './changesets.js';
import { computeFingerprint } from './fingerprint.js';
import { baselineDir, bundledSpec, changesetDir, clientDeclarations, clientDir, clientPackageName, clientVersion, repoRoot } from './released-package.js';
import { checkRepository } from './gate.js';
import { diffSurfaces } from './surface.js';

const outDir = join(repoRoot, 'release/out');

class ReleaseError extends Error {}

function step(title: string): void {
  process.stdout.write(`\n== release: ${title}\n`);
}

/** Runs a command in the repository with its output shown; a failure stops the release. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new ReleaseError(`${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function capture(command: string, args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new ReleaseError(`${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

async function check(): Promise<boolean> {
  const { verdict, report } = await checkRepository();
  process.stdout.write(report);
  if (!verdict.ok) throw new ReleaseError('release:check failed: fix the changesets (see above) before releasing');
  return verdict.findings.length === 0;
}

/**
 * The baseline keeps the declarations as one file, so the build must not split them: a relative
 * import would point at nothing once the file is copied into release/baseline/.
 */
function assertSelfContained(declarations: string): void {
  const relative = /^(?:import|export)\b[^;]*?\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/m.exec(readFileSync(declarations, 'utf8'));
  if (relative) {
    throw new ReleaseError(
      `${declarations} imports ${relative[1]}: the release baseline keeps the public declarations as one file; ` +
        'bundle them into one (tsup dts) before releasing',
    );
  }
}

/** `changeset version` does not touch the lockfile; the workspace's entry carries the version. */
function writeLockfileVersion(version: string): void {
  const file = join(repoRoot, 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, { version?: string }> };
  const entry = lock.packages['packages/client'];
  if (!entry) throw new ReleaseError('package-lock.json has no packages/client entry');
  entry.version = version;
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}

/** The CHANGELOG.md section of `version`. */
function changelogEntry(version: string): string {
  const text = readFileSync(join(clientDir, 'CHANGELOG.md'), 'utf8');
  const start = text.indexOf(`\n## ${version}\n`);
  if (start < 0) throw new ReleaseError(`packages/client/CHANGELOG.md has no "## ${version}" entry`);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(start + 1, next < 0 ? undefined : next).trim();
}

async function main(): Promise<void> {
  step('preconditions');
  const dirty = capture('git', ['status', '--porcelain']).stdout.trim();
  if (dirty) throw new ReleaseError(`the working tree has uncommitted changes; commit or stash them first:\n${dirty}`);
  const pending = readChangesets(changesetDir, clientPackageName);
  if (pending.length === 0) throw new ReleaseError(`no pending changeset for ${clientPackageName}: nothing to release (add one with npx changeset)`);
  const before = clientVersion();
  const commit = capture('git', ['rev-parse', 'HEAD']).stdout.trim();
  process.stdout.write(`${clientPackageName} ${before} at ${commit.slice(0, 12)}, ${pending.length} pending changeset(s)\n`);

  step('generated/ matches the spec, build, release:check');
  run('npm', ['run', 'check']);
  run('npm', ['run', 'build']);
  assertSelfContained(clientDeclarations);
  await check();
  const surface = diffSurfaces({ label: `${clientPackageName} ${before}`, file: readBaseline(baselineDir).declarationsFile }, { label: 'this release', file: clientDeclarations });
  process.stdout.write(surface.patch ? `\nThe public surface, ${before} → this release:\n${surface.patch}` : `\nThe public surface is the one ${before} published.\n`);

  step('apply the changesets (version and CHANGELOG.md)');
  run('npx', ['changeset', 'version']);
  const version = clientVersion();
  if (version === before) throw new ReleaseError(`changeset version left ${clientPackageName} at ${before}`);
  writeLockfileVersion(version);
  process.stdout.write(`${clientPackageName} ${before} → ${version}\n`);

  step('build with the new version');
  run('npm', ['run', 'build']);

  step('every test');
  run('npm', ['test']);

  step('pack and check the tarball (publint, attw, fresh-project install)');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const packed = JSON.parse(capture('npm', ['pack', '-w', clientPackageName, '--json', '--pack-destination', outDir]).stdout.replace(/^[^[]*/, '')) as { filename: string }[];
  const tarball = join(outDir, packed[0]!.filename);
  run('npx', ['vitest', 'run', 'test/package/tarball.test.ts'], { FGS_TARBALL: tarball });

  step('update the release baseline');
  writeBaseline(baselineDir, {
    package: clientPackageName,
    version,
    source: { commit, note: `release ${version} by npm run release, built from ${commit.slice(0, 12)} with its pending changesets applied` },
    fingerprint: computeFingerprint(repoRoot),
    spec: readFileSync(bundledSpec, 'utf8'),
    declarations: readFileSync(clientDeclarations, 'utf8'),
  });
  // The baseline is now this release: the check must see no change at all.
  if (!(await check())) throw new ReleaseError('release:check still sees changes against the baseline just written');

  step('npm publish --dry-run');
  const dryRun = capture('npm', ['publish', '--dry-run', '--access', 'public', tarball]);
  process.stdout.write(dryRun.stdout + dryRun.stderr);

  const changed = capture('git', ['status', '--porcelain']).stdout.trimEnd();
  const tarballPath = relative(repoRoot, tarball);
  process.stdout.write(
    [
      '',
      `== released ${clientPackageName} ${version} (not yet published)`,
      '',
      changelogEntry(version),
      '',
      'Changed files (review with git diff, then commit them together):',
      changed,
      '',
      'Then publish exactly the tarball that was checked, and tag the commit:',
      `  git add -A && git commit -m "Release ${clientPackageName} ${version}"`,
      `  npm publish ${tarballPath} --access public`,
      `  git tag client-v${version} && git push && git push --tags`,
      '',
    ].join('\n'),
  );
}

try {
  await main();
} catch (error) {
  process.stderr.write(`\nrelease: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
