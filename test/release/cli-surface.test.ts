/**
 * The command line's surface (scripts/release/cli-surface.ts): read from the real catalog with
 * its help words left out, and a table of changes to it, each with the rating and the bump it
 * requires on 0.x and from 1.0, the way bump-table.test.ts rates the client's.
 */
import { describe, expect, it } from 'vitest';
import * as catalog from '../../packages/cli/src/commands/catalog.js';
import type { CommandSpec } from '../../packages/cli/src/commands/catalog.js';
import { ExitCode } from '../../packages/cli/src/exit-codes.js';
import { maxLevel, requiredBump, type Bump, type Level } from '../../scripts/release/bump.js';
import { compareCliSurfaces, loadCliSurface, surfaceOf, type CliSurface } from '../../scripts/release/cli-surface.js';
import { cliSurfaceFiles } from '../../scripts/release/released-package.js';

/** A small surface of its own, so the table does not move when the real catalog does. */
const base: CliSurface = {
  commands: {
    invoke: {
      positionals: ['function-urn'],
      options: { data: { type: 'string', short: 'd' }, async: { type: 'boolean' }, json: { type: 'boolean' } },
      jsonOutput: { default: ['requestId', 'result', 'log'], '--async': ['requestId'] },
    },
    records: { positionals: ['function-urn'], options: { limit: { type: 'string' }, json: { type: 'boolean' } }, jsonOutput: { default: 'items' } },
    cancel: { positionals: ['function-urn', 'request-id'], options: { force: { type: 'boolean' } }, jsonOutput: {} },
  },
  globalOptions: { region: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  exitCodes: { ok: 0, functionFailed: 1, usage: 2, interrupted: 130 },
};

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };
type Surface = Mutable<CliSurface> & { commands: Record<string, any> };

interface Row {
  readonly change: (surface: Surface) => void;
  readonly level: Level | undefined;
  readonly bump0x: Bump;
  readonly bump1x: Bump;
  /** The rules of the findings, in order. */
  readonly rules: readonly string[];
  /** Substrings the findings must name. */
  readonly names?: readonly string[];
}

const rows: [string, Row][] = [
  ['no change', { change: () => {}, level: undefined, bump0x: 'none', bump1x: 'none', rules: [] }],
  ['remove an option', { change: (s) => delete s.commands.records.options.limit, level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['option-removed'], names: ['fgs records --limit'] }],
  ['add an option', { change: (s) => (s.commands.records.options.all = { type: 'boolean' }), level: 'additive', bump0x: 'patch', bump1x: 'minor', rules: ['option-added'] }],
  ["change an option's type", { change: (s) => (s.commands.invoke.options.async = { type: 'string' }), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['option-type-changed'] }],
  ['take a short flag away', { change: (s) => (s.commands.invoke.options.data = { type: 'string' }), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['short-flag-removed'], names: ['-d'] }],
  ['change a short flag', { change: (s) => (s.commands.invoke.options.data = { type: 'string', short: 'D' }), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['short-flag-changed'] }],
  ['give an option a short flag', { change: (s) => (s.commands.records.options.limit = { type: 'string', short: 'n' }), level: 'additive', bump0x: 'patch', bump1x: 'minor', rules: ['short-flag-added'] }],
  ['add a command', { change: (s) => (s.commands.functions = { positionals: [], options: {}, jsonOutput: { default: 'items' } }), level: 'additive', bump0x: 'patch', bump1x: 'minor', rules: ['command-added'], names: ['fgs functions'] }],
  ['remove a command', { change: (s) => delete s.commands.cancel, level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['command-removed'], names: ['fgs cancel'] }],
  ['add a JSON field', { change: (s) => s.commands.invoke.jsonOutput.default.push('summary'), level: 'additive', bump0x: 'patch', bump1x: 'minor', rules: ['json-field-added'], names: ['fgs invoke --json .summary'] }],
  ['remove a JSON field', { change: (s) => (s.commands.invoke.jsonOutput.default = ['requestId', 'result']), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['json-field-removed'], names: ['.log'] }],
  ['add a --json mode', { change: (s) => (s.commands.invoke.jsonOutput['--async --wait'] = ['requestId', 'record']), level: 'additive', bump0x: 'patch', bump1x: 'minor', rules: ['json-output-added'] }],
  ['remove a --json mode', { change: (s) => delete s.commands.invoke.jsonOutput['--async'], level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['json-output-removed'], names: ['(--async)'] }],
  ["change a --json output's shape", { change: (s) => (s.commands.records.jsonOutput.default = ['items', 'next']), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['json-shape-changed'] }],
  ['reorder JSON fields', { change: (s) => s.commands.invoke.jsonOutput.default.reverse(), level: undefined, bump0x: 'none', bump1x: 'none', rules: [] }],
  ['renumber an exit code', { change: (s) => (s.exitCodes.usage = 64), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['exit-code-renumbered'], names: ['usage ends with 64 now, not 2'] }],
  ['remove an exit code', { change: (s) => delete s.exitCodes.interrupted, level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['exit-code-removed'] }],
  ['add an exit code', { change: (s) => (s.exitCodes.auth = 3), level: 'additive', bump0x: 'patch', bump1x: 'minor', rules: ['exit-code-added'] }],
  ['give a new meaning to a used exit code', { change: (s) => (s.exitCodes.auth = 2), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['exit-code-reused'], names: ['it meant usage'] }],
  ['add a required argument', { change: (s) => s.commands.records.positionals.push('status'), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['positional-added'] }],
  ['remove an argument', { change: (s) => s.commands.cancel.positionals.pop(), level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['positional-removed'] }],
  ['rename an argument in its place', { change: (s) => (s.commands.cancel.positionals[1] = 'run-id'), level: 'patch', bump0x: 'patch', bump1x: 'patch', rules: ['positional-renamed'] }],
  ['add a global option', { change: (s) => (s.globalOptions.profile = { type: 'string' }), level: 'additive', bump0x: 'patch', bump1x: 'minor', rules: ['option-added'], names: ['fgs (global) --profile'] }],
  ['remove a global option', { change: (s) => delete s.globalOptions.region, level: 'breaking', bump0x: 'minor', bump1x: 'major', rules: ['option-removed'] }],
  [
    "move a command's option to the global ones",
    {
      change: (s) => {
        delete s.commands.records.options.limit;
        s.globalOptions.limit = { type: 'string' };
      },
      level: 'additive',
      bump0x: 'patch',
      bump1x: 'minor',
      rules: ['option-moved-to-global', 'option-added'],
    },
  ],
];

