/**
 * A browser build of the client reaches no Node built-in: esbuild bundles it for `--platform=browser`
 * (the built ESM entry with every lazy chunk, and a consumer's file that imports the package by name
 * and makes one call) and any `node:` module, or bare `http`-style built-in, it meets fails the test
 * with the chain of imports that reached it. Node's modules are for `process.getBuiltinModule` only.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser, describeNodeModules } from '../bench/browser-bundle.mjs';
import { clientDist, entries } from '../bench/measure-size.mjs';

const root = join(import.meta.dirname, '../../..');

beforeAll(() => {
  if (!existsSync(clientDist)) throw new Error(`${clientDist} is missing: run \`npm run build\` first (\`npm test\` does)`);
});

describe('esbuild --platform=browser bundles the client with no Node built-in reached', () => {
  it.each([
    ['the built ESM entry, every export and lazy chunk', { entryPoint: relative(root, clientDist) }],
    ["a consumer's file importing @fgs-openapi/client and calling asyncInvokeFunction", { contents: entries.client('@fgs-openapi/client') }],
  ])('%s', async (_, entry) => {
    const bundle = await bundleForBrowser(entry);
    expect(bundle.nodeModules, `Node built-ins reached by a browser bundle:\n${describeNodeModules(bundle.nodeModules)}`).toEqual([]);
    // A real bundle: the client's entry, its dependency and its lazy chunks were all walked.
    expect(bundle.modules).toContain(relative(root, clientDist));
    expect(bundle.modules).toContain('node_modules/openapi-fetch/dist/index.mjs');
    expect(bundle.modules.filter((module) => module.startsWith('packages/client/dist/')).length).toBeGreaterThan(1);
  });
});

describe('bundleForBrowser names each Node built-in reached and its import chain', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fgs-browser-'));
    const files: Record<string, string> = {
      'entry.mjs': `import './clean.mjs'; export const later = () => import('./lazy.mjs');`,
      'clean.mjs': `export const clean = globalThis.process?.getBuiltinModule?.('node:http');`,
      'lazy.mjs': `import { readFileSync } from 'fs'; import './deeper.mjs'; export const read = readFileSync;`,
      'deeper.mjs': `import { request } from 'node:https'; export { request };`,
    };
    await Promise.all(Object.entries(files).map(([name, code]) => writeFile(join(dir, name), code)));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds node: modules and bare built-ins, static or behind a dynamic import; getBuiltinModule is not an import', async () => {
    const { nodeModules } = await bundleForBrowser({ entryPoint: relative(root, join(dir, 'entry.mjs')) });
    const found = nodeModules.map(({ module, chain }) => ({ module, chain: chain.map((link) => basename(link)) }));
    expect(found).toEqual(
      expect.arrayContaining([
        { module: 'node:https', chain: ['entry.mjs', 'lazy.mjs (dynamic import)', 'deeper.mjs', 'node:https'] },
        { module: 'fs', chain: ['entry.mjs', 'lazy.mjs (dynamic import)', 'fs'] },
      ]),
    );
    expect(found).toHaveLength(2);
    expect(describeNodeModules(nodeModules)).toMatch(/^node:https, reached by .*entry\.mjs → .*lazy\.mjs \(dynamic import\) → .*deeper\.mjs → node:https$/m);
  });
});
