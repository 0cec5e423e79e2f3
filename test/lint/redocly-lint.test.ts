/**
 * `redocly lint` as CI runs it: the real CLI with the repository's redocly.yaml, because what
 * matters is what CI sees: that the plugin loads, that its rules are wired in the config, and that
 * problems are reported at a file and line a person can open, in words they can act on.
 *
 * Each rule's cases live in test/lint/rules/<rule id>.cases.ts (its fixtures in test/lint/fixtures/)
 * and are run here. Two CLI processes serve every test: one lints every rule's fixtures, the other
 * the conforming fixture and our spec, so the run pays for two CLI starts, not one per fixture.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintWithCli, repoRoot, type LintReport } from './helpers/redocly-cli.js';
import type { RuleCases } from './helpers/rule-cases.js';

const fixtures = 'test/lint/fixtures';
// Two CLI processes side by side; give a slow shared machine room.
const CLI_TIMEOUT_MS = 90_000;

// Plain JavaScript without type declarations (Redocly loads it as it is): imported by URL.
const { rules } = (await import(pathToFileURL(path.join(repoRoot, 'scripts/lint/rules/index.js')).href)) as { rules: Record<string, unknown> };
const caseFiles = (await readdir(path.join(import.meta.dirname, 'rules'))).filter((name) => name.endsWith('.cases.ts')).sort();
const ruleCases: RuleCases[] = await Promise.all(
  caseFiles.map(async (name) => ((await import(pathToFileURL(path.join(import.meta.dirname, 'rules', name)).href)) as { default: RuleCases }).default),
);
const cleanTargets = [
  { target: `${fixtures}/valid.yaml`, why: 'the conforming fixture (inherited security, deprecated with successor, $ref-ed error codes)' },
  { target: 'spec/openapi.yaml', why: 'the real description' },
];

const configured = Object.keys((parse(await readFile(path.join(repoRoot, 'redocly.yaml'), 'utf8')) as { rules: Record<string, unknown> }).rules);
/** Our own rules: the plugin's, and the configurable ones written in redocly.yaml. */
const ours = configured.filter((id) => id.startsWith('conventions/') || id.startsWith('rule/'));

let broken: Promise<LintReport>;
let clean: Promise<LintReport>;
beforeAll(() => {
  broken = lintWithCli(ruleCases.flatMap(({ cases }) => cases.map(({ fixture }) => `${fixtures}/${fixture}`)), CLI_TIMEOUT_MS);
  clean = lintWithCli(cleanTargets.map(({ target }) => target), CLI_TIMEOUT_MS);
  // Both run before any test awaits them; a rejection is reported by the tests that read them.
  broken.catch(() => {});
  clean.catch(() => {});
});

const sorted = (places: string[][]) => places.map((place) => place.join(' ')).sort();

describe.each(ruleCases)('$rule', ({ rule, cases }) => {
  it.each(cases)('fails $fixture: $why', { timeout: CLI_TIMEOUT_MS }, async ({ fixture, problems }) => {
    const report = await broken;
    const found = report.problems.get(`${fixtures}/${fixture}`);
    expect(found, report.output).toBeDefined();
    // Only the rule under test may fire, or the fixture proves nothing about it; and only errors,
    // which fail `npm run lint`.
    expect([...new Set(found!.map((problem) => `${problem.severity} ${problem.rule}`))], report.output).toEqual([`Error ${rule}`]);
    expect(sorted(found!.map(({ at, message }) => [at, message]))).toEqual(sorted(problems.map(([at, message]) => [`${fixtures}/${at}`, message])));
  });
});

describe('redocly lint', () => {
  it('exits non-zero on the rules\' fixtures, and loads the plugin without complaint', { timeout: CLI_TIMEOUT_MS }, async () => {
    const { exitCode, output } = await broken;
    expect(exitCode, output).toBe(1);
    expect(output).not.toMatch(/Unused rules|Failed to load plugin|Deprecated plugin format/i);
  });

  // The Node 20 end-of-life banner says "Deprecation warning", so "warning" alone is not a finding;
  // findings show up as per-problem lines, a count in the summary, or a config complaint.
  it.each(cleanTargets)('passes $target: $why', { timeout: CLI_TIMEOUT_MS }, async ({ target }) => {
    const { exitCode, output, problems } = await clean;
    expect(exitCode, output).toBe(0);
    expect(problems.get(target), output).toEqual([]);
    expect(output).not.toMatch(/\b\d+ (?:errors?|warnings?)\b/i);
    expect(output).not.toMatch(/Unused rules|Failed to load plugin|Deprecated plugin format/i);
    // One file: "Your API description is valid"; both files of this run: "... descriptions are valid".
    expect(output).toMatch(/Your API descriptions? (?:is|are) valid/);
  });
});

describe('every rule has its cases, and every case a rule', () => {

  it('each rule of the plugin is enabled in redocly.yaml, and each enabled one is in the plugin', () => {
    expect(ours.filter((id) => id.startsWith('conventions/')).sort()).toEqual(Object.keys(rules).map((id) => `conventions/${id}`).sort());
  });

  it('each rule file is listed in scripts/lint/rules/index.js, under its file name', async () => {
    const files = (await readdir(path.join(repoRoot, 'scripts/lint/rules'))).filter((name) => name !== 'index.js');
    expect(files.map((name) => name.replace(/\.js$/, '')).sort()).toEqual(Object.keys(rules).sort());
  });

  it('each of our rules has a cases file named after it, holding its own cases', () => {
    expect(caseFiles.map((name) => name.replace(/\.cases\.ts$/, '')).sort()).toEqual(ours.map((id) => id.split('/')[1]).sort());
    for (const [index, name] of caseFiles.entries()) expect(ruleCases[index]!.rule.split('/')[1]).toBe(name.replace(/\.cases\.ts$/, ''));
  });

  it('each fixture is some case\'s, or the conforming one', async () => {
    const used = new Set([...ruleCases.flatMap(({ cases }) => cases.map(({ fixture }) => fixture)), 'valid.yaml']);
    const present = (await readdir(path.join(repoRoot, fixtures))).filter((name) => name.endsWith('.yaml'));
    expect(present.filter((name) => !used.has(name))).toEqual([]);
  });
});
