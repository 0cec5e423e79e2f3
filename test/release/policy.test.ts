/**
 * The small pure parts of release:check: the bump policy, the changesets it reads, the
 * fingerprint comparison and the verdict.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBaseline } from '../../scripts/release/baseline.js';
import { applyBump, requiredBump, type Bump, type Level } from '../../scripts/release/bump.js';
import { declaredBump, readChangesets } from '../../scripts/release/changesets.js';
import { compareFingerprints } from '../../scripts/release/fingerprint.js';
import { baselineDir, clientDir } from '../../scripts/release/released-package.js';
import { decide } from '../../scripts/release/verdict.js';
import { removeDir, scratchDir } from './helpers/fixture-package.js';

let work: string;
beforeAll(() => {
  work = scratchDir('fgs-release-policy-');
});
afterAll(() => removeDir(work));

describe('requiredBump: 0.x moves breaking changes to minor, 1.x is semver', () => {
  it.each([
    ['0.1.0', 'breaking', 'minor'],
    ['0.1.0', 'additive', 'patch'],
    ['0.1.0', 'patch', 'patch'],
    ['0.1.0', undefined, 'none'],
    ['1.0.0', 'breaking', 'major'],
    ['1.0.0', 'additive', 'minor'],
    ['2.3.4', 'patch', 'patch'],
  ] as [string, Level | undefined, Bump][])('%s with %s → %s', (version, level, want) => expect(requiredBump(version, level)).toBe(want));

  it.each([
    ['0.1.0', 'minor', '0.2.0'],
    ['0.1.3', 'patch', '0.1.4'],
    ['1.2.3', 'major', '2.0.0'],
  ] as [string, Bump, string][])('applyBump(%s, %s) = %s', (version, bump, want) => expect(applyBump(version, bump)).toBe(want));

  it('refuses a version that is not semver', () => expect(() => requiredBump('v1', 'patch')).toThrow('"v1" is not a semver version'));
});

describe('readChangesets', () => {
  it('reads the bump each pending changeset declares for the package, ignoring others and the README', () => {
    const dir = join(work, 'changesets');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), '# Changesets\n');
    writeFileSync(join(dir, 'config.json'), '{}');
    writeFileSync(join(dir, 'a.md'), '---\n"@fgs-openapi/client": patch\n---\n\nFix a thing.\n');
    writeFileSync(join(dir, 'b.md'), "---\n'@fgs-openapi/client': minor\n'@other/pkg': major\n---\n\nRemove client.raw.\n");
    writeFileSync(join(dir, 'c.md'), '---\n"@other/pkg": major\n---\n\nElsewhere.\n');

    const pending = readChangesets(dir, '@fgs-openapi/client');
    expect(pending.map((c) => [c.file.slice(dir.length + 1), c.bump, c.summary])).toEqual([
      ['a.md', 'patch', 'Fix a thing.'],
      ['b.md', 'minor', 'Remove client.raw.'],
    ]);
    expect(declaredBump(pending)).toBe('minor');
    expect(declaredBump([])).toBe('none');
  });

  it('names the file Changesets cannot read', () => {
    const dir = join(work, 'broken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'bad.md'), '---\n"@fgs-openapi/client": huge\n---\n\nx\n');
    expect(() => readChangesets(dir, '@fgs-openapi/client')).toThrow(/bad\.md: not a changeset Changesets can read/);
  });
});

describe('compareFingerprints', () => {
  it('reports each changed generator or runtime file and tool as a patch, with its origin', () => {
    const base = { files: { 'scripts/generator/model.ts': '1', 'packages/client/src/a.ts': '2', 'scripts/generate.ts': '3' }, tools: { typescript: '5.9.2', tsup: '8.5.1' } };
    const current = { files: { 'scripts/generator/model.ts': 'x', 'packages/client/src/b.ts': '4', 'scripts/generate.ts': '3' }, tools: { typescript: '5.9.3', tsup: '8.5.1' } };
    expect(compareFingerprints(base, current).map((f) => [f.origin, f.level, f.message])).toEqual([
      ['runtime', 'patch', 'packages/client/src/a.ts removed'],
      ['runtime', 'patch', 'packages/client/src/b.ts added'],
      ['generator', 'patch', 'scripts/generator/model.ts changed'],
      ['tools', 'patch', 'typescript 5.9.2 → 5.9.3'],
    ]);
    expect(compareFingerprints(base, base)).toEqual([]);
  });
});

describe('decide', () => {
  const breaking = { origin: 'typescript', level: 'breaking', subject: 'FunctionGraphClient', message: 'raw removed' } as const;
  const change = (bump: Bump) => [{ file: '.changeset/x.md', bump, summary: 's' }];

  it.each([
    ['a breaking change on 0.x declared minor passes', '0.1.0', [breaking], change('minor'), true],
    ['a breaking change on 0.x declared patch fails', '0.1.0', [breaking], change('patch'), false],
    ['a breaking change on 1.x declared minor fails', '1.1.0', [breaking], change('minor'), false],
    ['more than required passes', '0.1.0', [breaking], change('major'), true],
    ['a change with no changeset fails', '0.1.0', [breaking], [], false],
    ['no change and no changeset passes', '0.1.0', [], [], true],
  ] as const)('%s', (_name, version, findings, changesets, ok) => {
    const verdict = decide('@fgs-openapi/client', version, findings, changesets);
    expect(verdict.ok).toBe(ok);
    if (!ok) expect(verdict.failure).toContain('typescript FunctionGraphClient');
  });
});

describe('the committed release baseline', () => {
  it('is whole (its files match the hashes it records) and not ahead of the client version', () => {
    const { record } = readBaseline(baselineDir);
    const { name, version } = JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8')) as { name: string; version: string };

    expect(record.package).toBe(name);
    // npm run release moves the client's version first and the baseline after the tests, so
    // while it runs the baseline is one release behind; otherwise they are equal (release:check
    // refuses a version edited by hand).
    const rank = (v: string) => v.split('.').reduce((total, part) => total * 1000 + Number(part), 0);
    expect(rank(record.version), `${record.version} <= ${version}`).toBeLessThanOrEqual(rank(version));
    expect(record.source.commit).toMatch(/^[0-9a-f]{40}$/);
  });
});
