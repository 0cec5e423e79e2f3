/**
 * Bundle size as a consumer sees it: esbuild bundles a tiny entry that imports the built client,
 * minified, ESM, platform-neutral, with every dependency bundled in (openapi-fetch included), so
 * whatever tree-shaking fails to drop shows up in the number. Shared by `npm run bench` and
 * test/size-budget.test.ts so both measure the same thing.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The built ESM entry of @fgs-openapi/client. */
export const clientDist = resolve(here, '../dist/index.js');

/**
 * The client's budget, gzipped (level 9): createFunctionGraphClient plus one asyncInvokeFunction
 * call with a token. Issue 8 asked for 6,500 B (SIZE_TARGET_GZIP_BYTES). It measured 7,756 B after
 * issue 8 (from 7,846 B after removing what was waste: one written-out method wrapper per
 * operation, `required: false` in descriptors, a second attempts phrase and a second
 * response-error builder). The 1,250 B over that target is not waste; it pays for behaviour
 * issue 8 requires:
 * - the generic runtime (`runtime/invoke.ts`, about 5.5 kB minified): every input check before
 *   sending (types, enums, ranges, lengths, patterns, UTF-8 body bytes), per-attempt timeouts,
 *   retries by the spec's safety marks, abort, and messages that name the argument, the rule, the
 *   attempts and whether the request was sent;
 * - the checks and decoders beside it (value rules, response headers kept raw when malformed,
 *   error answers quoted with status, content type, body and request id, typed error classes);
 * - the URN rules in `client.ts` (project and region from the URN, refusing another's);
 * - the descriptors of the six operations (about 550 B gzip together; their URN pattern and its
 *   description, enums, header decoding) and invokeFunction's sync result (about 350 B), which is a
 *   method on the client object and so ships whether or not it is called.
 * Sharing $ref'd parameter descriptors was measured and rejected: 3 kB less minified but 35 B more
 * gzipped (gzip already folds the copies). Shortening messages would fit, and is not allowed.
 *
 * Issue 10 (AK/SK signing) added about 640 B that a token-only bundle carries too, because one
 * client object serves both ways to authenticate: the `credentials` option and its checks at
 * construction, choosing per operation from the descriptors how to authenticate (with the error
 * naming both options), each descriptor's signing scheme, the per-attempt signing step and the
 * lazy import of the signer, and scrubbing a security token a rejection echoes. The signer itself
 * is not in it (SIGNER_MARKER).
 *
 * Giving auth one home without workarounds added about 200 B (8,391 B to 8,588 B). The signer
 * chunk now imports `fail` and the header rules (errors.ts, runtime/header-syntax.ts) instead of
 * being handed `fail` and keeping a copy of the rule; esbuild splits per file, so those two
 * modules become a chunk the entry and the signer share, and the entry's import of that chunk
 * (with the chunk's export list) costs about 105 B. The runtime, not the signer, builds the
 * AuthenticationError of a rejected signature from the signer's explanation: about 55 B.
 * The test enforces the measured figure rounded up to 50 B; `npm run bench` prints both.
 */
export const SIZE_BUDGET_GZIP_BYTES = 8_600;
/** What issue 8 asked for; reported by the bench, not enforced. */
export const SIZE_TARGET_GZIP_BYTES = 6_500;
/** Issue 10's target: a bundle that signs costs at most this much more, gzipped, than one that sends a token. Reported by the bench. */
export const SIGNING_TARGET_GZIP_BYTES = 1_500;
/**
 * What signing costs, enforced: the signer chunk a signing bundle loads, gzipped together with the
 * rest, minus the token-only bundle. Measured 2,346 B, over issue 10's 1,500 B target. What the
 * chunk holds (minified, and gzipped on its own):
 * - the signing steps (`auth/signing/`, 3.0 kB / 1.66 kB): canonical URI, query and headers from
 *   exactly what is sent, the unsigned-header list, the payload hash, the string to sign, SHA-256
 *   and HMAC on node:crypto and on Web Crypto (both: Node is 30x faster, browsers have only Web
 *   Crypto), the one-entry key cache;
 * - the wiring (`auth/signer.ts`, 0.9 kB): the date (once per second), project and
 *   security-token headers per attempt;
 * - the explanation of a rejected signature (`auth/rejection.ts`, 1.0 kB / 0.6 kB): what to check,
 *   the gateway's canonical request, about 650 characters of message;
 * - the credential checks (`auth/credentials.ts`, 0.7 kB): each field named, nothing repeated, a
 *   provider shared while pending.
 * Meeting 1,500 B would mean dropping one of the two crypto paths or the messages; neither is allowed.
 * The test enforces the measured figure rounded up to 50 B.
 */
export const SIGNING_BUDGET_GZIP_BYTES = 2_350;
/**
 * A string only the signer's code contains (the Authorization header it writes). Its absence from
 * what a token-only bundle loads shows the signer stayed out.
 */
