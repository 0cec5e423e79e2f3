/**
 * What the spec diff and the `.d.ts` cannot see: the generator, the hand-written runtime and the
 * pinned tools that turn the spec into the published files. A change to any of them changes what
 * consumers install, so it is at least a patch.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Level } from './bump.js';
import type { Finding } from './finding.js';
import { sha256 } from '../shared/sha256.js';

export interface Fingerprint {
  /** Repository-relative path → sha256 of the file. */
  readonly files: Record<string, string>;
  /** Tool or dependency → pinned version. */
  readonly tools: Record<string, string>;
}

/** The sources whose change is a generator or runtime change, relative to the repository root. */
export const fingerprintSources = ['scripts/generate.ts', 'scripts/generator', 'scripts/shared', 'packages/client/src', 'packages/client/tsup.config.ts'] as const;

/** The tools that produce the published files, pinned in the root package.json. */
export const fingerprintTools = ['@redocly/openapi-core', 'openapi-typescript', 'ts-morph', 'typescript', 'tsup'] as const;

function listFiles(root: string, entry: string): string[] {
  const full = join(root, entry);
  let stat;
  try {
    stat = statSync(full);
  } catch (error) {
    // An entry that is not there has no files; one that cannot be read must not look the same.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  if (stat.isFile()) return [entry];
  return readdirSync(full)
    .sort()
    .flatMap((name) => listFiles(root, `${entry}/${name}`));
}

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

/**
 * The command line's sources, @fgs-openapi/cli: its code, its launcher (bin/) and build config,
 * and the spec's words it bundles for `fgs call --help`. Its surface is compared on its own
 * (cli-surface.ts); any other change to these (a fix, reworded help) reaches its users, so it is
 * at least a patch.
 */
export const cliFingerprintSources = ['packages/cli/src', 'packages/cli/bin', 'packages/cli/tsup.config.ts', 'generated/operation-docs.gen.ts'] as const;

/** The tools that build the command line, pinned in the root package.json. */
export const cliFingerprintTools = ['typescript', 'tsup'] as const;

/** The fingerprint of the tree at `root` (a checkout of this repository). */
export function computeFingerprint(root: string): Fingerprint {
  return fingerprintOf(root, fingerprintSources, fingerprintTools, 'packages/client/package.json');
}

/** The command line's fingerprint in the tree at `root`. */
export function computeCliFingerprint(root: string): Fingerprint {
  return fingerprintOf(root, cliFingerprintSources, cliFingerprintTools, 'packages/cli/package.json');
}

function fingerprintOf(root: string, sources: readonly string[], toolNames: readonly string[], packageManifest: string): Fingerprint {
  const files: Record<string, string> = {};
  for (const source of sources) {
    for (const file of listFiles(root, source)) files[relative(root, join(root, file)).split(sep).join('/')] = sha256(readFileSync(join(root, file)));
  }
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
  const manifest = JSON.parse(readFileSync(join(root, packageManifest), 'utf8')) as Manifest;
  const tools: Record<string, string> = {};
  for (const name of toolNames) {
    const version = rootManifest.devDependencies?.[name] ?? rootManifest.dependencies?.[name];
    if (version) tools[name] = version;
  }
  // A runtime dependency of the published package is bundled into consumers' installs.
  for (const [name, version] of Object.entries(manifest.dependencies ?? {})) tools[`dependency ${name}`] = version;
  return { files, tools };
}

function originOf(path: string): Finding['origin'] {
  return path.startsWith('packages/') ? 'runtime' : 'generator';
}

/** One finding per file or tool that differs; each is a patch (the floor, not the ceiling). */
export function compareFingerprints(base: Fingerprint, current: Fingerprint): Finding[] {
  const findings: Finding[] = [];
  const level: Level = 'patch';
  const paths = [...new Set([...Object.keys(base.files), ...Object.keys(current.files)])].sort();
  for (const path of paths) {
    const before = base.files[path];
    const after = current.files[path];
    if (before === after) continue;
    const what = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
    findings.push({ origin: originOf(path), level, subject: path, message: `${path} ${what}` });
  }
  const tools = [...new Set([...Object.keys(base.tools), ...Object.keys(current.tools)])].sort();
  for (const tool of tools) {
    const before = base.tools[tool];
    const after = current.tools[tool];
    if (before === after) continue;
    findings.push({ origin: 'tools', level, subject: tool, message: `${tool} ${before ?? '(none)'} → ${after ?? '(none)'}` });
  }
  return findings;
}
