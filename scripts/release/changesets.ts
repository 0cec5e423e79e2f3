/**
 * The bump the pending changesets declare: the files in `.changeset/` that `changeset version`
 * will apply, read with Changesets' own parser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import parseChangeset from '@changesets/parse';
import { maxBump, type Bump } from './bump.js';

export interface PendingChangeset {
  readonly file: string;
  readonly bump: Bump;
  readonly summary: string;
}

/** The changesets in `dir` that release `packageName`, with the bump each declares for it. */
export function readChangesets(dir: string, packageName: string): PendingChangeset[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    // No changeset folder: no pending changeset. Any other failure must not read as "none".
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const pending: PendingChangeset[] = [];
  for (const name of names.filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md').sort()) {
    const file = join(dir, name);
    let parsed;
    try {
      parsed = parseChangeset(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new Error(`${file}: not a changeset Changesets can read (${cause instanceof Error ? cause.message : String(cause)})`);
    }
    for (const release of parsed.releases) {
      if (release.name === packageName && release.type !== 'none') pending.push({ file, bump: release.type, summary: parsed.summary.trim() });
    }
  }
  return pending;
}

export function declaredBump(changesets: readonly PendingChangeset[]): Bump {
  return maxBump(changesets.map((c) => c.bump));
}
