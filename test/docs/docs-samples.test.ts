/**
 * The TypeScript sample the docs page shows for each operation compiles against the client
 * package as built. The docs build writes each one to packages/docs/build/samples/<operationId>.ts
 * (the same text as its `x-codeSamples` entry), so a sample that drifts from the client fails here.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { operationDescriptors } from '../../generated/client.gen.js';

const run = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');
const samplesDir = path.join(repo, 'packages/docs/build/samples');

const files = existsSync(samplesDir)
  ? readdirSync(samplesDir).filter((file) => file.endsWith('.ts')).sort()
  : [];

let diagnostics = '';

beforeAll(async () => {
  expect(existsSync(path.join(repo, 'packages/client/dist/index.d.ts')), 'run npm run build first').toBe(true);
  if (files.length === 0) return;
  // One compiler run for all samples: each is a module of its own (it imports the client).
  // `@fgs-openapi/client` resolves from packages/docs/ up to the workspace link, and the
  // package's exports lead to dist/, so this is the package as built and as published.
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const args = [
    '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--types', 'node', '--pretty', 'false',
    ...files.map((file) => path.join(samplesDir, file)),
  ];
  diagnostics = await run(tsc, args, { cwd: repo }).then(
    () => '',
    (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
  );
}, 120_000);

describe('TypeScript samples on the docs page (packages/docs/build/samples)', () => {
  it('there is one per operation, and at least one', () => {
    // Zero would make every check below pass vacuously: the docs build did not run or wrote nothing.
    expect(files.length, `no samples in ${samplesDir}; run npm run build`).toBeGreaterThan(0);
    expect(files).toEqual(Object.keys(operationDescriptors).map((id) => `${id}.ts`).sort());
  });

  it.each(files)('%s compiles against the built @fgs-openapi/client', (file) => {
    const own = diagnostics
      .split('\n')
      .filter((line) => line.includes(path.join(samplesDir, file)) || line.startsWith(`packages/docs/build/samples/${file}`));
    expect(own).toEqual([]);
  });

  it('the compiler reported nothing else', () => {
    // Errors that name no sample (a broken package, a bad flag) must not slip through.
    expect(diagnostics).toBe('');
  });
});
