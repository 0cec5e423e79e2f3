/**
 * Getting files to disk without ever leaving a half-written output folder: everything is written
 * to a sibling temporary folder first and swapped in with renames once it is complete.
 */
import { mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

export async function writeOutputAtomically(outDir: string, files: Map<string, string>): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const staging = await mkdtemp(path.join(parent, `.${path.basename(target)}.new-`));
  try {
    for (const [name, text] of files) await writeFile(path.join(staging, name), text);
    const existing = await stat(target).catch(() => undefined);
    if (existing && !existing.isDirectory()) throw new Error(`${outDir} exists and is not a folder`);
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
export async function readOutput(outDir: string): Promise<Map<string, string>> {
  const names = await readdir(outDir).catch(() => [] as string[]);
  const files = new Map<string, string>();
  for (const name of names.sort()) {
    const file = path.join(outDir, name);
    if ((await stat(file)).isFile()) files.set(name, await readFile(file, 'utf8'));
  }
  return files;
}
