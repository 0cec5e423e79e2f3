/**
 * Every ```ts block in the READMEs (root and npm page) and docs/ compiles against the client
 * package as built, so a sample cannot silently rot when the spec or the client changes.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so `@fgs-openapi/client` resolves through the workspace link to dist/.
const scratch = path.join(repo, '.vitest/samples');

async function samples(): Promise<{ name: string; code: string }[]> {
  // Every Markdown file under docs/, however deep, so a new guide is checked without a change here.
  const docs = (await readdir(path.join(repo, 'docs'), { recursive: true }))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file.split(path.sep).join('/')}`)
    .sort();
  const found: { name: string; code: string }[] = [];
  for (const file of ['README.md', 'packages/client/README.md', ...docs]) {
    const text = await readFile(path.join(repo, file), 'utf8');
    let index = 0;
    for (const match of text.matchAll(/^```(?:ts|typescript)(?:[ \t][^\n]*)?\n([\s\S]*?)^```$/gm)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ name: `${file}:${line} (block ${++index})`, code: match[1]! });
    }
  }
  return found;
}

const blocks = await samples();

function fileOf(name: string): string {
  return path.join(scratch, name.replace(/[^\w.-]+/g, '_'), 'sample.mts');
}

let diagnostics = '';

beforeAll(async () => {
  expect(existsSync(path.join(repo, 'packages/client/dist/index.d.ts')), 'run npm run build first').toBe(true);
  await rm(scratch, { recursive: true, force: true });
  for (const { name, code } of blocks) {
    await mkdir(path.dirname(fileOf(name)), { recursive: true });
    // `export {}` keeps each block a module of its own, so two blocks may declare the same names.
    await writeFile(fileOf(name), `${code}\nexport {};\n`);
  }
  // One compiler run for every block (one per block took seconds each).
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', '--pretty', 'false'];
  diagnostics = await run(tsc, [...args, ...blocks.map(({ name }) => fileOf(name))], { cwd: repo }).then(
    () => '',
    (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
  );
}, 120_000);

describe('code samples in README.md and docs/', () => {
  it('has samples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks)('$name compiles against the built package', ({ name }) => {
    const relative = path.relative(repo, fileOf(name));
    expect(diagnostics.split('\n').filter((line) => line.startsWith(relative) || line.includes(fileOf(name)))).toEqual([]);
  });

  it('the compiler reported nothing else', () => {
    // An error that names no sample (a broken package, a bad flag) must not slip through.
    expect(diagnostics).toBe('');
  });
});
