/**
 * The release baseline: what the last release published, committed under release/baseline/ so
 * release:check needs no registry and no git tags. Written only by `npm run release`.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Fingerprint } from './fingerprint.js';
import { sha256 } from '../shared/sha256.js';

export const baselineFiles = { spec: 'openapi.json', declarations: 'index.d.ts', record: 'baseline.json' } as const;

export interface BaselineRecord {
  readonly package: string;
  readonly version: string;
  /** Where the snapshot came from: the commit it was built from, and how. */
  readonly source: { readonly commit: string; readonly note: string };
  readonly fingerprint: Fingerprint;
  /** sha256 of the two snapshot files, so a hand edit is noticed. */
  readonly sha256: { readonly spec: string; readonly declarations: string };
}

export interface Baseline {
  readonly dir: string;
  readonly record: BaselineRecord;
  readonly specFile: string;
  readonly declarationsFile: string;
}

export function readBaseline(dir: string): Baseline {
  const recordFile = join(dir, baselineFiles.record);
  let record: BaselineRecord;
  try {
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as BaselineRecord;
  } catch (cause) {
    throw new Error(`no release baseline at ${recordFile} (${cause instanceof Error ? cause.message : String(cause)}); it is written by npm run release`);
  }
  const specFile = join(dir, baselineFiles.spec);
  const declarationsFile = join(dir, baselineFiles.declarations);
  readUnedited(specFile, record.sha256.spec, recordFile);
  readUnedited(declarationsFile, record.sha256.declarations, recordFile);
  return { dir, record, specFile, declarationsFile };
}

/** A snapshot file's text, checked against the sha256 its record holds: a hand edit is refused. */
export function readUnedited(file: string, expected: string | undefined, recordFile: string): string {
  const text = readFileSync(file, 'utf8');
  if (sha256(text) !== expected) throw new Error(`${file} does not match the sha256 in ${recordFile}: the baseline was edited by hand; only npm run release writes it`);
  return text;
}

/**
 * A baseline belongs to the package it is read for, at the version the package says: the version
 * moves only with a release (npm run release), never by hand. Throws saying which is wrong.
 */
export function checkBaselineOwner(record: { readonly package: string; readonly version: string }, input: { readonly packageName: string; readonly version: string; readonly baselineDir: string }): void {
  if (record.package !== input.packageName) {
    throw new Error(`the baseline in ${input.baselineDir} is of ${record.package}, not ${input.packageName}`);
  }
  if (record.version !== input.version) {
    throw new Error(
      `${input.packageName} says ${input.version} but the last release (the baseline) was ${record.version}: ` +
        'the version is set only by npm run release, from the changesets; undo the hand edit and add a changeset instead',
    );
  }
}

export interface NewBaseline {
  readonly package: string;
  readonly version: string;
  readonly source: BaselineRecord['source'];
  readonly fingerprint: Fingerprint;
  readonly spec: string;
  readonly declarations: string;
}

/** Replaces the baseline in `dir` with a new snapshot, whole. */
export function writeBaseline(dir: string, snapshot: NewBaseline): void {
  const { package: name, version, source, fingerprint } = snapshot;
  replaceSnapshot(dir, { package: name, version, source, fingerprint }, {
    spec: { file: baselineFiles.spec, text: snapshot.spec },
    declarations: { file: baselineFiles.declarations, text: snapshot.declarations },
  });
}

/**
 * Writes one package's snapshot into `dir`, whole: its files, and `baseline.json` holding `record`
 * and each file's sha256 under the file's key, so a hand edit is noticed. Staged beside `dir`,
 * then swapped in, so a failed write leaves the old snapshot as it was.
 */
export function replaceSnapshot(dir: string, record: object, files: { readonly [key: string]: { readonly file: string; readonly text: string } }): void {
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  for (const { file, text } of Object.values(files)) writeFileSync(join(staging, file), text);
  const hashes = Object.fromEntries(Object.entries(files).map(([key, { text }]) => [key, sha256(text)]));
  writeFileSync(join(staging, baselineFiles.record), `${JSON.stringify({ ...record, sha256: hashes }, null, 2)}\n`);
  mkdirSync(dirname(dir), { recursive: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
}
