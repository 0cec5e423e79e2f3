/**
 * The generator as a maintainer runs it: the commands, real files, exit codes and messages.
 *
 * The commands run in this process (scripts/generate.ts and scripts/check-generated.ts call the
 * same functions with the process's streams), so the emitters load once for every test. A few
 * runs go through `node scripts/run.mjs`, what `npm run generate` and `npm run check` run, to
 * prove that wiring: the bundle, the exit code a shell sees, and that a fresh process writes
 * exactly what this one does and what is committed. They start first and run beside the others.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkGeneratedCommand } from '../../scripts/generator/cli/check-generated-command.js';
import type { CommandIo } from '../../scripts/generator/cli/command-line.js';
import { generateCommand } from '../../scripts/generator/cli/generate-command.js';
import { snapshotTree } from '../helpers/tree.js';

const repo = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A command run in this process, from `cwd`, with its output captured. */
async function run(command: 'generate' | 'check', args: string[], cwd = repo): Promise<Outcome> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CommandIo = { cwd, stdout: { write: (text: string) => stdout.push(text) }, stderr: { write: (text: string) => stderr.push(text) } };
  const code = await (command === 'generate' ? generateCommand : checkGeneratedCommand)(args, io);
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

/** What `npm run generate` / `npm run check` run: a process of its own. */
function runScript(script: 'generate' | 'check', args: string[], cwd = repo): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repo, 'scripts/run.mjs'), script, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

const scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-cli-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

// The process runs, started before any test so they overlap with the in-process ones.
const processOut = path.join(scratch, 'process-run', 'generated');
let processCheck: Promise<Outcome>;
let processGenerate: Promise<Outcome>;
let processUsage: Promise<Outcome>;
let processBroken: Promise<Outcome>;
beforeAll(async () => {
  await mkdir(path.dirname(processOut));
  processCheck = runScript('check', []);
  processGenerate = runScript('generate', ['--spec', 'spec/openapi.yaml', '--out', processOut]);
  processUsage = runScript('generate', ['--sepc', 'x.yaml']);
  processBroken = runScript('generate', ['--spec', 'test/generator/fixtures/broken/invalid-yaml.yaml', '--out', path.join(scratch, 'process-broken')]);
});

// Each process runs the generator once (about 10 s on a busy 2-core machine).
const PROCESS_TIMEOUT_MS = 120_000;

