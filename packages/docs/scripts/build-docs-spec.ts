/**
 * Writes build/openapi.docs.json, the docs copy of generated/openapi.json (see docs-spec.ts), each
 * operation's TypeScript sample as build/samples/<operationId>.ts, and each TypeScript sample of the
 * landing sections as build/landing-samples/<name>.ts, which the tests type-check against the
 * client as built. spec/ and generated/ are only read.
 *
 * Usage (from packages/docs): tsx scripts/build-docs-spec.ts
 */

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationDescriptors, securitySchemes } from '../../../generated/client.gen.js';
import { buildDocsSpec } from './docs-spec.js';
import type { JsonObject } from './spec-values.js';

/** Readers (the tests) may look while a build runs: each file appears whole or not at all. */
function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Each sample as <dir>/<name>.ts; files of samples that are gone are removed, or they would still be type-checked. */
function writeSamples(dir: string, samples: ReadonlyMap<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, source] of samples) writeAtomically(join(dir, `${name}.ts`), source);
  for (const file of readdirSync(dir)) {
    if (!samples.has(file.replace(/\.ts$/, ''))) rmSync(join(dir, file), { force: true });
  }
}

function main(): void {
  const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const specFile = join(packageDir, '../../generated/openapi.json');
  const outDir = join(packageDir, 'build');
  const samplesDir = join(outDir, 'samples');
  const landingSamplesDir = join(outDir, 'landing-samples');

  const clientDir = join(packageDir, '../client');
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as JsonObject;
  // The page documents the client as it is versioned: its version and its changelog.
  const release = {
    version: (JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8')) as { version: string }).version,
    changelog: readFileSync(join(clientDir, 'CHANGELOG.md'), 'utf8'),
  };
  const { document, samples, landingSamples } = buildDocsSpec(spec, Object.values(operationDescriptors), securitySchemes, release);

  writeSamples(samplesDir, samples);
  writeSamples(landingSamplesDir, landingSamples);
  writeAtomically(join(outDir, 'openapi.docs.json'), `${JSON.stringify(document, null, 2)}\n`);
  console.log(
    `build-docs-spec: ${samples.size} operation(s) with code samples, ${landingSamples.size} landing sample(s), ` +
      `client ${release.version} -> build/openapi.docs.json`,
  );
}

main();
