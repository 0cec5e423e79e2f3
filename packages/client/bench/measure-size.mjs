/**
 * Bundle size as a consumer sees it: esbuild bundles a tiny entry that imports the built client,
 * minified, ESM, platform-neutral, split into chunks, with every dependency bundled in (openapi-fetch
 * included), so whatever tree-shaking fails to drop shows up in the number. Shared by
 * `npm run bench` and test/size-budget.test.ts so both measure the same thing; the budgets are in
 * goals.mjs.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { dirname, relative, resolve } from 'node:path';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { PAGE_LOOP_BUDGET_GZIP_BYTES, PROVIDERS_BUDGET_GZIP_BYTES, SIGNER_BUDGET_GZIP_BYTES } from './goals.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');

/** The built ESM entry of @fgs-openapi/client. */
export const clientDist = resolve(packageDir, 'dist/index.js');

/**
 * A string only the signer's code contains (the Authorization header it writes): it tells which
 * chunk holds the signer, and its absence from the main chunk shows the signer stayed out.
 */
export const SIGNER_MARKER = 'SignedHeaders=';
/** A string only the page loop's code contains (runtime/pages.ts): it tells which chunk holds the loop. */
export const PAGE_LOOP_MARKER = 'cannot be iterated';
/** A string only the credential providers' code contains (the default chain's checklist). */
export const PROVIDERS_MARKER = 'no credentials found';

/**
 * The lazy chunks held to a budget: what each holds, the string only its code contains (so a chunk
 * is found by content, whatever esbuild names it, and its absence from the main chunk shows it
 * stayed out), and its budget from goals.mjs. The size test and the bench both go through this list.
 */
export const BUDGETED_CHUNKS = [
  { name: 'the signer', marker: SIGNER_MARKER, budgetGzipBytes: SIGNER_BUDGET_GZIP_BYTES },
  { name: 'the page loop', marker: PAGE_LOOP_MARKER, budgetGzipBytes: PAGE_LOOP_BUDGET_GZIP_BYTES },
  { name: 'the credential providers', marker: PROVIDERS_MARKER, budgetGzipBytes: PROVIDERS_BUDGET_GZIP_BYTES },
];

/** The lazy chunk of a bundle whose code contains `marker`, or `undefined`. */
export const chunkWith = (bundle, marker) => bundle.lazyChunks.find((chunk) => chunk.code.includes(marker));
/**
 * A string only openapi-fetch's code contains: its presence in a bundle means openapi-fetch was
 * bundled. (Minifiers rename identifiers but keep string literals.)
 */
export const OPENAPI_FETCH_MARKER = 'must return new Request() or Response()';

/**
 * Entries: what a typical consumer writes, importing the client `from` a path or a package name.
 */
export const entries = {
  /** The generated client, one asyncInvokeFunction call with a token: what most users ship. */
  client: (from = clientDist) =>
    `import { createFunctionGraphClient } from ${JSON.stringify(from)};
const c = createFunctionGraphClient({ region: 'cn-south-1', projectId: 'p', token: 't' });
c.asyncInvokeFunction({ functionUrn: 'x', body: {} });`,
  /** The same, then waiting for the run: what the waiter adds. */
  clientAndWaiter: (from = clientDist) =>
    `import { createFunctionGraphClient, waitForAsyncInvocation } from ${JSON.stringify(from)};
const c = createFunctionGraphClient({ region: 'cn-south-1', projectId: 'p', token: 't' });
c.asyncInvokeFunction({ functionUrn: 'x', body: {} }).then((requestId) => waitForAsyncInvocation(c, { functionUrn: 'x', requestId }));`,
  /** createRawClient, which wraps openapi-fetch and must carry it. */
  rawClient: (from = clientDist) =>
    `import { createRawClient } from ${JSON.stringify(from)};
createRawClient({ region: 'cn-south-1', token: 't' }).POST('/v2/{project_id}/fgs/functions/{function_urn}/invocations-async', {});`,
  /** openapi-fetch alone, for comparison. */
  openapiFetch: () => `import createClient from 'openapi-fetch';
createClient({ baseUrl: 'x' }).POST('/a', {});`,
};

