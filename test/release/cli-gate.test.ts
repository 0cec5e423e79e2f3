/**
 * The command line's gate (scripts/release/cli-gate.ts) on throwaway baselines and changeset
 * folders: a first release with no baseline, then releases against a baseline, the declared bump
 * against the required one, and the refusals of a baseline or version edited by hand.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCliBaseline } from '../../scripts/release/cli-baseline.js';
import { checkCliRelease, type CliGateInput } from '../../scripts/release/cli-gate.js';
import { loadCliSurface, type CliSurface } from '../../scripts/release/cli-surface.js';
import { computeCliFingerprint, type Fingerprint } from '../../scripts/release/fingerprint.js';
import { cliPackageName, cliSurfaceFiles, repoRoot } from '../../scripts/release/released-package.js';
import { formatReport } from '../../scripts/release/verdict.js';
import { removeDir, scratchDir } from './helpers/fixture-package.js';

const surface: CliSurface = {
  commands: {
    invoke: { positionals: ['function-urn'], options: { data: { type: 'string', short: 'd' }, json: { type: 'boolean' } }, jsonOutput: { default: ['requestId', 'result'] } },
    records: { positionals: ['function-urn'], options: { limit: { type: 'string' } }, jsonOutput: { default: 'items' } },
  },
  globalOptions: { region: { type: 'string' } },
  exitCodes: { ok: 0, usage: 2 },
};
const fingerprint: Fingerprint = { files: { 'packages/cli/src/commands/catalog.ts': 'a'.repeat(64) }, tools: { 'dependency @fgs-openapi/client': '^0.2.0' } };

let work: string;
let case_ = 0;
beforeAll(() => {
  work = scratchDir('fgs-release-cli-gate-');
});
afterAll(() => removeDir(work));

interface Case {
  /** The last release's version; none: never released. */
  readonly released?: string;
  readonly changesets?: Record<string, string>;
  readonly change?: (surface: any) => void;
  readonly fingerprint?: Fingerprint;
  readonly version?: string;
}

/** A fresh folder with the baseline and changesets of `c`, and the gate's input on it. */
function setUp(c: Case): CliGateInput {
  const dir = join(work, `case-${++case_}`);
  const changesetDir = join(dir, '.changeset');
  mkdirSync(changesetDir, { recursive: true });
  for (const [name, front] of Object.entries(c.changesets ?? {})) writeFileSync(join(changesetDir, `${name}.md`), `---\n${front}\n---\n\nWhat changed.\n`);
  const baselineDir = join(dir, 'release/cli-baseline');
  if (c.released) writeCliBaseline(baselineDir, { package: cliPackageName, version: c.released, source: { commit: '0'.repeat(40), note: 'test' }, fingerprint, surface });
  const current = structuredClone(surface);
  c.change?.(current);
  return { baselineDir, surface: current, fingerprint: c.fingerprint ?? fingerprint, changesetDir, packageName: cliPackageName, version: c.version ?? c.released ?? '0.0.0' };
}

const cli = (bump: string) => `"${cliPackageName}": ${bump}`;

describe('a first release (no baseline): whatever the changesets declare, at least minor', () => {
  it('passes the new package declared minor, and says it is new', () => {
    const verdict = checkCliRelease(setUp({ changesets: { 'fgs-command-line': cli('minor') } }));
    const report = formatReport(verdict, { baseline: 'none' });

    expect(verdict.ok, report).toBe(true);
    expect(verdict.required).toBe('minor');
    expect(verdict.findings.map((f) => [f.origin, f.rule])).toEqual([['cli', 'first-release']]);
    expect(report).toContain('never released (no baseline), so all of it is new: 2 commands (invoke, records), 1 global options, exit codes 0, 2');
    expect(report).toContain("required bump: minor (a new package's first release is at least minor: 0.0.0 → 0.1.0)");
    expect(report).toContain('declared bump: minor (minor in .changeset/fgs-command-line.md)');
  });

  it('passes more than minor declared', () => expect(checkCliRelease(setUp({ changesets: { big: cli('major') } })).ok).toBe(true));

  it('refuses a patch, saying why', () => {
    const verdict = checkCliRelease(setUp({ changesets: { small: cli('patch') } }));

    expect(verdict.ok).toBe(false);
    expect(verdict.failure).toBe("the changesets declare patch but minor is required because a new package's first release is at least minor.");
  });

  it('refuses no changeset, naming the one to write; a changeset of the client alone does not count', () => {
    const verdict = checkCliRelease(setUp({ changesets: { client: '"@fgs-openapi/client": minor' } }));

    expect(verdict.ok).toBe(false);
    expect(verdict.declared).toBe('none');
    expect(verdict.failure).toContain('no changeset declares a bump: minor is required');
    expect(verdict.failure).toContain(`pick ${cliPackageName} and minor (front matter ${cli('minor')})`);
  });
});

