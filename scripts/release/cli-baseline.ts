/**
 * The command line's release baseline: the surface and the fingerprint of the last release of
 * @fgs-openapi/cli, committed under release/cli-baseline/ beside the client's release/baseline/
 * (each folder is one package's snapshot, replaced whole). Written only by `npm run release`.
 * Until the first release there is none, and the gate treats the package as new.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CliSurface } from './cli-surface.js';
import type { Fingerprint } from './fingerprint.js';
import { sha256 } from '../shared/sha256.js';

export const cliBaselineFiles = { surface: 'surface.json', record: 'baseline.json' } as const;

export interface CliBaselineRecord {
  readonly package: string;
  readonly version: string;
  readonly source: { readonly commit: string; readonly note: string };
  readonly fingerprint: Fingerprint;
  /** sha256 of surface.json, so a hand edit is noticed. */
  readonly sha256: { readonly surface: string };
}

export interface CliBaseline {
  readonly dir: string;
  readonly record: CliBaselineRecord;
  readonly surface: CliSurface;
}

/** The baseline in `dir`, or undefined when the package was never released (no baseline.json). */
export function readCliBaseline(dir: string): CliBaseline | undefined {
  const recordFile = join(dir, cliBaselineFiles.record);
  let text: string;
  try {
    text = readFileSync(recordFile, 'utf8');
  } catch (error) {
    // No baseline: never released. Any other failure must not read as "new package".
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let record: CliBaselineRecord;
  try {
    record = JSON.parse(text) as CliBaselineRecord;
  } catch (cause) {
    throw new Error(`${recordFile} is not JSON (${cause instanceof Error ? cause.message : String(cause)}); it is written by npm run release`);
  }
  const surfaceFile = join(dir, cliBaselineFiles.surface);
  const surfaceText = readFileSync(surfaceFile, 'utf8');
  if (sha256(surfaceText) !== record.sha256?.surface) {
    throw new Error(`${surfaceFile} does not match the sha256 in ${recordFile}: the baseline was edited by hand; only npm run release writes it`);
  }
  return { dir, record, surface: JSON.parse(surfaceText) as CliSurface };
}

export interface NewCliBaseline {
  readonly package: string;
  readonly version: string;
  readonly source: CliBaselineRecord['source'];
  readonly fingerprint: Fingerprint;
  readonly surface: CliSurface;
}

/** Replaces the baseline in `dir` with a new snapshot, whole (staged beside it, then swapped). */
export function writeCliBaseline(dir: string, snapshot: NewCliBaseline): void {
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const surface = `${JSON.stringify(snapshot.surface, null, 2)}\n`;
  const record: CliBaselineRecord = {
    package: snapshot.package,
    version: snapshot.version,
    source: snapshot.source,
    fingerprint: snapshot.fingerprint,
    sha256: { surface: sha256(surface) },
  };
  writeFileSync(join(staging, cliBaselineFiles.surface), surface);
  writeFileSync(join(staging, cliBaselineFiles.record), `${JSON.stringify(record, null, 2)}\n`);
  mkdirSync(dirname(dir), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}
