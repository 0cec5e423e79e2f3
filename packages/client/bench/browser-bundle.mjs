/**
 * Whether a browser build of the client reaches any Node built-in module. The client may use Node's
 * modules only through `process.getBuiltinModule`, which a bundler cannot see; a static or dynamic
 * `import` of one (`node:http`, or the bare `http`) would break a browser bundle, or drag a polyfill
 * in. esbuild bundles the entry for `--platform=browser`, with chunks split as a consumer's bundler
 * splits them, every lazy chunk included; each Node built-in it meets is kept out of the bundle and
 * reported with the chain of imports that reached it. Shared by `npm run bench` and
 * test/browser-bundle.test.ts.
 */
import { build } from 'esbuild';
import { isBuiltin } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Marks every Node built-in external, so the build finishes and the metafile shows who imports it. */
const nodeBuiltinsExternal = {
  name: 'node-builtins-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (isBuiltin(args.path) ? { path: args.path, external: true } : undefined));
  },
};

/**
 * The import chain from the entry to every module that imports something, as the metafile records it.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} entry
 */
function chainsFrom(metafile, entry) {
  const reachedBy = new Map([[entry, undefined]]);
  const queue = [entry];
  while (queue.length > 0) {
    const path = queue.shift();
    for (const imported of metafile.inputs[path]?.imports ?? []) {
      if (imported.external || reachedBy.has(imported.path)) continue;
      reachedBy.set(imported.path, { from: path, kind: imported.kind });
      queue.push(imported.path);
    }
  }
  return (path) => {
    const links = [];
    for (let at = path; at !== undefined; at = reachedBy.get(at)?.from) {
      const step = reachedBy.get(at);
      links.unshift(step?.kind === 'dynamic-import' ? `${at} (dynamic import)` : at);
    }
    return links;
  };
}

/**
 * Bundles for the browser; returns the modules bundled and the Node built-ins reached, each with its
 * import chain from the entry (paths relative to the repository root). `nodeModules` is empty when
 * the bundle is clean.
 * @param {{ contents: string, resolveDir?: string } | { entryPoint: string }} entry a consumer's file,
 *   or a module path
 * @returns {Promise<{ modules: string[], nodeModules: { module: string, chain: string[] }[] }>}
 */
export async function bundleForBrowser(entry) {
  const resolveDir = 'contents' in entry ? (entry.resolveDir ?? root) : root;
  const input = 'contents' in entry ? { stdin: { contents: entry.contents, resolveDir, sourcefile: 'consumer.mjs', loader: 'js' } } : { entryPoints: [entry.entryPoint] };
  // The metafile names inputs relative to absWorkingDir.
  const entryInput = relative(root, resolve(resolveDir, 'contents' in entry ? 'consumer.mjs' : entry.entryPoint));
  const result = await build({
    ...input,
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    outdir: resolve(root, '.browser-bundle-out'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [nodeBuiltinsExternal],
  });
  if (result.metafile.inputs[entryInput] === undefined) throw new Error(`esbuild's metafile has no input ${entryInput}`);
  const chainTo = chainsFrom(result.metafile, entryInput);
  const found = [];
  for (const [path, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external && isBuiltin(imported.path)) found.push({ module: imported.path, chain: [...chainTo(path), imported.kind === 'dynamic-import' ? `${imported.path} (dynamic import)` : imported.path] });
    }
  }
  return { modules: Object.keys(result.metafile.inputs), nodeModules: found };
}

/** One line per module reached: `node:http, reached by a → b → node:http`. */
export const describeNodeModules = (found) => found.map(({ module, chain }) => `${module}, reached by ${chain.join(' → ')}`).join('\n');
