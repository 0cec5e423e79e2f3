/**
 * A small generated package for release:check tests: a spec object goes through the real
 * generator (in-process) and becomes a folder with the bundled spec, the generated client and a
 * hand-written `index.d.ts` that exports a client the way packages/client does.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { generate } from '../../../scripts/generator/pipeline.js';
import { writeBaseline } from '../../../scripts/release/baseline.js';
import type { Fingerprint } from '../../../scripts/release/fingerprint.js';

export type Spec = Record<string, any>;

export const fixturePackageName = '@fixture/jobs';

export function loadFixtureSpec(): Spec {
  return parse(readFileSync(new URL('../fixtures/jobs.yaml', import.meta.url), 'utf8')) as Spec;
}

/** What packages/client's entry does, in small: the generated surface and a client over it. */
export const fixtureEntry = `export * from './client.gen.js';
export type { paths, components } from './schema.gen.js';
import type { Operations } from './client.gen.js';
export interface CallOptions { readonly signal?: AbortSignal }
export type Client = Operations<CallOptions>;
export declare function createClient(options: { readonly baseUrl: string }): Client;
`;

export interface FixturePackage {
  readonly dir: string;
  readonly spec: string;
  readonly declarations: string;
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** Generates the package for `spec` into `dir`, with the real generator. */
export async function buildFixturePackage(spec: Spec, dir: string): Promise<FixturePackage> {
  mkdirSync(dir, { recursive: true });
  const source = join(dir, 'source.openapi.json');
  writeFileSync(source, JSON.stringify(spec, null, 2));
  const { files } = await generate({ spec: source, out: dir });
  writeFileSync(join(dir, 'openapi.json'), files.get('openapi.json')!);
  writeFileSync(join(dir, 'schema.gen.ts'), files.get('schema.gen.ts')!);
  writeFileSync(join(dir, 'client.gen.ts'), files.get('client.gen.ts')!);
  writeFileSync(join(dir, 'index.d.ts'), fixtureEntry);
  return { dir, spec: join(dir, 'openapi.json'), declarations: join(dir, 'index.d.ts') };
}

/** The baseline of a release of `pkg` at `version`, written the way npm run release writes one. */
export function writeFixtureBaseline(pkg: FixturePackage, baselineDir: string, version: string, fingerprint: Fingerprint): void {
  writeBaseline(baselineDir, {
    package: fixturePackageName,
    version,
    source: { commit: '0'.repeat(40), note: 'test fixture' },
    fingerprint,
    spec: readFileSync(pkg.spec, 'utf8'),
    declarations: readFileSync(pkg.declarations, 'utf8'),
  });
  // The fixture's entry re-exports the generated modules, which sit beside it.
  for (const file of ['client.gen.ts', 'schema.gen.ts']) copyFileSync(join(pkg.dir, file), join(baselineDir, file));
}

export function writeChangeset(dir: string, name: string, bump: string, summary: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.md`), `---\n"${fixturePackageName}": ${bump}\n---\n\n${summary}\n`);
}
