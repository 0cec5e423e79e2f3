/**
 * `npm run release`: the whole release of @fgs-openapi/client and of the command line on it,
 * @fgs-openapi/cli, on this machine, up to the one step that needs a registry. A package is
 * released when `changeset version` moves its version: when changesets are pending for it, or
 * (the command line) when Changesets raises its range of the client. In order:
 *
 *  1. refuse a dirty tree or a tree with no pending changeset for either package;
 *  2. check generated/ against the spec, build, and run release:check on both (the changesets must
 *     declare at least what the changes require); print what the release does to the client's
 *     public surface (the api:diff against the baseline);
 *  3. apply the changesets (`changeset version`: package.json, CHANGELOG.md), and the new versions
 *     into package-lock.json;
 *  4. build again (the docs page shows the version);
 *  5. run every test (the command line's tests install packed tarballs of this build);
 *  6. pack each released package into release/out/ and check the client's tarball (publint,
 *     attw, a fresh-project install: test/package/tarball.test.ts with FGS_TARBALL);
 *  7. write the new release baselines (release/baseline/, release/cli-baseline/) and prove
 *     release:check now sees no change;
 *  8. `npm publish --dry-run` of each tarball, printing what would be published.
 *
 * It commits nothing and publishes nothing: it ends by printing the commands that do, the client
 * first (the command line depends on it).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { readBaseline, writeBaseline } from './baseline.js';
import { readChangesets } from './changesets.js';
import { writeCliBaseline } from './cli-baseline.js';
import { checkCliRepository } from './cli-gate.js';
import { loadCliSurface } from './cli-surface.js';
import { computeCliFingerprint, computeFingerprint } from './fingerprint.js';
import {
  baselineDir,
  bundledSpec,
  changesetDir,
  cliBaselineDir,
  cliDir,
  cliPackageName,
  cliSurfaceFiles,
  cliVersion,
  clientDeclarations,
  clientDir,
  clientPackageName,
  clientVersion,
  repoRoot,
} from './released-package.js';
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

/** release:check on both packages; true when neither has any change since its baseline. */
async function check(): Promise<boolean> {
  const client = await checkRepository();
  const cli = await checkCliRepository();
  process.stdout.write(`${client.report}\n${cli.report}`);
  if (!client.verdict.ok || !cli.verdict.ok) throw new ReleaseError('release:check failed: fix the changesets (see above) before releasing');
  return client.verdict.findings.length === 0 && cli.verdict.findings.length === 0;
}

/** A package of this release: where it lives, and its version before and after `changeset version`. */
interface ReleasedPackage {
  readonly name: string;
  readonly dir: string;
  /** Its entry in package-lock.json. */
  readonly lockKey: string;
  /** The git tag's prefix: client-v0.3.0. */
  readonly tag: string;
  readonly version: () => string;
}

const clientPackage: ReleasedPackage = { name: clientPackageName, dir: clientDir, lockKey: 'packages/client', tag: 'client-v', version: clientVersion };
const cliPackage: ReleasedPackage = { name: cliPackageName, dir: cliDir, lockKey: 'packages/cli', tag: 'cli-v', version: cliVersion };

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

/**
 * `changeset version` does not touch the lockfile; the workspace's entry carries the version, and
 * the dependencies (Changesets raises the command line's range of the client past a minor on 0.x).
 */
