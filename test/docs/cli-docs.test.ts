/**
 * docs/cli.md and the command line agree: each `--help` block is what the built
 * packages/cli/dist/fgs.js prints (NO_COLOR, stdout a pipe), `fgs --help` and every command of the
 * catalog have a block and a section naming their options, and the exit-code table is
 * `exitCodeRows`, which names every code `fgs` ends with. A mismatch says how to refresh the page:
 * `npm run docs:cli` (scripts/docs/refresh-cli-help.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, globalOptions, type OptionSpecs } from '../../packages/cli/src/commands/catalog.js';
import { ExitCode } from '../../packages/cli/src/exit-codes.js';
import { exitCodeRows } from '../../packages/cli/src/help.js';
import { builtFgs, cliDocPath, exitCodeTableRows, helpBlocks, refreshCommand, repoRoot, runFgs } from '../../scripts/docs/cli-help.js';

const markdown = readFileSync(cliDocPath, 'utf8');
const blocks = helpBlocks(markdown);
const stale = `docs/cli.md is out of date with the command line: run ${refreshCommand} and review the diff`;

/** The text of a `##`/`###` section, from its heading to the next heading of its level or above, help blocks left out. */
function section(heading: string): string | undefined {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line === heading);
  if (start < 0) return undefined;
  const level = /^#+/.exec(heading)![0].length;
  const end = lines.findIndex((line, index) => index > start && /^#+ /.test(line) && /^#+/.exec(line)![0].length <= level);
  return lines
    .slice(start, end < 0 ? undefined : end)
    .join('\n')
    .replace(/```text\n[\s\S]*?```/g, '');
}

const optionNames = (options: OptionSpecs) => Object.keys(options).map((name) => `--${name}`);

describe('docs/cli.md shows the help the built fgs prints', () => {
  it('has the built binary to compare with', () => {
    expect(existsSync(builtFgs), `${path.relative(repoRoot, builtFgs)} is missing: run npm run build`).toBe(true);
  });

  it.each(blocks.map((block) => [block.args.join(' '), block] as const))('fgs %s', async (_, block) => {
    const { code, stdout, stderr } = await runFgs(block.args);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(block.text, stale).toBe(stdout);
  });

  it('has a help block for fgs --help and for each command of the catalog', () => {
    const shown = blocks.map((block) => block.args.join(' '));
    const wanted = ['--help', ...commands.map((command) => `${command.name} --help`)];
    expect(shown.filter((args) => wanted.includes(args)).sort(), `${stale}; a new command also needs a section with a marker <!-- fgs <command> --help --> and an empty \`\`\`text block`).toEqual(
      [...wanted].sort(),
    );
  });
});

describe('docs/cli.md describes every command and option', () => {
  it.each(commands.map((command) => [command.name, command] as const))('fgs %s has a section naming its options', (name, command) => {
    const text = section(`### \`fgs ${name}\``);
    expect(text, `docs/cli.md has no section "### \`fgs ${name}\`"`).toBeDefined();
    for (const option of optionNames(command.options)) expect(text, `the section of fgs ${name} does not mention ${option}`).toContain(option);
  });

  it('names every global option under Global options', () => {
    const text = section('## Global options');
    expect(text).toBeDefined();
    for (const option of optionNames(globalOptions)) expect(text, `Global options does not mention ${option}`).toContain(option);
  });
});

describe('exit codes', () => {
  it('docs/cli.md has the table of exitCodeRows (packages/cli/src/help.ts)', () => {
    expect(exitCodeTableRows(markdown), `${stale}; the table follows the marker <!-- exit codes -->`).toEqual(exitCodeRows);
  });

  it('exitCodeRows names every exit code fgs ends with, in order, and no other', () => {
    expect(exitCodeRows.map(([code]) => Number(code))).toEqual(Object.values(ExitCode));
  });
});
