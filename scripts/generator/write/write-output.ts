/**
 * Writing: getting files to disk without ever leaving a half-written output folder. Everything is
 * written to a sibling temporary folder first and swapped in with renames once it is complete.
 * The only module that changes the disk.
 */
import * as fsPromises from 'node:fs/promises';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';

/**
 * The output folder is replaced as a whole, so it must be one the generator wrote (its
 * manifest.json says so) or empty: a mistyped `--out` must not delete a maintainer's files.
 */
async function assertReplaceable(target: string, outDir: string, owner: string): Promise<void> {
  const names = await readdir(target).catch(() => [] as string[]);
  if (names.length === 0) return;
  const manifest = await readFile(path.join(target, 'manifest.json'), 'utf8').catch(() => undefined);
  try {
    if (manifest && (JSON.parse(manifest) as { generator?: { name?: string } }).generator?.name === owner) return;
  } catch {
    // not JSON: not ours
  }
  throw new UsageError(
    `refusing to replace ${outDir}/: it is not empty and has no manifest.json written by the ${owner}. Choose a new or empty folder for --out.`,
  );
}

/** The file operations that change the disk; tests pass a copy that fails at a chosen step. */
export type OutputFs = Pick<typeof fsPromises, 'mkdtemp' | 'writeFile' | 'rename' | 'rm'>;

export interface WriteOptions {
  /** The folder a relative `outDir` is relative to; the process's working directory by default. */
  cwd?: string;
  fs?: OutputFs;
}

/**
 * Replaces `outDir` (as the maintainer typed it, which is how messages name it) with a folder
 * holding exactly `files`; `owner` is the generator name its manifest.json must carry.
 */
export async function writeOutputAtomically(outDir: string, files: Map<string, string>, owner: string, options: WriteOptions = {}): Promise<void> {
  const { mkdtemp, writeFile, rename, rm } = options.fs ?? fsPromises;
  const target = path.resolve(options.cwd ?? process.cwd(), outDir);
  const parent = path.dirname(target);
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new UsageError(`${outDir} exists and is not a folder`);
  if (existing) await assertReplaceable(target, outDir, owner);
  const staging = await mkdtemp(path.join(parent, `.${path.basename(target)}.new-`));
  try {
    for (const [name, text] of files) await writeFile(path.join(staging, name), text);
    if (!existing) {
      await rename(staging, target);
      return;
    }
    const retired = `${staging.replace(/\.new-/, '.old-')}`;
    await rename(target, retired);
    try {
      await rename(staging, target);
    } catch (error) {
      await rename(retired, target); // put the old output back before reporting
      throw error;
    }
    await rm(retired, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** The files of a folder (not recursive), or an empty map if it does not exist. */
export async function readOutput(outDir: string, cwd = process.cwd()): Promise<Map<string, string>> {
  const dir = path.resolve(cwd, outDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = new Map<string, string>();
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    if ((await stat(file)).isFile()) files.set(name, await readFile(file, 'utf8'));
  }
  return files;
}
