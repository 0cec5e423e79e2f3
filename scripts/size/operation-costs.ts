/**
 * What each operation, and each hand-written convenience, adds to a consumer's bundle: the
 * client is bundled from source (esbuild, minified, gzip -9, as the size budget measures) once
 * whole and once with the part left out (an operation removed from the model before emitting
 * client.gen.ts; a lib module replaced by a stub). The difference is the part's cost.
 * Run: npx tsx scripts/size/operation-costs.ts   (npm run bench prints it too)
 */
import { build, type Plugin } from 'esbuild';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { emitClient } from '../generator/emit/client/emit-client.js';
import { readRuntimeContract } from '../generator/emit/client/runtime-contract-text.js';
import type { ApiModel } from '../generator/model/api-model.js';
import { buildModel } from '../generator/model/build-model.js';
import { loadSpec } from '../generator/pipeline.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const clientSrc = path.join(root, 'packages/client/src');

/** The budget's entry: a client and one asyncInvokeFunction call. */
export const budgetEntry = `import { createFunctionGraphClient } from './index.ts';
const c = createFunctionGraphClient({ region: 'cn-south-1', projectId: 'p', token: 't' });
c.asyncInvokeFunction({ functionUrn: 'x', body: {} });`;

async function gzipBytes(entry: string, replace: Record<string, string>): Promise<number> {
  const plugin: Plugin = {
    name: 'replace',
    setup(b) {
      // The signer is a chunk of its own, loaded by dynamic import only when signing: not part of what a client costs.
      b.onResolve({ filter: /\/auth\/signer\.js$/ }, (args) => ({ path: args.path, external: true }));
      // So is the page loop, loaded only when a list is iterated (its size: test/size-budget.test.ts).
      b.onResolve({ filter: /^\.\/pages\.js$/ }, (args) => ({ path: args.path, external: true }));
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        const hit = Object.keys(replace).find((suffix) => args.path.endsWith(suffix));
        return hit === undefined ? undefined : { contents: replace[hit], loader: 'ts' };
      });
    },
  };
  const result = await build({
    stdin: { contents: entry, resolveDir: clientSrc, loader: 'ts' },
    bundle: true, minify: true, format: 'esm', platform: 'neutral', mainFields: ['module', 'main'], target: 'es2022',
    write: false, logLevel: 'silent', legalComments: 'none', plugins: [plugin],
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).byteLength;
}

export interface PartCost { part: string; gzipBytes: number }

export async function measurePartCosts(specPath = path.join(root, 'spec/openapi.yaml')): Promise<{ total: number; parts: PartCost[] }> {
  const { document } = await loadSpec(specPath);
  const model = buildModel(document);
  const runtimeContract = await readRuntimeContract();
  const emit = (m: ApiModel) => emitClient(m, { schemaModule: './schema.gen.js', header: '', runtimeContract });
  const generated = 'generated/client.gen.ts';
  const whole = emit(model);
  const total = await gzipBytes(budgetEntry, { [generated]: whole });
  const parts: PartCost[] = [];
  for (const operation of model.operations) {
    const without = emit({ ...model, operations: model.operations.filter((o) => o !== operation) });
    parts.push({ part: `operation ${operation.methodName}`, gzipBytes: total - (await gzipBytes(budgetEntry, { [generated]: without })) });
  }
  // Paging as generated: each list operation's `paging` descriptor and the loop that binds the paginators.
  const unpaged = emit({ ...model, operations: model.operations.map((operation) => ({ ...operation, paging: undefined })) });
  parts.push({ part: 'x-paging descriptors + bindPaginators', gzipBytes: total - (await gzipBytes(budgetEntry, { [generated]: unpaged })) });
  const stubs: [string, string, string][] = [
    ['invokeFunction result (lib/sync-invocation.ts)', 'lib/sync-invocation.ts', 'export const readSyncInvocation = (..._: unknown[]) => undefined as never;'],
    ['asyncInvokeFunction request id (lib/async-invocation.ts)', 'lib/async-invocation.ts', 'export const readAsyncRequestId = (..._: unknown[]) => undefined as never;'],
    ['client.paginate front (runtime/paginate.ts)', 'runtime/paginate.ts', 'export const createPaginate = (..._: unknown[]) => undefined as never;'],
  ];
  for (const [part, file, stub] of stubs) parts.push({ part, gzipBytes: total - (await gzipBytes(budgetEntry, { [generated]: whole, [file]: stub })) });
  // The waiter is a function beside the client: it costs only a bundle that calls it.
  const waiting = `${budgetEntry}\nimport { waitForAsyncInvocation } from './index.ts';\nwaitForAsyncInvocation(c, { functionUrn: 'x', requestId: 'r' });`;
  parts.push({ part: 'waitForAsyncInvocation, when called', gzipBytes: (await gzipBytes(waiting, { [generated]: whole })) - total });
  return { total, parts };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { total, parts } = await measurePartCosts();
  console.log(`createFunctionGraphClient + one asyncInvokeFunction call, from source: ${total} B gzip`);
  for (const { part, gzipBytes } of parts) console.log(`  ${part.padEnd(48)} ${String(gzipBytes).padStart(5)} B`);
}
