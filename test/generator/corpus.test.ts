/**
 * The generator on documents nobody here wrote: every OpenAPI 3.0 and 3.1 JSON document of
 * @readme/oas-examples either generates and type-checks under strict TypeScript, or is refused
 * with its file, line and the clause of the specification it breaks. Generation runs in this
 * process; all outputs are type-checked by one TypeScript program.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../scripts/generator/errors.js';
import { strictTypeErrors } from './helpers/strict-type-errors.js';
import { generate } from '../../scripts/generator/pipeline.js';

const corpus = 'node_modules/@readme/oas-examples';
/** The TypeScript files of an output, each of which must compile. */
const generatedTypeScript = ['schema.gen.ts', 'client.gen.ts', 'client-types.gen.ts', 'operation-docs.gen.ts'];

/** Documents refused on purpose, with the clause they break. Empty: every document generates. */
const expectedRefusals: Record<string, string> = {};

const documents = (
  await Promise.all(
    ['3.0', '3.1'].map(async (version) =>
      (await readdir(path.join(corpus, version, 'json')))
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => `${corpus}/${version}/json/${name}`),
    ),
  )
).flat();

const scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-corpus-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

const generated: string[] = [];
const refused = new Map<string, SpecError>();

describe('the @readme/oas-examples corpus (OpenAPI 3.0 and 3.1, JSON)', () => {
  it('holds the 53 documents this test was written against', () => {
    // A new corpus version adds or removes documents; the counts below would silently change.
    expect(documents).toHaveLength(53);
  });

  it('generates each document or refuses it with file, line and clause', { timeout: 300_000 }, async () => {
    for (const spec of documents) {
      const name = spec.slice(corpus.length + 1).replace(/\.json$/, '').replace(/\//g, '_');
      try {
        const { files } = await generate({ spec, out: `generated-${name}` });
        await mkdir(path.join(scratch, name));
        for (const file of generatedTypeScript) await writeFile(path.join(scratch, name, file), files.get(file)!);
        generated.push(path.join(scratch, name));
      } catch (error) {
        if (!(error instanceof SpecError)) throw new Error(`${spec}: ${(error as Error).stack}`);
        refused.set(spec, error);
        for (const problem of error.problems) {
          expect(problem.location?.file, error.message).toBe(spec);
          expect(problem.location?.line, error.message).toBeGreaterThan(0);
          expect(problem.clause, error.message).toMatch(/^OpenAPI 3\.[01]\.\d, .+ \(https:\/\/spec\.openapis\.org\/oas\/v3\.[01]\.\d#[a-z-]+\)$/);
        }
      }
    }
    expect(Object.fromEntries([...refused].map(([spec, error]) => [spec, error.problems[0]?.clause]))).toEqual(expectedRefusals);
    // openapi-typescript alone generates 52 of the 53 (it refuses a discriminator mapping by schema name).
    expect(generated.length).toBeGreaterThanOrEqual(52);
  });

  it('type-checks every generated output under strict TypeScript', { timeout: 300_000 }, () => {
    expect(generated.length).toBeGreaterThan(0);
    const failures = strictTypeErrors(generated.flatMap((dir) => generatedTypeScript.map((file) => path.join(dir, file))), scratch);
    expect(failures).toEqual([]);
  });
});

describe('our own spec', () => {
  it('generates without a single warning', async () => {
    const { warnings } = await generate({ spec: 'spec/openapi.yaml', out: 'generated' });
    expect(warnings).toEqual([]);
  });
});
