/**
 * The TypeScript samples the docs page shows compile against the client package as built: one per
 * operation, which the docs build writes to packages/docs/build/samples/<operationId>.ts (the same
 * text as its `x-codeSamples` entry), and those of the landing sections (the signed client, a
 * function calling a function), written to packages/docs/build/landing-samples/<name>.ts (the same
 * text as in the page's description). A sample that drifts from the client fails here.
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
const landingDir = path.join(repo, 'packages/docs/build/landing-samples');

const tsFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.ts')).sort() : []);
const files = tsFiles(samplesDir);
const landingFiles = tsFiles(landingDir);
/** The operations the client can sign: the landing then shows a signed client and a function calling a function. */
const signedOperations = Object.values(operationDescriptors as Record<string, { signing?: unknown }>).filter((d) => d.signing !== undefined);

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
/**
 * Compiled in the same run too: a signed client that passes the secret under a name the client does
 * not take, and reads a secret that a rejected signature's details never carry.
 */
const SIGNING_CANARY = `import { AuthenticationError, createFunctionGraphClient } from '@fgs-openapi/client';
const client = createFunctionGraphClient({ credentials: { accessKeyId: 'AK', secretKey: 'SK' } });
try { await client.asyncInvokeFunction({ functionUrn: 'urn:fss:cn-south-1:p:function:default:f', body: {} }); }
catch (error) { if (error instanceof AuthenticationError) console.log(error.signing?.secretAccessKey); }
export {};
`;
const signingCanary = path.join(canaryDir, 'signing-canary.ts');
const canaryDiagnostics: string[] = [];

beforeAll(async () => {
  expect(existsSync(path.join(repo, 'packages/client/dist/index.d.ts')), 'run npm run build first').toBe(true);
  if (files.length === 0 && landingFiles.length === 0) return;
  // One compiler run for all samples: each is a module of its own (it imports the client).
  // `@fgs-openapi/client` resolves from packages/docs/ up to the workspace link, and the
  // package's exports lead to dist/, so this is the package as built and as published.
  mkdirSync(canaryDir, { recursive: true });
  writeFileSync(canary, CANARY);
  writeFileSync(signingCanary, SIGNING_CANARY);
  const tsc = path.join(repo, 'node_modules/.bin/tsc');
  const args = [
    canary,
    signingCanary,
    '--noEmit', '--strict', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--types', 'node', '--pretty', 'false',
    ...files.map((file) => path.join(samplesDir, file)),
    ...landingFiles.map((file) => path.join(landingDir, file)),
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
    const own = canaryDiagnostics.filter((line) => line.includes('canary.ts') && !line.includes('signing-canary.ts'));
    expect(own.some((line) => line.includes("'X-Cff-Log-Type'") && line.includes('TS2353')), canaryDiagnostics.join('\n')).toBe(true);
    expect(own.some((line) => line.includes("'request_id'") && line.includes('TS2551')), canaryDiagnostics.join('\n')).toBe(true);
  });

  it('the same compiler run fails a signed client with a misnamed secret, or one that reads a secret from a rejection (the signing canary)', () => {
    const own = canaryDiagnostics.filter((line) => line.includes('signing-canary.ts'));
    expect(own.some((line) => line.includes("'secretKey'") && line.includes('TS2353')), canaryDiagnostics.join('\n')).toBe(true);
    expect(own.some((line) => line.includes("'secretAccessKey'") && line.includes('TS2339')), canaryDiagnostics.join('\n')).toBe(true);
  });

  it('the landing has a signed client and a function calling a function when the client can sign', () => {
    // None would make the check below pass vacuously.
    expect(landingFiles, `landing samples in ${landingDir}; run npm run build`).toEqual(
      signedOperations.length > 0 ? ['function-to-function.ts', 'signed-client.ts'] : [],
    );
  });

  it.each(landingFiles)('landing sample %s compiles against the built @fgs-openapi/client', (file) => {
    const own = diagnostics
      .split('\n')
      .filter((line) => line.includes(path.join(landingDir, file)) || line.startsWith(`packages/docs/build/landing-samples/${file}`));
    expect(own).toEqual([]);
  });

  it('the compiler reported nothing else', () => {
    // Errors that name no sample (a broken package, a bad flag) must not slip through.
    expect(diagnostics).toBe('');
  });
});
