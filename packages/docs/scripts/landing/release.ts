/**
 * Which version of the client the page documents, at its top, and the changelog at its end. When
 * changesets are pending the page says it is unreleased, names the version they will produce, and
 * lists their changes under it ahead of the released versions, as `changeset version` will write
 * them into CHANGELOG.md.
 */

import type { Bump, ClientRelease, PendingChange } from '../read/client-release.js';
import { code } from './markdown.js';

/** Redoc's link to the `# Changelog` section of the landing text. */
export const changelogLink = '#section/Changelog';

/** The line at the top of the page: which version of the client it documents. */
export function releaseNote(release: ClientRelease): string {
  const name = code(release.packageName);
  if (!release.pending) {
    return `This page documents ${name} **${release.released}**. What changed in each version is in the [changelog](${changelogLink}).`;
  }
  const { version } = release.pending;
  return `> **Unreleased.** This page documents ${name} **${version}**, the version its pending changes will be ` +
    `released as. The latest release is ${release.released}, which does not have them: see ${unreleasedHeading(version)} ` +
    `in the [changelog](${changelogLink}).`;
}

function unreleasedHeading(version: string): string {
  return `${version} (unreleased)`;
}

/**
 * The package's CHANGELOG.md under a `# Changelog` heading: its own title dropped, its version
 * headings kept (`##`), so Redoc lists the section in the sidebar and the note above links it.
 * Pending changes come first, under the version they will produce.
 */
export function changelogSection(release: ClientRelease): string {
  const released = release.changelog.replace(/^#\s[^\n]*\n+/, '').trim();
  const pending = release.pending ? pendingEntry(release.pending.version, release.pending.changes) : '';
  const body = [pending, released].filter(Boolean).join('\n\n');
  return ['# Changelog', '', body || `No entries yet: ${release.released} is the first version.`].join('\n');
}

const BUMP_HEADINGS: readonly (readonly [Bump, string])[] = [
  ['major', 'Major Changes'],
  ['minor', 'Minor Changes'],
  ['patch', 'Patch Changes'],
];

/** The entry `changeset version` will write, with the version marked unreleased. */
function pendingEntry(version: string, changes: readonly PendingChange[]): string {
  const parts = [`## ${unreleasedHeading(version)}`];
  for (const [bump, heading] of BUMP_HEADINGS) {
    const summaries = changes.filter((c) => c.bump === bump).map((c) => c.summary);
    if (summaries.length > 0) parts.push(`### ${heading}`, list(summaries));
  }
  return parts.join('\n\n');
}

/**
 * The summaries as a Markdown list. An item with a blank line in it is a loose one, which
 * Markdown (and the prettier pass of `changeset version`) separates from the next by a blank line.
 */
function list(summaries: readonly string[]): string {
  return summaries
    .map((summary, index) => `${index > 0 && summaries[index - 1]!.includes('\n\n') ? '\n' : ''}${listItem(summary)}`)
    .join('\n');
}

/** A changeset's summary as a list item: its first line after `- `, the rest indented under it. */
function listItem(summary: string): string {
  const [first = '', ...rest] = summary.split('\n');
  return [`- ${first}`, ...rest.map((line) => (line ? `  ${line}` : ''))].join('\n');
}
