/**
 * The client version the docs page names (packages/docs/scripts/read/client-release.ts), on
 * throwaway repositories that carry this repository's .changeset/config.json: with no pending
 * changeset the released version, plainly; with some, the version they will produce, for 0.x as
 * for 1.x. And against Changesets itself: after a real `changeset version` in such a repository,
 * the package's version and CHANGELOG.md are what the page said they would be.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { changelogSection, releaseNote } from '../../packages/docs/scripts/landing/release.js';
import { readClientRelease, type Bump } from '../../packages/docs/scripts/read/client-release.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGE = '@fgs-openapi/client';
const CHANGELOG = `# ${PACKAGE}\n\n## 0.2.0\n\n### Minor Changes\n\n- Retries.\n\n## 0.1.0\n\nFirst.\n`;

const scratch = mkdtempSync(join(tmpdir(), 'fgs-docs-release-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A workspace with the client at `version` and the given changesets pending; returns its root. */
function repository(name: string, version: string, changesets: readonly (readonly [Bump | 'none', string])[]): string {
  const root = join(scratch, name);
  mkdirSync(join(root, 'packages/client'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'repo', private: true, workspaces: ['packages/*'] }));
  writeFileSync(join(root, 'packages/client/package.json'), `${JSON.stringify({ name: PACKAGE, version }, null, 2)}\n`);
  writeFileSync(join(root, 'packages/client/CHANGELOG.md'), CHANGELOG);
  mkdirSync(join(root, '.changeset'));
  cpSync(join(repoRoot, '.changeset/config.json'), join(root, '.changeset/config.json'));
  writeFileSync(join(root, '.changeset/README.md'), '# Changesets\n');
  changesets.forEach(([bump, summary], index) => {
    writeFileSync(join(root, `.changeset/change-${index}.md`), `---\n"${PACKAGE}": ${bump}\n---\n\n${summary}\n`);
  });
  return root;
}

const release = (root: string) => readClientRelease(root, join(root, 'packages/client/package.json'));

describe('the version the page documents', () => {
  it.each<[string, { version: string; changesets: [Bump | 'none', string][]; want: string | undefined }]>([
    ['no pending changeset: the released version', { version: '0.2.0', changesets: [], want: undefined }],
    ["a changeset that releases nothing ('none')", { version: '0.2.0', changesets: [['none', 'Docs only.']], want: undefined }],
    ['a patch on 0.2.0', { version: '0.2.0', changesets: [['patch', 'Fix.']], want: '0.2.1' }],
    ['a minor on 0.2.0 (0.x: the minor digit)', { version: '0.2.0', changesets: [['minor', 'Add.']], want: '0.3.0' }],
    ['a major on 0.2.0', { version: '0.2.0', changesets: [['major', 'Break.']], want: '1.0.0' }],
    ['a patch and a minor: the larger wins', { version: '0.2.0', changesets: [['patch', 'Fix.'], ['minor', 'Add.']], want: '0.3.0' }],
    ['a minor on 1.4.2', { version: '1.4.2', changesets: [['minor', 'Add.']], want: '1.5.0' }],
  ])('%s', async (name, { version, changesets, want }) => {
    const read = await release(repository(name.replace(/\W+/g, '-'), version, changesets));
    expect(read.released).toBe(version);
    expect(read.pending?.version).toBe(want);
    if (want === undefined) {
      expect(releaseNote(read)).toBe(`This page documents \`${PACKAGE}\` **${version}**. What changed in each version is in the [changelog](#section/Changelog).`);
      expect(changelogSection(read)).toBe(`# Changelog\n\n${CHANGELOG.replace(/^# .*\n+/, '').trim()}`);
    } else {
      expect(releaseNote(read)).toMatch(new RegExp(`^> \\*\\*Unreleased\\.\\*\\* This page documents \`${PACKAGE}\` \\*\\*${want.replaceAll('.', '\\.')}\\*\\*, `));
      expect(releaseNote(read)).toContain(`The latest release is ${version}, which does not have them`);
      expect(changelogSection(read)).toMatch(new RegExp(`^# Changelog\\n\\n## ${want.replaceAll('.', '\\.')} \\(unreleased\\)\\n`));
    }
  });

  it('is what `changeset version` then writes: the version, and the changelog entry word for word', async () => {
    const root = repository('differential', '0.2.0', [
      ['patch', '`wait` stops at once when aborted.'],
      ['minor', '**New: signing.** Sign requests:\n\n- `credentials` is a key pair\n  or a provider.\n- `credentialsFromEnv()` reads them.'],
      ['minor', 'A second feature.'],
    ]);
    const promised = await release(root);
    const cli = createRequire(import.meta.url).resolve('@changesets/cli/bin.js');
    await run(process.execPath, [cli, 'version'], { cwd: root });

    const written = JSON.parse(readFileSync(join(root, 'packages/client/package.json'), 'utf8')) as { version: string };
    expect(promised.pending?.version).toBe(written.version);
    // The page's changelog is CHANGELOG.md as it will be, its title aside and the new version marked.
    const changelog = readFileSync(join(root, 'packages/client/CHANGELOG.md'), 'utf8');
    const shown = changelogSection(promised).replace(/^# Changelog\n/, `# ${PACKAGE}\n`).replace(` (unreleased)`, '');
    expect(shown).toBe(changelog.trimEnd());
    // And once released, the page names that version plainly.
    const after = await release(root);
    expect(after.pending).toBeUndefined();
    expect(after.released).toBe(written.version);
  }, 30_000);
});