describe('against the last release: the declared bump against the one the change requires', () => {
  const addCommand = (s: any) => (s.commands.functions = { positionals: [], options: {}, jsonOutput: { default: 'items' } });
  const removeOption = (s: any) => delete s.commands.records.options.limit;

  it.each([
    ['nothing changed, nothing declared', { released: '0.1.0' }, 'none', true],
    ['a command added on 1.x, declared patch', { released: '1.2.0', change: addCommand, changesets: { a: cli('patch') } }, 'minor', false],
    ['a command added on 1.x, declared minor', { released: '1.2.0', change: addCommand, changesets: { a: cli('minor') } }, 'minor', true],
    ['a command added on 0.x, declared patch', { released: '0.1.0', change: addCommand, changesets: { a: cli('patch') } }, 'patch', true],
    ['an option removed on 0.x, declared patch', { released: '0.1.0', change: removeOption, changesets: { a: cli('patch') } }, 'minor', false],
    ['an option removed on 0.x, declared minor', { released: '0.1.0', change: removeOption, changesets: { a: cli('minor') } }, 'minor', true],
    ['an option removed on 1.x, declared minor', { released: '1.2.0', change: removeOption, changesets: { a: cli('minor') } }, 'major', false],
  ] as [string, Case, string, boolean][])('%s: requires %s', (_name, c, required, ok) => {
    const verdict = checkCliRelease(setUp(c));

    expect(verdict.required).toBe(required);
    expect(verdict.ok, verdict.failure).toBe(ok);
  });

  it('refuses a declared patch when an added command requires minor, naming the command', () => {
    const verdict = checkCliRelease(setUp({ released: '1.2.0', change: addCommand, changesets: { a: cli('patch') } }));
    const report = formatReport(verdict, { baseline: 'fixture' });

    expect(verdict.failure).toBe('the changesets declare patch but minor is required by the additive change(s) cli fgs functions.');
    expect(report).toContain('cli (1):\n  additive  fgs functions: the command functions was added [command-added]');
    expect(report).toContain('release:check FAILED');
  });

  it('refuses a changed surface with no changeset, saying which changeset to write', () => {
    const verdict = checkCliRelease(setUp({ released: '0.1.0', change: removeOption }));

    expect(verdict.ok).toBe(false);
    expect(verdict.failure).toBe(
      `${cliPackageName} changed since 0.1.0 but no changeset declares a bump: minor is required by the breaking change(s) cli fgs records --limit. ` +
        `Add one with npx changeset: pick ${cliPackageName} and minor (front matter ${cli('minor')}).`,
    );
  });

  it('rates a help-only change a patch: the surface is the same, the sources are not', () => {
    const reworded: Fingerprint = { ...fingerprint, files: { 'packages/cli/src/commands/catalog.ts': 'b'.repeat(64) } };
    const unreleased = checkCliRelease(setUp({ released: '0.1.0', fingerprint: reworded }));
    const declared = checkCliRelease(setUp({ released: '0.1.0', fingerprint: reworded, changesets: { words: cli('patch') } }));

    expect(unreleased.findings.map((f) => [f.origin, f.level, f.subject])).toEqual([['runtime', 'patch', 'packages/cli/src/commands/catalog.ts']]);
    expect(unreleased.ok).toBe(false);
    expect(unreleased.failure).toContain('no changeset declares a bump: patch is required');
    expect(declared.ok).toBe(true);
  });

  it('refuses a version edited by hand', () => {
    expect(() => checkCliRelease(setUp({ released: '0.1.0', version: '0.2.0' }))).toThrow(`${cliPackageName} says 0.2.0 but the last release (the baseline) was 0.1.0`);
  });

  it('refuses a baseline edited by hand', () => {
    const input = setUp({ released: '0.1.0' });
    const file = join(input.baselineDir, 'surface.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"usage": 2', '"usage": 3'));

    expect(() => checkCliRelease(input)).toThrow('surface.json does not match the sha256');
  });
});

describe("the command line's fingerprint", () => {
  it('covers its sources, its build config, the spec words it bundles and its dependencies', () => {
    const { files, tools } = computeCliFingerprint(repoRoot);

    expect(Object.keys(files)).toEqual(expect.arrayContaining(['packages/cli/src/commands/catalog.ts', 'packages/cli/src/exit-codes.ts', 'packages/cli/bin/fgs.js', 'packages/cli/tsup.config.ts', 'generated/operation-docs.gen.ts']));
    expect(Object.keys(files).some((f) => f.startsWith('packages/client/'))).toBe(false);
    expect(tools['dependency @fgs-openapi/client']).toMatch(/^\^0\./);
    expect(tools.tsup).toBeDefined();
  });

  it('sees no change against a baseline written from this tree, as npm run release writes one before checking again', async () => {
    const baselineDir = join(work, 'this-tree/release/cli-baseline');
    const current = { surface: await loadCliSurface(cliSurfaceFiles), fingerprint: computeCliFingerprint(repoRoot) };
    writeCliBaseline(baselineDir, { package: cliPackageName, version: '0.1.0', source: { commit: '0'.repeat(40), note: 'test' }, ...current });
    const verdict = checkCliRelease({ baselineDir, ...current, changesetDir: join(work, 'no-changesets'), packageName: cliPackageName, version: '0.1.0' });

    expect(verdict.findings).toEqual([]);
    expect(verdict.ok).toBe(true);
  });
});
