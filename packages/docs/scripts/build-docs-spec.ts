/**
 * Writes build/openapi.docs.json, the docs copy of generated/openapi.json (see docs-spec.ts), and
 * each operation's TypeScript sample as build/samples/<operationId>.ts, which the tests type-check
 * against the client as built. spec/ and generated/ are only read.
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

function main(): void {
  const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
  const specFile = join(packageDir, '../../generated/openapi.json');
  const outDir = join(packageDir, 'build');
  const samplesDir = join(outDir, 'samples');

  const clientDir = join(packageDir, '../client');
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as JsonObject;
  // The page documents the client as it is versioned: its version and its changelog.
  const release = {
    version: (JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8')) as { version: string }).version,
    changelog: readFileSync(join(clientDir, 'CHANGELOG.md'), 'utf8'),
  };
  const { document, samples } = buildDocsSpec(spec, Object.values(operationDescriptors), securitySchemes, release);

  mkdirSync(samplesDir, { recursive: true });
  for (const [operationId, source] of samples) writeAtomically(join(samplesDir, `${operationId}.ts`), source);
  // Samples of operations that are gone would otherwise still be type-checked.
  for (const file of readdirSync(samplesDir)) {
    if (!samples.has(file.replace(/\.ts$/, ''))) rmSync(join(samplesDir, file), { force: true });
  }
  writeAtomically(join(outDir, 'openapi.docs.json'), `${JSON.stringify(document, null, 2)}\n`);
  console.log(`build-docs-spec: ${samples.size} operation(s) with code samples, client ${release.version} -> build/openapi.docs.json`);
}

main();