function writeLockfileVersion(pkg: ReleasedPackage, version: string): void {
  const file = join(repoRoot, 'package-lock.json');
  const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };
  const entry = lock.packages[pkg.lockKey];
  if (!entry) throw new ReleaseError(`package-lock.json has no ${pkg.lockKey} entry`);
  entry.version = version;
  const manifest = JSON.parse(readFileSync(join(pkg.dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  if (manifest.dependencies && entry.dependencies) entry.dependencies = manifest.dependencies;
  writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
}

/** The CHANGELOG.md section of `version`. */
function changelogEntry(pkg: ReleasedPackage, version: string): string {
  const changelog = join(pkg.dir, 'CHANGELOG.md');
  const text = readFileSync(changelog, 'utf8');
  const start = text.indexOf(`\n## ${version}\n`);
  if (start < 0) throw new ReleaseError(`${relative(repoRoot, changelog)} has no "## ${version}" entry`);
  const next = text.indexOf('\n## ', start + 1);
  return text.slice(start + 1, next < 0 ? undefined : next).trim();
}

async function main(): Promise<void> {
  step('preconditions');
  const dirty = capture('git', ['status', '--porcelain']).stdout.trim();
  if (dirty) throw new ReleaseError(`the working tree has uncommitted changes; commit or stash them first:\n${dirty}`);
  const packages = [clientPackage, cliPackage];
  const pending = new Map(packages.map((pkg) => [pkg, readChangesets(changesetDir, pkg.name)]));
  if (packages.every((pkg) => pending.get(pkg)!.length === 0)) {
    throw new ReleaseError(`no pending changeset for ${clientPackageName} or ${cliPackageName}: nothing to release (add one with npx changeset)`);
  }
  const before = new Map(packages.map((pkg) => [pkg, pkg.version()]));
  const commit = capture('git', ['rev-parse', 'HEAD']).stdout.trim();
  for (const pkg of packages) process.stdout.write(`${pkg.name} ${before.get(pkg)} at ${commit.slice(0, 12)}, ${pending.get(pkg)!.length} pending changeset(s)\n`);

  step('generated/ matches the spec, build, release:check');
  run('npm', ['run', 'check']);
  run('npm', ['run', 'build']);
  assertSelfContained(clientDeclarations);
  await check();
  const clientBefore = before.get(clientPackage)!;
  const surface = diffSurfaces({ label: `${clientPackageName} ${clientBefore}`, file: readBaseline(baselineDir).declarationsFile }, { label: 'this release', file: clientDeclarations });
  process.stdout.write(surface.patch ? `\nThe public surface, ${clientBefore} → this release:\n${surface.patch}` : `\nThe public surface is the one ${clientBefore} published.\n`);

  step('apply the changesets (version and CHANGELOG.md)');
  run('npx', ['changeset', 'version']);
  const released: { pkg: ReleasedPackage; version: string }[] = [];
  for (const pkg of packages) {
    const version = pkg.version();
    const was = before.get(pkg)!;
    if (version === was) {
      if (pending.get(pkg)!.length > 0) throw new ReleaseError(`changeset version left ${pkg.name} at ${was}`);
      process.stdout.write(`${pkg.name} stays at ${was} (not released)\n`);
      continue;
    }
    writeLockfileVersion(pkg, version);
    released.push({ pkg, version });
    process.stdout.write(`${pkg.name} ${was} → ${version}\n`);
  }

  step('build with the new version');
  run('npm', ['run', 'build']);

  step('every test');
  run('npm', ['test']);

  step('pack, and check the client\'s tarball (publint, attw, fresh-project install)');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const tarballs = new Map<ReleasedPackage, string>();
  for (const { pkg } of released) {
    const packed = JSON.parse(capture('npm', ['pack', '-w', pkg.name, '--json', '--pack-destination', outDir]).stdout.replace(/^[^[]*/, '')) as { filename: string }[];
    tarballs.set(pkg, join(outDir, packed[0]!.filename));
  }
  const clientTarball = tarballs.get(clientPackage);
  if (clientTarball) run('npx', ['vitest', 'run', 'test/package/tarball.test.ts'], { FGS_TARBALL: clientTarball });
  if (tarballs.has(cliPackage)) {
    // packages/cli/test packs and installs its own tarballs of this same build (step "every test");
    // it takes no tarball from outside, so the file below is packed from what those tests ran.
    process.stdout.write(`${cliPackageName}: its tarball tests ran in "every test", on tarballs packed from this build\n`);
  }

  step('update the release baselines');
  for (const { pkg, version } of released) {
    const source = { commit, note: `release ${version} by npm run release, built from ${commit.slice(0, 12)} with its pending changesets applied` };
    if (pkg === clientPackage) {
      writeBaseline(baselineDir, {
        package: clientPackageName,
        version,
        source,
        fingerprint: computeFingerprint(repoRoot),
        spec: readFileSync(bundledSpec, 'utf8'),
        declarations: readFileSync(clientDeclarations, 'utf8'),
      });
    } else {
      writeCliBaseline(cliBaselineDir, { package: cliPackageName, version, source, fingerprint: computeCliFingerprint(repoRoot), surface: await loadCliSurface(cliSurfaceFiles) });
    }
  }
  // The baselines are now this release: the check must see no change at all.
  if (!(await check())) throw new ReleaseError('release:check still sees changes against the baselines just written');

  step('npm publish --dry-run');
  for (const tarball of tarballs.values()) {
    const dryRun = capture('npm', ['publish', '--dry-run', '--access', 'public', tarball]);
    process.stdout.write(dryRun.stdout + dryRun.stderr);
  }

  const changed = capture('git', ['status', '--porcelain']).stdout.trimEnd();
  const names = released.map(({ pkg, version }) => `${pkg.name} ${version}`);
  process.stdout.write(
    [
      '',
      `== released ${names.join(' and ')} (not yet published)`,
      '',
      ...released.flatMap(({ pkg, version }) => [changelogEntry(pkg, version).replace(/^## /, `## ${pkg.name} `), '']),
      'Changed files (review with git diff, then commit them together):',
      changed,
      '',
      `Then publish exactly the tarball${released.length > 1 ? 's' : ''} that ${released.length > 1 ? 'were' : 'was'} checked${released.length > 1 ? ', the client first (the command line depends on it)' : ''}, and tag the commit:`,
      `  git add -A && git commit -m "Release ${names.join(', ')}"`,
      // `released` is in the packages' order: the client before the command line.
      ...released.map(({ pkg }) => `  npm publish ${relative(repoRoot, tarballs.get(pkg)!)} --access public`),
      `  ${released.map(({ pkg, version }) => `git tag ${pkg.tag}${version}`).join(' && ')} && git push && git push --tags`,
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
