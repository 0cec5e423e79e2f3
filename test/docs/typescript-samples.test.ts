/**
 * Every TypeScript sample we publish compiles against the client package as built, so none can
 * silently rot when the spec or the client changes:
 *   - the docs page's: one per operation, which the docs build writes to
 *     packages/docs/build/samples/<operationId>.ts (the same text as its `x-codeSamples` entry),
 *     and the landing sections' (the signed client, a function calling a function), written to
 *     packages/docs/build/landing-samples/<name>.ts (the same text as in the page's description);
 *   - every ```ts block of README.md, packages/client/README.md and any .md under docs/.
 * All of them, and two canaries that must fail, are checked by one TypeScript program, in this
 * process. `@fgs-openapi/client` resolves through the workspace link and the package's exports
 * map to dist/, so this is the package as built and as published.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { operationDescriptors } from '@fgs-openapi/client';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '../..');
const samplesDir = path.join(repo, 'packages/docs/build/samples');
const landingDir = path.join(repo, 'packages/docs/build/landing-samples');
// Inside the repository, so `@fgs-openapi/client` resolves through the workspace link to dist/.
const scratch = path.join(repo, '.vitest/typescript-samples');

const tsFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.ts')).sort() : []);
const operationFiles = tsFiles(samplesDir);
const landingFiles = tsFiles(landingDir);
/** The operations the client can sign: the landing then shows a signed client and a function calling a function. */
const signedOperations = Object.values(operationDescriptors).filter((d) => d.signing !== undefined);

