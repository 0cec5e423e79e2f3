/**
 * Every ```ts block in the README and docs/ compiles against the client package as built, so a
 * sample cannot silently rot when the spec or the client changes.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
// Inside the repository, so `@fgs-openapi/client` resolves through the workspace link to dist/.
const scratch = path.join(repo, '.vitest/samples');

async function samples(): Promise<{ name: string; code: string }[]> {
  const docs = (await readdir(path.join(repo, 'docs'))).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`);
  const found: { name: string; code: string }[] = [];
  for (const file of ['README.md', ...docs]) {
    const text = await readFile(path.join(repo, file), 'utf8');
    let index = 0;
    for (const match of text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ name: `${file}:${line} (block ${++index})`, code: match[1]! });
    }
  }
  return found;
}

const blocks = await samples();

describe('code samples in README.md and docs/', () => {
  it('has samples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks)('$name compiles against the built package', async ({ name, code }) => {
    expect(existsSync(path.join(repo, 'packages/client/dist/index.d.ts')), 'run npm run build first').toBe(true);
    const dir = path.join(scratch, name.replace(/[^\w.-]+/g, '_'));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'sample.mts'), code);
    const tsc = path.join(repo, 'node_modules/.bin/tsc');
    const args = ['--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', path.join(dir, 'sample.mts')];
    const output = await run(tsc, args, { cwd: dir }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(output).toBe('');
  });
});
