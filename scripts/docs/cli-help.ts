/**
 * The parts of docs/cli.md that the command line itself prints: each `--help` text, in a ```text
 * block after a marker naming the command line that prints it (`<!-- fgs invoke --help -->`), and
 * the exit-code table after `<!-- exit codes -->`, made from `exitCodeRows`. Read by
 * test/docs/cli-docs.test.ts, which compares them with the built binary, and rewritten by
 * scripts/docs/refresh-cli-help.ts (`npm run docs:cli`), so nobody pastes help by hand.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const cliDocPath = path.join(repoRoot, 'docs/cli.md');
/** The binary as `npm run build` leaves it. */
export const builtFgs = path.join(repoRoot, 'packages/cli/dist/fgs.js');
/** What brings docs/cli.md back in line with the command line, for every mismatch message. */
export const refreshCommand = 'npm run docs:cli';

/** A marker, then a ```text block: the block's text is what `args` prints. */
const helpBlock = /^<!-- fgs((?: [^\s>]+)*) -->\n```text\n([\s\S]*?)^```$/gm;
const exitCodeTable = /^<!-- exit codes -->\n((?:\|.*\|\n)+)/m;

export interface HelpBlock {
  /** The arguments after `fgs`: `['invoke', '--help']`. */
  readonly args: readonly string[];
  /** The block's text, with its last line break. */
  readonly text: string;
}

export function helpBlocks(markdown: string): HelpBlock[] {
  return [...markdown.matchAll(helpBlock)].map((match) => ({ args: match[1]!.trim().split(' '), text: match[2]! }));
}

/** The rows of the exit-code table, header and rule left out; undefined without the marker. */
export function exitCodeTableRows(markdown: string): [string, string][] | undefined {
  const table = exitCodeTable.exec(markdown)?.[1];
  if (table === undefined) return undefined;
  return table
    .trimEnd()
    .split('\n')
    .slice(2)
    .map((line) => {
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
      const [code = '', meaning = ''] = cells.map((cell) => cell.replace(/^`(.*)`$/, '$1'));
      return [code, meaning];
    });
}

export function renderExitCodeTable(rows: readonly (readonly [string, string])[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return ['| code | meaning |', '| --- | --- |', ...rows.map(([code, meaning]) => `| \`${code}\` | ${escape(meaning)} |`)].join('\n') + '\n';
}

/** What the built `fgs` prints for `args`, plain: NO_COLOR set, stdout a pipe, no terminal width. */
export function runFgs(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [builtFgs, ...args], { cwd: repoRoot, env }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

/** docs/cli.md with every help block as the built binary prints it and the exit-code table made from `rows`. */
export async function refreshCliDoc(markdown: string, rows: readonly (readonly [string, string])[]): Promise<string> {
  const printed = new Map<string, string>();
  for (const block of helpBlocks(markdown)) {
    const { code, stdout, stderr } = await runFgs(block.args);
    if (code !== 0) throw new Error(`fgs ${block.args.join(' ')} exited ${code}: ${stderr}`);
    printed.set(block.args.join(' '), stdout);
  }
  return markdown
    .replace(helpBlock, (_, args: string) => `<!-- fgs${args} -->\n\`\`\`text\n${printed.get(args.trim())}\`\`\``)
    .replace(exitCodeTable, () => `<!-- exit codes -->\n${renderExitCodeTable(rows)}`);
}
