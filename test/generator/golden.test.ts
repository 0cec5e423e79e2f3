/**
 * Golden files: the whole output for small fixture specs and for real specs nobody here wrote.
 * A change in the generator shows up as a reviewable diff of these files.
 * Update them with `npm run test:update-golden` after checking the diff is intended.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strictTypeErrors } from './helpers/strict-type-errors.js';
import { generate } from '../../scripts/generator/pipeline.js';

/**
 * Set by `npm run test:update-golden` alone. Any other run needs every golden file to exist
 * already: a missing one fails here, whatever vitest's snapshot update mode is.
 */
const updatingGoldens = process.env.FGS_UPDATE_GOLDEN === '1';

const cases = [
  ['minimal-3.0', 'test/generator/fixtures/minimal-3.0/openapi.yaml'],
  ['deprecated-3.1', 'test/generator/fixtures/deprecated-3.1/openapi.yaml'],
  // Every parameter, body and response-header feature: client names and defaults, value rules, encoded headers, body limits.
  ['features-3.1', 'test/generator/fixtures/features-3.1/openapi.yaml'],
  // Regression: a spec without operations emitted `import type './schema.gen.js'`, which does not parse.
  ['no-operations-3.1', 'test/generator/fixtures/no-operations/openapi.yaml'],
  // Third-party specs from @readme/oas-examples: ReadMe's copy of Swagger's Petstore (3.0) and
  // Bump.sh's Train Travel API (3.1).
  ['petstore-3.0', 'node_modules/@readme/oas-examples/3.0/json/petstore.json'],
  ['train-travel-3.1', 'node_modules/@readme/oas-examples/3.1/json/train-travel.json'],
] as const;

const scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-golden-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

describe.each(cases)('golden output: %s', (name, spec) => {
  it('matches the committed files', async () => {
    const { files } = await generate({ spec, out: `generated-${name}` });
    expect([...files.keys()]).toEqual(['openapi.json', 'schema.gen.ts', 'client.gen.ts', 'client-types.gen.ts', 'operation-docs.gen.ts', 'manifest.json']);
    await mkdir(path.join(scratch, name));
    for (const [file, text] of files) {
      await writeFile(path.join(scratch, name, file), text);
      const golden = `__golden__/${name}/${file}`;
      if (!updatingGoldens) {
        const where = path.relative(process.cwd(), path.join(import.meta.dirname, golden));
        expect(existsSync(path.join(import.meta.dirname, golden)), `${where} is missing; only npm run test:update-golden writes golden files`).toBe(true);
      }
      await expect(text).toMatchFileSnapshot(golden);
    }
  });
});

describe('golden output', () => {
  // One TypeScript program, in this process, over every fixture's output. No ambient types: the
  // generated files must compile on their own.
  it('type-checks under strict TypeScript with NodeNext resolution', { timeout: 120_000 }, () => {
    const files = cases.flatMap(([name]) => ['schema.gen.ts', 'client.gen.ts', 'client-types.gen.ts', 'operation-docs.gen.ts'].map((file) => path.join(scratch, name, file)));
    expect(files.every((file) => existsSync(file)), 'every case generated its files').toBe(true);
    const failures = strictTypeErrors(files, scratch);
    expect(failures).toEqual([]);
  });
});
