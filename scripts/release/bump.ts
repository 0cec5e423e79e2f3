/**
 * How a change rates and which version bump it requires. Three levels of change, one policy:
 *
 * - `breaking`: code written against the last release may stop compiling or behave wrongly;
 * - `additive`: something new, everything old still works;
 * - `patch`: a fix or an invisible change (a description, the generator, a tool).
 *
 * From 1.0 on that is plain semver (major, minor, patch). Below 1.0 a caret range (`^0.2.0`)
 * accepts only patches, so a breaking change is a minor bump and anything else a patch: that is
 * what keeps `^0.x` consumers safe.
 */

export type Level = 'patch' | 'additive' | 'breaking';
export type Bump = 'none' | 'patch' | 'minor' | 'major';

/** How much a level weighs: higher needs the bigger bump. */
export const levelOrder: Record<Level, number> = { patch: 1, additive: 2, breaking: 3 };
const bumpOrder: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export function maxLevel(levels: Iterable<Level>): Level | undefined {
  let max: Level | undefined;
  for (const level of levels) if (!max || levelOrder[level] > levelOrder[max]) max = level;
  return max;
}

export function compareBumps(a: Bump, b: Bump): number {
  return bumpOrder[a] - bumpOrder[b];
}

export function maxBump(bumps: Iterable<Bump>): Bump {
  let max: Bump = 'none';
  for (const bump of bumps) if (compareBumps(bump, max) > 0) max = bump;
  return max;
}

function parseVersion(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version);
  if (!match) throw new Error(`"${version}" is not a semver version (major.minor.patch)`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** The least bump a change of this level requires from `version`, under the policy above. */
export function requiredBump(version: string, level: Level | undefined): Bump {
  if (!level) return 'none';
  const [major] = parseVersion(version);
  if (major === 0) return level === 'breaking' ? 'minor' : 'patch';
  return level === 'breaking' ? 'major' : level === 'additive' ? 'minor' : 'patch';
}

/** `version` raised by `bump` (what `changeset version` will write). */
export function applyBump(version: string, bump: Bump): string {
  const [major, minor, patch] = parseVersion(version);
  if (bump === 'major') return `${major + 1}.0.0`;
  if (bump === 'minor') return `${major}.${minor + 1}.0`;
  if (bump === 'patch') return `${major}.${minor}.${patch + 1}`;
  return `${major}.${minor}.${patch}`;
}