export const SIGNER_MARKER = 'SignedHeaders=';
/**
 * A string only openapi-fetch's code contains: its presence in a bundle means openapi-fetch was
 * bundled. (Minifiers rename identifiers but keep string literals.)
 */
export const OPENAPI_FETCH_MARKER = 'must return new Request() or Response()';

/** Entries: what a typical consumer writes. */
export const entries = {
  /** The generated client, one asyncInvokeFunction call: what most users ship. */
  client: (dist = clientDist) =>
    `import { createFunctionGraphClient } from ${JSON.stringify(dist)};
const c = createFunctionGraphClient({ region: 'cn-south-1', projectId: 'p', token: 't' });
c.asyncInvokeFunction({ functionUrn: 'x', body: {} });`,
  /** The same, then waiting for the run: what the waiter adds. */
  clientAndWaiter: (dist = clientDist) =>
    `import { createFunctionGraphClient, waitForAsyncInvocation } from ${JSON.stringify(dist)};
const c = createFunctionGraphClient({ region: 'cn-south-1', projectId: 'p', token: 't' });
c.asyncInvokeFunction({ functionUrn: 'x', body: {} }).then((requestId) => waitForAsyncInvocation(c, { functionUrn: 'x', requestId }));`,
  /** The same call signed with an access key pair instead of a token: what signing adds. */
  signedClient: (dist = clientDist) =>
    `import { createFunctionGraphClient } from ${JSON.stringify(dist)};
const c = createFunctionGraphClient({ region: 'cn-south-1', projectId: 'p', credentials: { accessKeyId: 'a', secretAccessKey: 's' } });
c.asyncInvokeFunction({ functionUrn: 'x', body: {} });`,
  /** createRawClient, which wraps openapi-fetch and must carry it. */
  rawClient: (dist = clientDist) =>
    `import { createRawClient } from ${JSON.stringify(dist)};
createRawClient({ region: 'cn-south-1', token: 't' }).POST('/v2/{project_id}/fgs/functions/{function_urn}/invocations-async', {});`,
  /** openapi-fetch alone, for comparison. */
  openapiFetch: () => `import createClient from 'openapi-fetch';
createClient({ baseUrl: 'x' }).POST('/a', {});`,
};

/**
 * Bundles `contents` (resolved from `resolveDir`) as a consumer's bundler does, with code splitting,
 * so a module the client loads by dynamic import (the signer) lands in a chunk of its own that is
 * fetched only when used. Returns what loads at start (the entry and the chunks it imports
 * statically) and, as `withLazy`, that plus every chunk it may load later; each with the minified
 * code, its size and its gzip -9 size in bytes (gzip of the chunks joined).
 * @param {string} contents
 * @param {{ resolveDir?: string }} [options]
 * @returns {Promise<BundleMeasurement>}
 */
export async function measureBundle(contents, { resolveDir = here } = {}) {
  const outdir = resolve(here, '.size-out');
  const result = await build({
    stdin: { contents, resolveDir, sourcefile: 'entry.mjs', loader: 'js' },
    bundle: true,
    minify: true,
    splitting: true,
    outdir,
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
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]));
  const outputs = Object.entries(result.metafile.outputs).map(([path, output]) => [resolve(path), output]);
  const byPath = new Map(outputs);
  const entry = outputs.find(([, output]) => output.entryPoint !== undefined)?.[0];
  if (!entry) throw new Error('esbuild produced no entry output');
  /** The outputs reachable from the entry, following static imports only or dynamic ones too. */
  const closure = (lazy) => {
    const seen = new Set();
    const visit = (path) => {
      if (seen.has(path)) return;
      seen.add(path);
      for (const imported of byPath.get(path)?.imports ?? []) {
        if (imported.external) continue;
        if (imported.kind === 'import-statement' || (lazy && imported.kind === 'dynamic-import')) visit(resolve(imported.path));
      }
    };
    visit(entry);
    return [...seen];
  };
  const measure = (paths) => {
    const bytes = Buffer.concat(paths.map((path) => files.get(path) ?? Buffer.alloc(0)));
    const code = bytes.toString('utf8');
    return { code, minifiedBytes: bytes.byteLength, gzipBytes: gzipSync(bytes, { level: 9 }).byteLength, hasOpenapiFetch: code.includes(OPENAPI_FETCH_MARKER) };
  };
  const lazyChunks = closure(true).length - closure(false).length;
  return { ...measure(closure(false)), withLazy: measure(closure(true)), lazyChunks };
}

/** The measurements the bench and the size test report. */
export async function measureSizes(dist = clientDist) {
  const [client, clientAndWaiter, signedClient, rawClient, openapiFetch] = await Promise.all([
    measureBundle(entries.client(dist)),
    measureBundle(entries.clientAndWaiter(dist)),
    measureBundle(entries.signedClient(dist)),
    measureBundle(entries.rawClient(dist)),
    measureBundle(entries.openapiFetch()),
  ]);
  return { client, clientAndWaiter, signedClient, rawClient, openapiFetch };
}
