/**
 * The TypeScript sample the docs page shows for each operation compiles against the client
 * package as built. The docs build writes each one to packages/docs/build/samples/<operationId>.ts
 * (the same text as its `x-codeSamples` entry), so a sample that drifts from the client fails here.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
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

/**
 * Compiled in the same run as the samples, to show that run can fail: a sample that passes a wire
 * name where the client takes its own name, and reads the sync result as the raw body.
 */
const canaryDir = path.join(repo, '.vitest/docs-samples-canary');
const canary = path.join(canaryDir, 'canary.ts');
const CANARY = `import { createFunctionGraphClient } from '@fgs-openapi/client';
const client = createFunctionGraphClient({ region: 'cn-south-1', token: 't' });
const run = await client.invokeFunction({ functionUrn: 'urn:fss:cn-south-1:p:function:default:f', 'X-Cff-Log-Type': 'tail', body: {} });
console.log(run.request_id);
export {};
`;
const canaryDiagnostics: string[] = [];

beforeAll(async () => {
  expect(existsSync(path.join(repo, 'packages/client/dist/index.d.ts')), 'run npm run build first').toBe(true);
  if (files.length === 0) return;
  // One compiler run for all samples: each is a module of its own (it imports the client).
  // `@fgs-openapi/client` resolves from packages/docs/ up to the workspace link, and the
  // package's exports lead to dist/, so this is the package as built and as published.
  mkdirSync(canaryDir, { recursive: true });
  writeFileSync(canary, CANARY);
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const args = [
    canary,
    '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--types', 'node', '--pretty', 'false',
    ...files.map((file) => path.join(samplesDir, file)),
  ];
  diagnostics = await run(tsc, args, { cwd: repo }).then(
    () => '',
    (error: { stdout: string; stderr: string }) => `${error.stdout}${error.stderr}`,
  );
  // A diagnostic is a line naming its file, then indented lines that elaborate it.
  const own: string[] = [];
  let inCanary = false;
  for (const line of diagnostics.split('\n')) {
    if (!/^\s/.test(line)) inCanary = line.includes('docs-samples-canary');
    (inCanary ? canaryDiagnostics : own).push(line);
  }
  diagnostics = own.join('\n').trim();
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

  it('the same compiler run fails a sample that uses wire names or misreads an answer (the canary)', () => {
    expect(canaryDiagnostics.some((line) => line.includes("'X-Cff-Log-Type'") && line.includes('TS2353')), canaryDiagnostics.join('\n')).toBe(true);
    expect(canaryDiagnostics.some((line) => line.includes("'request_id'") && line.includes('TS2551')), canaryDiagnostics.join('\n')).toBe(true);
  });

  it('the compiler reported nothing else', () => {
    // Errors that name no sample (a broken package, a bad flag) must not slip through.
    expect(diagnostics).toBe('');
  });
});
