/**
 * The client version the built API reference page (packages/docs/dist/index.html) documents,
 * against packages/client/package.json, its CHANGELOG.md and the changesets pending in .changeset/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { embeddedJson, pendingChangesets, readBuiltPage, repoRoot } from './helpers/built-page.js';

let html: string;

beforeAll(() => {
  html = readBuiltPage();
});

describe('the client version the page documents', () => {
  it('is the released one when no changeset is pending, else the one they will produce, said to be unreleased', () => {
    const description: string = embeddedJson(html, '__redoc_definition').info.description;
    const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'packages/client/package.json'), 'utf8'));
    const pending = pendingChangesets(name);
    expect(description).toContain('[changelog](#section/Changelog)');
    expect(description).toContain('\n# Changelog\n');
    // The released version's entry is in the changelog, and on the page.
    expect(readFileSync(join(repoRoot, 'packages/client/CHANGELOG.md'), 'utf8')).toContain(`\n## ${version}\n`);
    expect(description).toContain(`\n## ${version}\n`);
    if (pending.length === 0) {
      expect(description).toContain(`This page documents \`${name}\` **${version}**.`);
      expect(description).not.toMatch(/unreleased/i);
      return;
    }
    const note = /^> \*\*Unreleased\.\*\* This page documents `([^`]+)` \*\*([\d.]+)\*\*, .* The latest release is ([\d.]+), /m.exec(description);
    expect(note, 'the unreleased note').not.toBeNull();
    const [, documented, next, latest] = note!;
    expect([documented, latest]).toEqual([name, version]);
    const newer = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true }) > 0;
    expect(newer(next!, version), `${next} after ${version}`).toBe(true);
    // The pending changes are on the page, under that version, ahead of the released ones.
    const entry = description.indexOf(`\n## ${next} (unreleased)\n`);
    expect(entry).toBeGreaterThan(description.indexOf('\n# Changelog\n'));
    expect(entry).toBeLessThan(description.indexOf(`\n## ${version}\n`));
    for (const { summary } of pending) expect(description).toContain(`- ${summary.trim().split('\n')[0]}`);
  });
});