describe('broken specs: exit non-zero, name file and line, leave the output folder as it was', () => {
  const broken = 'test/generator/fixtures/broken';
  it.each([
    ['invalid YAML', `${broken}/invalid-yaml.yaml`, /invalid-yaml\.yaml:9:3: cannot parse: /],
    // JSON is parsed as JSON; when that fails the YAML parser still says where.
    ['invalid JSON', `${broken}/invalid-json.json`, /invalid-json\.json:7:1: cannot parse: unexpected end of the stream within a flow collection/],
    ['dangling $ref', `${broken}/dangling-ref.yaml`, /dangling-ref\.yaml:15:17: Can't resolve \$ref/],
    ['$ref to a missing file', `${broken}/missing-file-ref.yaml`, /missing-file-ref\.yaml:7:5: Can't resolve \$ref: .*'test\/generator\/fixtures\/broken\/no-such-file\.yaml'/],
    ['duplicate operationId', `${broken}/duplicate-operation-id.yaml`, /duplicate-operation-id\.yaml:14:7: Every operation must have a unique `operationId`/],
    [
      'OpenAPI 3.0 operation with no responses',
      `${broken}/no-responses-3.0.yaml`,
      /no-responses-3\.0\.yaml:13:5: Operation has no `responses`: OpenAPI 3\.0 requires them\. \[generator\/operation-has-responses\] \(breaks OpenAPI 3\.0\.3, Operation Object \(https:\/\/spec\.openapis\.org\/oas\/v3\.0\.3#operation-object\)\)/,
    ],
    [
      'discriminator mapping to a schema name that does not exist',
      `${broken}/discriminator-unknown-name.yaml`,
      /discriminator-unknown-name\.yaml:21:26: Discriminator mapping value `Kat` names no schema in components\/schemas \(a mapping value is a schema name or a reference\)\. \[no-unresolved-refs\] \(breaks OpenAPI 3\.1\.0, Discriminator Object \(https:\/\/spec\.openapis\.org\/oas\/v3\.1\.0#discriminator-object\)\)/,
    ],
    [
      'empty responses',
      `${broken}/empty-responses.yaml`,
      /empty-responses\.yaml:10:18: Operation has an empty `responses` object: it must list at least one response\. \[generator\/operation-has-responses\] \(breaks OpenAPI 3\.1\.0, Responses Object \(https:\/\/spec\.openapis\.org\/oas\/v3\.1\.0#responses-object\)\)/,
    ],
    [
      'OpenAPI 3.1 schema keyword of the wrong type',
      `${broken}/schema-type-3.1.yaml`,
      /schema-type-3\.1\.yaml:17:35: Expected type `number` but got `boolean`\. \[struct\] \(breaks OpenAPI 3\.1\.0, Schema Object \(https:\/\/spec\.openapis\.org\/oas\/v3\.1\.0#schema-object\)\)/,
    ],
    ['Swagger 2.0', `${broken}/swagger-2.yaml`, /swagger-2\.yaml:1: unsupported description version \(Swagger 2\.0\)/],
    [
      'x-paging naming an answer field the operation does not have',
      `${broken}/paging-unknown-field.yaml`,
      /GET \/things: x-paging\.nextMarker names the answer field "next", which the success answer's schema does not have/,
    ],
    ['method names that collide', `${broken}/name-collision.yaml`, /"get-pet".*"getPet".*both become the method name "getPet"/],
    ['spec file that does not exist', `${broken}/nope.yaml`, /broken\/nope\.yaml: file not found/],
  ])('%s', async (_, spec, message) => {
    // Each case has a parent of its own, so a staging folder left beside the output would show.
    const parent = path.join(scratch, `broken-${path.basename(spec).replace(/\.\w+$/, '')}`);
    const out = path.join(parent, 'generated');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'client.gen.ts'), '// what was there before\n');
    await writeFile(path.join(out, 'keep.txt'), 'untouched\n');
    const before = await snapshotTree(out);

    const result = await run('generate', ['--spec', spec, '--out', out]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: the spec has 1 problem:/);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['generated']);
  });

  it('names files relative to the folder the command runs in', async () => {
    const result = await run('generate', ['--spec', 'broken/invalid-yaml.yaml'], path.join(repo, 'test/generator/fixtures'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: the spec has 1 problem:\n {2}broken\/invalid-yaml\.yaml:9:3: cannot parse: /);
  });
});

describe('command line', () => {
  it('refuses an unknown option with usage and exit code 2', async () => {
    const result = await run('generate', ['--sepc', 'x.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--sepc'/);
    expect(result.stderr).toMatch(/usage: npm run generate -- \[--spec <openapi file>\] \[--out <folder>\]/);
  });

  it.each([
    ['generate', 'usage: npm run generate -- [--spec <openapi file>] [--out <folder>]  (defaults: spec/openapi.yaml, generated)\n'],
    ['check', 'usage: npm run check -- [--spec <openapi file>] [--out <folder>]\n'],
  ] as const)('%s --help prints the usage on stdout and exits 0, doing nothing else', async (command, usage) => {
    expect(await run(command, ['--help'])).toEqual({ code: 0, stdout: usage, stderr: '' });
  });

  it('generates a third-party spec through --spec/--out, warning about operations without operationId', async () => {
    const out = path.join(scratch, 'petstore-simple-no-tags');
    const result = await run('generate', ['--spec', 'node_modules/@readme/oas-examples/3.0/json/petstore-simple-no-tags.json', '--out', out]);
    expect(result.stderr).toContain('warning: GET /pet/{id} has no operationId; named it "getPetById" from its method and path\n');
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['client-types.gen.ts', 'client.gen.ts', 'manifest.json', 'openapi.json', 'operation-docs.gen.ts', 'schema.gen.ts']);
    const client = await readFile(path.join(out, 'client.gen.ts'), 'utf8');
    expect(client.split('\n')[0]).toBe(
      `// Generated by fgs-openapi generator from node_modules/@readme/oas-examples/3.0/json/petstore-simple-no-tags.json. Do not edit. Regenerate: npm run generate -- --spec node_modules/@readme/oas-examples/3.0/json/petstore-simple-no-tags.json --out ${path.relative(repo, out)}`,
    );
  });

  it('generates what OpenAPI 3.1 allows but the generator cannot use, with one warning per kind, file and line', async () => {
    const out = path.join(scratch, 'lenient');
    const result = await run('generate', ['--spec', 'test/generator/fixtures/lenient-3.1/openapi.yaml', '--out', out]);
    expect(result.code).toBe(0);
    const spec = 'test/generator/fixtures/lenient-3.1/openapi.yaml';
    expect(result.stderr.split('\n').filter(Boolean).sort()).toEqual(
      [
        `warning: ${spec}:18:5: Operation has no \`responses\` (allowed in OpenAPI 3.1): its result is typed as unknown. [generator/operation-without-responses]`,
        `warning: ${spec}:32:11: Keyword \`nullable\` is not part of OpenAPI 3.1's Schema Object (JSON Schema 2020-12); the generator ignores it. [generator/schema-keyword] (and 1 more like it in this file)`,
        `warning: ${spec}:41:25: Expected type \`number\` but got \`boolean\`: the schema is written in JSON Schema dialect http://json-schema.org/draft-04/schema#, which the generator does not check (it checks OpenAPI 3.1's dialect, JSON Schema 2020-12). [generator/schema-dialect]`,
      ].sort(),
    );
    const client = await readFile(path.join(out, 'client.gen.ts'), 'utf8');
    expect(client).toContain('export type PostBResult = unknown;');
    expect(client).toContain("export type GetAResult = GetAOperation['responses'][200]['content']['application/json'];");
  });

  it('prints a warning and a derived name for an operation without operationId', async () => {
    const out = path.join(scratch, 'minimal');
    const result = await run('generate', ['--spec', 'test/generator/fixtures/minimal-3.0/openapi.yaml', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('warning: GET /items has no operationId; named it "getItems" from its method and path\n');
  });

  it('replaces the whole output folder and leaves no staging folders behind', async () => {
    const parent = path.join(scratch, 'replace');
    const out = path.join(parent, 'generated');
    await cp(path.join(repo, 'generated'), out, { recursive: true });
    await writeFile(path.join(out, 'stale.gen.ts'), 'export {};\n');
    const result = await run('generate', ['--spec', 'spec/openapi.yaml', '--out', out]);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['client-types.gen.ts', 'client.gen.ts', 'manifest.json', 'openapi.json', 'operation-docs.gen.ts', 'schema.gen.ts']);
    expect(await readdir(parent)).toEqual(['generated']);
  });

  // The write itself fails (scripts/generator/write/write-output.ts); test/generator/write/write-output.test.ts fails each of its steps.
  it('fails with exit code 1 when --out lies below a file (ENOTDIR), leaving the file and its folder as they were', async () => {
    const parent = path.join(scratch, 'below-a-file');
    await mkdir(parent);
    await writeFile(path.join(parent, 'a-file'), 'mine\n');
    const out = path.join(parent, 'a-file', 'generated');

    const result = await run('generate', ['--spec', 'spec/openapi.yaml', '--out', out]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: unexpected failure; nothing was written\.\nError: ENOTDIR: not a directory, mkdtemp '.*below-a-file\/a-file\/\.generated\.new-/);
    expect(result.stdout).toBe('');
    expect(await readFile(path.join(parent, 'a-file'), 'utf8')).toBe('mine\n');
    expect(await readdir(parent)).toEqual(['a-file']);
  });

  it.each([
    ['a folder of hand-written files', { 'notes.md': '# mine\n' }],
    ['a folder with a manifest.json of something else', { 'manifest.json': '{"name":"other"}\n', 'a.ts': 'export {};\n' }],
  ])('refuses to replace %s, exit code 2, and leaves it as it was', async (_, contents) => {
    const parent = path.join(scratch, `not-ours-${Object.keys(contents).length}`);
    const out = path.join(parent, 'generated');
    await mkdir(out, { recursive: true });
    for (const [name, text] of Object.entries(contents)) await writeFile(path.join(out, name), text);
    const before = await snapshotTree(out);
    const result = await run('generate', ['--spec', 'spec/openapi.yaml', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no manifest.json written by the fgs-openapi generator. Choose a new or empty folder for --out.');
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['generated']);
  });
});

describe('drift check', () => {
  /** A folder holding copies of spec/ and generated/, where the commands run with their defaults. */
  async function repoCopy(name: string): Promise<string> {
    const copy = path.join(scratch, name);
    await cp(path.join(repo, 'spec'), path.join(copy, 'spec'), { recursive: true });
    await cp(path.join(repo, 'generated'), path.join(copy, 'generated'), { recursive: true });
    return copy;
  }

  it('fails after a spec edit, names what differs and the fix, and passes again once regenerated', async () => {
    const copy = await repoCopy('repo-copy');
    const file = path.join(copy, 'spec/components/schemas/ReservedInstance.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('ID of the reserved instance', 'The ID of the reserved instance'));

    const drifted = await run('check', [], copy);
    expect(drifted.code).toBe(1);
    expect(drifted.stderr).toContain('error: generated/ is out of date with spec/openapi.yaml:');
    expect(drifted.stderr).toContain('  openapi.json differs');
    expect(drifted.stderr).toContain('  schema.gen.ts differs');
    expect(drifted.stderr).toContain('  manifest.json differs');
    expect(drifted.stderr).not.toContain('client.gen.ts');
    expect(drifted.stderr).toMatch(/Fix: npm run generate\n$/);

    expect((await run('generate', [], copy)).code).toBe(0);
    expect(await run('check', [], copy)).toEqual({ code: 0, stdout: 'generated/ is up to date with spec/openapi.yaml\n', stderr: '' });
  });

  it('fails when the output folder holds a file the spec does not produce, or lacks one it does', async () => {
    const copy = await repoCopy('repo-extra');
    await writeFile(path.join(copy, 'generated/hand-written.ts'), 'export {};\n');
    await rm(path.join(copy, 'generated/client.gen.ts'));
    const result = await run('check', [], copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  hand-written.ts is not generated from the spec');
    expect(result.stderr).toContain('  client.gen.ts is missing');
  });
});

// Last, so the in-process tests above run while these processes do.
describe('through node scripts/run.mjs, as npm runs it', () => {
  it('check passes on the committed generated/ folder', { timeout: PROCESS_TIMEOUT_MS }, async () => {
    const result = await processCheck;
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('generated/ is up to date with spec/openapi.yaml\n');
    expect(result.code).toBe(0);
  });

  it('generate writes what a run in another process writes, byte for byte', { timeout: PROCESS_TIMEOUT_MS }, async () => {
    const result = await processGenerate;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe(`generated openapi.json, schema.gen.ts, client.gen.ts, client-types.gen.ts, operation-docs.gen.ts, manifest.json in ${path.relative(repo, processOut)}/ from spec/openapi.yaml\n`);
    const first = await snapshotTree(processOut);
    expect(Object.keys(first).sort()).toEqual(['client-types.gen.ts', 'client.gen.ts', 'manifest.json', 'openapi.json', 'operation-docs.gen.ts', 'schema.gen.ts']);
    expect((await run('generate', ['--spec', 'spec/openapi.yaml', '--out', processOut])).code).toBe(0);
    expect(await snapshotTree(processOut)).toEqual(first);
  });

  it('a wrong command line exits with code 2 and the usage', { timeout: PROCESS_TIMEOUT_MS }, async () => {
    const result = await processUsage;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--sepc'/);
    expect(result.stderr).toMatch(/usage: npm run generate -- \[--spec <openapi file>\] \[--out <folder>\]/);
  });

  it('a broken spec exits with code 1 and says where', { timeout: PROCESS_TIMEOUT_MS }, async () => {
    const result = await processBroken;
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: the spec has 1 problem:\n {2}test\/generator\/fixtures\/broken\/invalid-yaml\.yaml:9:3: cannot parse: /);
    expect(result.stdout).toBe('');
  });
});
