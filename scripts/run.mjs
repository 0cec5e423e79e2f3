/**
 * `node scripts/run.mjs <generate|check> [args]`: runs one of our TypeScript commands
 * (scripts/generate.ts, scripts/check-generated.ts) as plain
 * JavaScript. esbuild bundles our own code (dependencies stay imports, dynamic imports stay lazy
 * chunks) into node_modules/.cache/fgs-openapi/<hash>/ and the result is imported in this process.
 *
 * Why not tsx: its loader hooks run every module resolution and load of the whole dependency tree
 * (two TypeScript compilers, Redocly) through a hooks thread and turn on source maps; on a large
 * description that cost about 2.5 s of CPU, a fifth of the run. Bundling our ~2,000 lines takes
 * well under a second, and an unchanged bundle is reused.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Each command's entry point, under scripts/. */
const commands = { generate: 'generate.ts', check: 'check-generated.ts' };
const [command, ...args] = process.argv.slice(2);
if (!Object.hasOwn(commands, command ?? '')) {
  process.stderr.write(`usage: node scripts/run.mjs <${Object.keys(commands).join('|')}> [args]\n`);
  process.exit(2);
}
const entry = path.join(root, 'scripts', commands[command]);

const result = await build({
  entryPoints: { [command]: entry },
  absWorkingDir: root,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outdir: 'out',
  write: false,
  logLevel: 'warning',
});
const hash = createHash('sha256');
for (const file of result.outputFiles) hash.update(file.path).update(file.contents);
const cache = path.join(root, 'node_modules/.cache/fgs-openapi');
const dir = path.join(cache, hash.digest('hex').slice(0, 16));
if (existsSync(dir)) {
  // Marks the bundle as in use, so a run of newer code does not remove it (see below).
  await utimes(dir, new Date(), new Date());
} else {
  // Written beside and renamed into place, so a concurrent run never imports a half-written bundle.
  await mkdir(cache, { recursive: true });
  const staging = await mkdtemp(path.join(cache, '.staging-'));
  for (const file of result.outputFiles) await writeFile(path.join(staging, path.relative(path.join(root, 'out'), file.path)), file.contents);
  await rename(staging, dir).catch(async (error) => {
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(dir)) throw error;
  });
  // Bundles of older code: removed once a day old, never while a run that started from one may still load its chunks.
  for (const name of await readdir(cache)) {
    const old = path.join(cache, name);
    if (old !== dir && Date.now() - (await stat(old)).mtimeMs > 86_400_000) await rm(old, { recursive: true, force: true });
  }
}
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(path.join(dir, `${command}.js`)).href);
