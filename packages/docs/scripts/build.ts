/**
 * The docs build, stage by stage:
 *
 *   1. read       what the spec and the client package say        read/docs-inputs.ts
 *   2. plan       each operation's example call                    plan/call-plan.ts
 *   3. samples    TypeScript and curl for each call, and the
 *                 Authentication section's own samples             samples/
 *   4. landing    the sections in front of the reference           landing/
 *   5. docs spec  the spec with all of it added                    docs-spec.ts
 *   6. page       rendered by Redocly, made safe to open offline   offline-page.ts
 *
 * Stages 2 to 5 are pure functions of what stage 1 read; this file does all the reading and
 * writing. It writes build/openapi.docs.json, each operation's TypeScript sample as
 * build/samples/<operationId>.ts and each landing sample as build/landing-samples/<name>.ts (the
 * tests type-check them against the client as built), then dist/index.html. spec/, generated/ and
 * the client are only read.
 *
 * Usage (from packages/docs): tsx scripts/build.ts [--out <dir>]
 *   --out  where build/ and dist/ go (default: this package), so a second build can be compared
 */

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildDocsSpec } from './docs-spec.js';
import { makeOffline } from './offline-page.js';
import { readDocsInputs } from './read/docs-inputs.js';

const TITLE = 'FunctionGraph Function Invocation API reference';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(packageDir, '../..');

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

/** Redocly renders the docs spec with our template and config (telemetry off, the sample languages shown). */
function render(docsSpecFile: string, htmlFile: string): void {
  const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
  const args = ['build-docs', docsSpecFile, '--config', 'redocly.yaml', '--template', 'template.hbs', '--inlineBundle', '--title', TITLE, '--output', htmlFile];
  const { status, error } = spawnSync(process.execPath, [cli, ...args], { cwd: packageDir, stdio: 'inherit' });
  if (error || status !== 0) throw new Error(`redocly build-docs failed (${error?.message ?? `exit ${status}`})`);
}

/** The rendered page, offline-safe, as dist/index.html; a page that would reach the network is never published. */
function publish(htmlFile: string, distDir: string): void {
  const { html, problems } = makeOffline(readFileSync(htmlFile, 'utf8'));
  rmSync(htmlFile);
  if (problems.length > 0) {
    throw new Error(
      `the page would load from the network when opened, so it was not published:\n${problems.map((p) => `  - ${p}`).join('\n')}\n` +
        'If Redocly was upgraded, inspect its inlined bundle and update packages/docs/scripts/offline-page.ts.',
    );
  }
  mkdirSync(distDir, { recursive: true });
  writeAtomically(join(distDir, 'index.html'), html);
  console.log(`docs: ${join(distDir, 'index.html')} (${Buffer.byteLength(html)} bytes, no network references)`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const outDir = resolve(values.out ?? packageDir);
  const buildDir = join(outDir, 'build');

  const inputs = await readDocsInputs(repoRoot);
  const { document, samples, landingSamples } = buildDocsSpec(inputs);
  writeSamples(join(buildDir, 'samples'), samples);
  writeSamples(join(buildDir, 'landing-samples'), landingSamples);
  const docsSpecFile = join(buildDir, 'openapi.docs.json');
  writeAtomically(docsSpecFile, `${JSON.stringify(document, null, 2)}\n`);
  const version = inputs.release?.pending ? `${inputs.release.pending.version} (unreleased)` : inputs.release?.released;
  console.log(`docs: ${samples.size} operation(s) with code samples, ${landingSamples.size} landing sample(s), client ${version}`);

  const htmlFile = join(buildDir, 'index.html');
  render(docsSpecFile, htmlFile);
  publish(htmlFile, join(outDir, 'dist'));
}

main().catch((error: unknown) => {
  console.error(`docs build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
