/**
 * The command line's release baseline: the surface and the fingerprint of the last release of
 * @fgs-openapi/cli, committed under release/cli-baseline/ beside the client's release/baseline/
 * (each folder is one package's snapshot, replaced whole). Written only by `npm run release`.
 * Until the first release there is none, and the gate treats the package as new.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readUnedited, replaceSnapshot } from './baseline.js';
import type { CliSurface } from './cli-surface.js';
import type { Fingerprint } from './fingerprint.js';

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
  const surfaceText = readUnedited(join(dir, cliBaselineFiles.surface), record.sha256?.surface, recordFile);
  return { dir, record, surface: JSON.parse(surfaceText) as CliSurface };
}

export interface NewCliBaseline {
  readonly package: string;
  readonly version: string;
  readonly source: CliBaselineRecord['source'];
  readonly fingerprint: Fingerprint;
  readonly surface: CliSurface;
}

/** Replaces the baseline in `dir` with a new snapshot, whole. */
export function writeCliBaseline(dir: string, snapshot: NewCliBaseline): void {
  const { package: name, version, source, fingerprint } = snapshot;
  replaceSnapshot(dir, { package: name, version, source, fingerprint }, {
    surface: { file: cliBaselineFiles.surface, text: `${JSON.stringify(snapshot.surface, null, 2)}\n` },
  });
}
