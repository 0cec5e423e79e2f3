/** Every file under a folder with its hash, so "left exactly as it was" can be asserted. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../../scripts/shared/sha256.js';

export async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, file)] = sha256(await readFile(file));
  }
  return result;
}
