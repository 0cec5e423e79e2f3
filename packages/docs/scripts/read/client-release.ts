/**
 * Which version of the client the page documents. The page is built from the repository as it is,
 * so it shows the pending changes too: when changesets are pending, it documents the version they
 * will produce, not the one last released. That version is computed by Changesets itself (its
 * release plan, as `changeset version` applies it, `.changeset/config.json` included), so the page
 * and the release can never disagree on it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import getReleasePlan from '@changesets/get-release-plan';

export type Bump = 'major' | 'minor' | 'patch';

/** One pending changeset, as far as it concerns the client. */
export interface PendingChange {
  readonly bump: Bump;
  /** What changed, in the changeset's own Markdown. */
  readonly summary: string;
}

export interface ClientRelease {
  readonly packageName: string;
  /** The version in the package's package.json: the last one released. */
  readonly released: string;
  /** The package's CHANGELOG.md: the released versions. */
  readonly changelog: string;
  /** What the pending changesets will release; absent when none is pending. */
  readonly pending?: {
    readonly version: string;
    readonly changes: readonly PendingChange[];
  };
}

/**
 * The release of the package whose package.json is `packageJsonFile`, in the Changesets
 * repository at `repoRoot` (the folder holding `.changeset/`).
 */
export async function readClientRelease(repoRoot: string, packageJsonFile: string): Promise<ClientRelease> {
  const { name, version } = JSON.parse(readFileSync(packageJsonFile, 'utf8')) as { name: string; version: string };
  const changelog = readFileSync(join(dirname(packageJsonFile), 'CHANGELOG.md'), 'utf8');
  const plan = await getReleasePlan(repoRoot);
  const release = plan.releases.find((r) => r.name === name);
  if (!release || release.type === 'none' || release.newVersion === version) {
    return { packageName: name, released: version, changelog };
  }
  const changes = plan.changesets
    .filter((changeset) => release.changesets.includes(changeset.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .flatMap((changeset) => {
      const type = changeset.releases.find((r) => r.name === name)?.type;
      return type === undefined || type === 'none' ? [] : [{ bump: type, summary: changeset.summary.trim() }];
    });
  return { packageName: name, released: version, changelog, pending: { version: release.newVersion, changes } };
}