/** Minified bytes and gzip -9 bytes of some output files joined, and their code. */
function measureCode(buffers) {
  const bytes = Buffer.concat(buffers);
  const code = bytes.toString('utf8');
  return { code, minifiedBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength, hasOpenapiFetch: code.includes(OPENAPI_FETCH_MARKER) };
}

/**
 * The outputs a chunk loads with it: itself and what it imports statically, transitively.
 * @param {string} start
 * @param {Map<string, import('esbuild').Metafile['outputs'][string]>} outputs
 */
function staticClosure(start, outputs) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs.get(path)?.imports ?? []) {
      if (!imported.external && imported.kind === 'import-statement') visit(imported.path);
    }
  };
  visit(start);
  return seen;
}

/**
 * Bundles `contents` (resolved from `resolveDir`) as a consumer's bundler does, with code splitting,
 * so a module the client loads by dynamic import lands in a chunk of its own, fetched only when used.
 * Returns the main chunk (the entry and every chunk it imports statically: what loads at start) and
 * each lazy chunk found in esbuild's metafile (a target of a dynamic import anywhere in the bundle,
 * with whatever it imports statically that the main chunk does not already load), named by the
 * module it was made from. `addsGzipBytes` is what a lazy chunk adds gzipped together with the main
 * chunk; `gzipBytes` is the chunk gzipped alone, as a browser fetches it.
 * @param {string} contents
 * @param {{ resolveDir?: string }} [options]
 * @returns {Promise<import('./measure-size.d.mts').BundleMeasurement>}
 */
export async function measureBundle(contents, { resolveDir = here } = {}) {
  const result = await build({
    stdin: { contents, resolveDir, sourcefile: 'entry.mjs', loader: 'js' },
    absWorkingDir: packageDir,
    bundle: true,
    minify: true,
    splitting: true,
    outdir: resolve(here, '.size-out'),
    metafile: true,
    format: 'esm',
    platform: 'neutral',
    // Neutral has no main fields by default; packages are found through `exports` and `module`/`main`.
    mainFields: ['module', 'main'],
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const files = new Map(result.outputFiles.map((file) => [relative(packageDir, file.path), file.contents]));
  const outputs = new Map(Object.entries(result.metafile.outputs));
  const entryModule = relative(packageDir, resolve(resolveDir, 'entry.mjs'));
  const entry = [...outputs].find(([, output]) => output.entryPoint === entryModule)?.[0];
  if (entry === undefined) throw new Error('esbuild produced no output for the entry');
  const mainPaths = staticClosure(entry, outputs);
  const main = measureCode([...mainPaths].map((path) => files.get(path)));
  const lazyTargets = new Set(
    [...outputs.values()].flatMap((output) => output.imports.filter((imported) => !imported.external && imported.kind === 'dynamic-import').map((imported) => imported.path)),
  );
  // A target the main chunk also imports statically is loaded at start: not lazy.
  const lazyChunks = [...lazyTargets].filter((path) => !mainPaths.has(path)).map((path) => {
    const own = [...staticClosure(path, outputs)].filter((chunk) => !mainPaths.has(chunk));
    const chunk = measureCode(own.map((p) => files.get(p)));
    const together = measureCode([...mainPaths, ...own].map((p) => files.get(p)));
    return { module: outputs.get(path).entryPoint ?? path, ...chunk, addsGzipBytes: together.gzipBytes - main.gzipBytes };
  });
  return { main, lazyChunks };
}

/** The measurements the bench and the size test report. */
export async function measureSizes(dist = clientDist) {
  const [client, clientAndWaiter, rawClient, openapiFetch] = await Promise.all([
    measureBundle(entries.client(dist)),
    measureBundle(entries.clientAndWaiter(dist)),
    measureBundle(entries.rawClient(dist)),
    measureBundle(entries.openapiFetch()),
  ]);
  return { client, clientAndWaiter, rawClient, openapiFetch };
}

