/**
 * The generator as a maintainer runs it: the real command, real files, exit codes and messages.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotTree } from '../helpers/tree.js';

const repo = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function runScript(script: 'generate' | 'check', args: string[], cwd = repo): Promise<Outcome> {
  return new Promise((resolve) => {
    // What `npm run generate` / `npm run check` run.
    execFile(process.execPath, [path.join(repo, 'scripts/run.mjs'), script, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}


let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-cli-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('broken specs: exit non-zero, name file and line, leave the output folder as it was', () => {
  const broken = 'test/generator/fixtures/broken';
  it.concurrent.each([
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


    const result = await runScript('generate', ['--spec', spec, '--out', out]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: the spec has 1 problem:/);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(await snapshotTree(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(['generated']);
  });
});

describe('command line', () => {
  it('refuses an unknown option with usage and exit code 2', async () => {
    const result = await runScript('generate', ['--sepc', 'x.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Unknown option '--sepc'/);
    expect(result.stderr).toMatch(/usage: npm run generate -- \[--spec <openapi file>\] \[--out <folder>\]/);
  });

  it('generates a third-party spec through --spec/--out, warning about operations without operationId', async () => {
    const out = path.join(scratch, 'petstore-simple-no-tags');
    const result = await runScript('generate', ['--spec', 'node_modules/@readme/oas-examples/3.0/json/petstore-simple-no-tags.json', '--out', out]);
    expect(result.stderr).toContain('warning: GET /pet/{id} has no operationId; named it "getPetById" from its method and path\n');
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['client.gen.ts', 'manifest.json', 'openapi.json', 'schema.gen.ts']);
    const client = await readFile(path.join(out, 'client.gen.ts'), 'utf8');
    expect(client.split('\n')[0]).toBe(
      `// Generated by fgs-openapi generator from node_modules/@readme/oas-examples/3.0/json/petstore-simple-no-tags.json. Do not edit. Regenerate: npm run generate -- --spec node_modules/@readme/oas-examples/3.0/json/petstore-simple-no-tags.json --out ${path.relative(repo, out)}`,
    );
  });

  it('generates what OpenAPI 3.1 allows but the generator cannot use, with one warning per kind, file and line', async () => {
    const out = path.join(scratch, 'lenient');
    const result = await runScript('generate', ['--spec', 'test/generator/fixtures/lenient-3.1/openapi.yaml', '--out', out]);
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
    const result = await runScript('generate', ['--spec', 'test/generator/fixtures/minimal-3.0/openapi.yaml', '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('warning: GET /items has no operationId; named it "getItems" from its method and path\n');
  });

  it('replaces the whole output folder and leaves no staging folders behind', async () => {
    const parent = path.join(scratch, 'replace');
    const out = path.join(parent, 'generated');
    await cp(path.join(repo, 'generated'), out, { recursive: true });
    await writeFile(path.join(out, 'stale.gen.ts'), 'export {};\n');
    const result = await runScript('generate', ['--spec', 'spec/openapi.yaml', '--out', out]);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['client.gen.ts', 'manifest.json', 'openapi.json', 'schema.gen.ts']);
    expect(await readdir(parent)).toEqual(['generated']);
  });

  // The write itself fails (scripts/generator/output.ts); test/generator/output.test.ts fails each of its steps.
  it('fails with exit code 1 when --out lies below a file (ENOTDIR), leaving the file and its folder as they were', async () => {
    const parent = path.join(scratch, 'below-a-file');
    await mkdir(parent);
    await writeFile(path.join(parent, 'a-file'), 'mine\n');
    const out = path.join(parent, 'a-file', 'generated');

    const result = await runScript('generate', ['--spec', 'spec/openapi.yaml', '--out', out]);

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
    const out = path.join(scratch, `not-ours-${Object.keys(contents).length}`);
    await mkdir(out, { recursive: true });
    for (const [name, text] of Object.entries(contents)) await writeFile(path.join(out, name), text);
    const before = await snapshotTree(out);
    const result = await runScript('generate', ['--spec', 'spec/openapi.yaml', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no manifest.json written by the fgs-openapi generator. Choose a new or empty folder for --out.');
    expect(await snapshotTree(out)).toEqual(before);
    expect((await readdir(scratch)).filter((name) => name.includes('.new-') || name.includes('.old-'))).toEqual([]);
  });

  it('is deterministic: two runs give byte-identical output', async () => {
    const out = path.join(scratch, 'deterministic');
    expect((await runScript('generate', ['--spec', 'spec/openapi.yaml', '--out', out])).code).toBe(0);
    const first = await snapshotTree(out);
    expect((await runScript('generate', ['--spec', 'spec/openapi.yaml', '--out', out])).code).toBe(0);
    expect(Object.keys(first)).toHaveLength(4);
    expect(await snapshotTree(out)).toEqual(first);
  });
});

describe('drift check', () => {
  it('passes on the committed generated/ folder', async () => {
    const result = await runScript('check', []);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('generated/ is up to date with spec/openapi.yaml\n');
    expect(result.code).toBe(0);
  });

  // Four generator runs in a row (about 10 s each on a busy 2-core machine): more than the default 30 s.
  it('fails after a spec edit, names what differs and the fix, and passes again once regenerated', { timeout: 120_000 }, async () => {
    const copy = path.join(scratch, 'repo-copy');
    await cp(path.join(repo, 'spec'), path.join(copy, 'spec'), { recursive: true });
    await cp(path.join(repo, 'generated'), path.join(copy, 'generated'), { recursive: true });
    expect((await runScript('check', [], copy)).code).toBe(0);

    const file = path.join(copy, 'spec/components/schemas/ReservedInstance.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('ID of the reserved instance', 'The ID of the reserved instance'));
    const drifted = await runScript('check', [], copy);
    expect(drifted.code).toBe(1);
    expect(drifted.stderr).toContain('error: generated/ is out of date with spec/openapi.yaml:');
    expect(drifted.stderr).toContain('  openapi.json differs');
    expect(drifted.stderr).toContain('  schema.gen.ts differs');
    expect(drifted.stderr).toContain('  manifest.json differs');
    expect(drifted.stderr).toMatch(/Fix: npm run generate\n$/);

    expect((await runScript('generate', [], copy)).code).toBe(0);
    expect((await runScript('check', [], copy)).code).toBe(0);
  });

  it('fails when the output folder holds a file the spec does not produce', async () => {
    const copy = path.join(scratch, 'repo-extra');
    await cp(path.join(repo, 'spec'), path.join(copy, 'spec'), { recursive: true });
    await cp(path.join(repo, 'generated'), path.join(copy, 'generated'), { recursive: true });
    await writeFile(path.join(copy, 'generated/hand-written.ts'), 'export {};\n');
    const result = await runScript('check', [], copy);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('  hand-written.ts is not generated from the spec');
  });
});