/** Every ```ts block of the READMEs and docs/, with where it is. */
function markdownBlocks(): { name: string; code: string }[] {
  // Every Markdown file under docs/, however deep, so a new guide is checked without a change here.
  const guides = readdirSync(path.join(repo, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file.split(path.sep).join('/')}`)
    .sort();
  const found: { name: string; code: string }[] = [];
  for (const file of ['README.md', 'packages/client/README.md', ...guides]) {
    const text = readFileSync(path.join(repo, file), 'utf8');
    let index = 0;
    for (const match of text.matchAll(/^```(?:ts|typescript)(?:[ \t][^\n]*)?\n([\s\S]*?)^```$/gm)) {
      const line = text.slice(0, match.index).split('\n').length;
      found.push({ name: `${file}:${line} (block ${++index})`, code: match[1]! });
    }
  }
  return found;
}

const blocks = markdownBlocks();
const blockFile = (name: string) => path.join(scratch, 'markdown', name.replace(/[^\w.-]+/g, '_'), 'sample.mts');

/** Passes a client input under its wire name, and reads the sync result as the raw body. */
const CANARY = `import { createFunctionGraphClient } from '@fgs-openapi/client';
const client = createFunctionGraphClient({ region: 'cn-south-1', token: 't' });
const run = await client.invokeFunction({ functionUrn: 'urn:fss:cn-south-1:p:function:default:f', 'X-Cff-Log-Type': 'tail', body: {} });
console.log(run.request_id);
export {};
`;
/** Passes the secret under a name the client does not take, and reads a secret a rejected signature's details never carry. */
const SIGNING_CANARY = `import { AuthenticationError, createFunctionGraphClient } from '@fgs-openapi/client';
const client = createFunctionGraphClient({ credentials: { accessKeyId: 'AK', secretKey: 'SK' } });
try { await client.asyncInvokeFunction({ functionUrn: 'urn:fss:cn-south-1:p:function:default:f', body: {} }); }
catch (error) { if (error instanceof AuthenticationError) console.log(error.signing?.secretAccessKey); }
export {};
`;
const canary = path.join(scratch, 'canary/canary.ts');
const signingCanary = path.join(scratch, 'canary/signing-canary.ts');

const OPTIONS: ts.CompilerOptions = {
  noEmit: true,
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  types: ['node'],
  // Declaration files are taken as they are: what is checked is that the samples compile against
  // them. The package's own .d.ts are compiled whole, skipLibCheck off, by
  // test/package/tarball.test.ts; and the canaries below fail if the types ever degrade to `any`.
  skipLibCheck: true,
};

/** Diagnostics by file (absolute path); those of no file under ''. */
const diagnostics = new Map<string, ts.Diagnostic[]>();
const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => repo, getNewLine: () => '\n' };
const format = (list: readonly ts.Diagnostic[] | undefined) => (list ?? []).map((d) => ts.formatDiagnostic(d, host).trim());
const messages = (file: string) => (diagnostics.get(file) ?? []).map((d) => ({ code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, '\n') }));

beforeAll(() => {
  expect(existsSync(path.join(repo, 'packages/client/dist/index.d.ts')), 'run npm run build first').toBe(true);
  rmSync(scratch, { recursive: true, force: true });
  for (const { name, code } of blocks) {
    mkdirSync(path.dirname(blockFile(name)), { recursive: true });
    // `export {}` keeps each block a module of its own, so two blocks may declare the same names.
    writeFileSync(blockFile(name), `${code}\nexport {};\n`);
  }
  mkdirSync(path.dirname(canary), { recursive: true });
  writeFileSync(canary, CANARY);
  writeFileSync(signingCanary, SIGNING_CANARY);
  const roots = [
    ...operationFiles.map((file) => path.join(samplesDir, file)),
    ...landingFiles.map((file) => path.join(landingDir, file)),
    ...blocks.map(({ name }) => blockFile(name)),
    canary,
    signingCanary,
  ];
  const program = ts.createProgram(roots, OPTIONS);
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.resolve(diagnostic.file.fileName) : '';
    diagnostics.set(file, [...(diagnostics.get(file) ?? []), diagnostic]);
  }
}, 120_000);

describe('on the docs page (packages/docs/build)', () => {
  it('there is one per operation, and at least one', () => {
    // Zero would make every check below pass vacuously: the docs build did not run or wrote nothing.
    expect(operationFiles.length, `no samples in ${samplesDir}; run npm run build`).toBeGreaterThan(0);
    expect(operationFiles).toEqual(Object.keys(operationDescriptors).map((id) => `${id}.ts`).sort());
  });

  it.each(operationFiles)('%s compiles against the built @fgs-openapi/client', (file) => {
    expect(format(diagnostics.get(path.join(samplesDir, file)))).toEqual([]);
  });

  it('the landing has a signed client and a function calling a function when the client can sign', () => {
    // None would make the check below pass vacuously.
    expect(landingFiles, `landing samples in ${landingDir}; run npm run build`).toEqual(
      signedOperations.length > 0 ? ['function-to-function.ts', 'signed-client.ts'] : [],
    );
  });

  it.each(landingFiles)('landing sample %s compiles against the built @fgs-openapi/client', (file) => {
    expect(format(diagnostics.get(path.join(landingDir, file)))).toEqual([]);
  });
});

describe('in README.md, packages/client/README.md and docs/', () => {
  it('has samples to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(2);
  });

  it.each(blocks)('$name compiles against the built package', ({ name }) => {
    expect(format(diagnostics.get(blockFile(name)))).toEqual([]);
  });
});

describe('the same program fails what must fail (the canaries)', () => {
  it('a sample that uses wire names or misreads an answer', () => {
    const found = messages(canary);
    expect(found.some((d) => d.code === 2353 && d.text.includes("'X-Cff-Log-Type'")), JSON.stringify(found)).toBe(true);
    expect(found.some((d) => d.code === 2551 && d.text.includes("'request_id'")), JSON.stringify(found)).toBe(true);
  });

  it('a signed client with a misnamed secret, or one that reads a secret from a rejection', () => {
    const found = messages(signingCanary);
    expect(found.some((d) => d.code === 2353 && d.text.includes("'secretKey'")), JSON.stringify(found)).toBe(true);
    expect(found.some((d) => d.code === 2339 && d.text.includes("'secretAccessKey'")), JSON.stringify(found)).toBe(true);
  });
});

it('the compiler reported nothing else', () => {
  // Errors that name no sample (a broken package, a bad option) must not slip through.
  const expected = new Set([
    ...operationFiles.map((file) => path.join(samplesDir, file)),
    ...landingFiles.map((file) => path.join(landingDir, file)),
    ...blocks.map(({ name }) => blockFile(name)),
    canary,
    signingCanary,
  ]);
  const elsewhere = [...diagnostics].filter(([file]) => !expected.has(file)).flatMap(([, list]) => format(list));
  expect(elsewhere).toEqual([]);
});