describe('compareCliSurfaces: each change, its rating and its bump', () => {
  it.each(rows)('%s', (_name, row) => {
    const current = structuredClone(base) as Surface;
    row.change(current);
    const findings = compareCliSurfaces(base, current);
    const level = maxLevel(findings.map((f) => f.level));

    expect(findings.map((f) => f.rule)).toEqual(row.rules);
    expect(findings.every((f) => f.origin === 'cli')).toBe(true);
    expect(level).toBe(row.level);
    expect(requiredBump('0.3.0', level)).toBe(row.bump0x);
    expect(requiredBump('1.2.0', level)).toBe(row.bump1x);
    const said = findings.map((f) => `${f.subject}: ${f.message}`).join('\n');
    for (const name of row.names ?? []) expect(said).toContain(name);
  });
});

describe("the real catalog's surface", () => {
  it('is read from the sources as plain JSON: commands, options with type and short flag, --json shapes, exit codes', async () => {
    const surface = await loadCliSurface(cliSurfaceFiles);

    expect(JSON.parse(JSON.stringify(surface))).toEqual(surface);
    expect(Object.keys(surface.commands)).toEqual([...catalog.commands.map((c) => c.name)].sort());
    expect(surface.commands.invoke!.positionals).toEqual(['function-urn']);
    expect(surface.commands.invoke!.options.data).toEqual({ type: 'string', short: 'd' });
    expect(surface.commands.invoke!.jsonOutput.default).toContain('requestId');
    expect(surface.globalOptions.help).toEqual({ type: 'boolean', short: 'h' });
    expect(surface.exitCodes).toEqual({ ...ExitCode });
    expect(compareCliSurfaces(surface, surface)).toEqual([]);
  });

  it('leaves the words of --help out: a help-only change is no change of the surface', () => {
    const reworded: CommandSpec[] = catalog.commands.map((command) => ({
      ...command,
      summary: `${command.summary}, reworded`,
      usage: ['fgs something else'],
      notes: ['A new note.'],
      examples: [],
      positionals: command.positionals.map((p) => ({ ...p, help: 'other words' })),
      options: Object.fromEntries(Object.entries(command.options).map(([name, option]) => [name, { ...option, help: 'other words', value: '<other>' }])),
    }));
    const globalOptions = Object.fromEntries(Object.entries(catalog.globalOptions).map(([name, option]) => [name, { ...option, help: 'other words' }]));

    const before = surfaceOf({ commands: catalog.commands, globalOptions: catalog.globalOptions, ExitCode });
    const after = surfaceOf({ commands: [...reworded].reverse(), globalOptions, ExitCode });
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).toBe(JSON.stringify(before));
    expect(compareCliSurfaces(before, after)).toEqual([]);
  });
});
