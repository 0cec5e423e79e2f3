/**
 * `fgs --help` and `fgs --version` load no more than they print: the entry and the command catalog,
 * never the client or a command's module, nor picocolors when the output is not a terminal. Measured as the modules a real process loads (a loader
 * hook writes each one's URL), so a static import added by mistake fails here. How long start-up
 * takes against bare node is for the benchmark (npm run bench), not a test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/fgs.js', import.meta.url));
const recorder = fileURLToPath(new URL('./fixtures/record-modules.mjs', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'fgs-start-up-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The modules `fgs <args>` loaded: file URLs shortened to their path under packages/ or node_modules/. */
function modulesLoaded(args: string[]): string[] {
  const log = join(scratch, `${args.join('_').replace(/\W/g, '')}.log`);
  execFileSync(process.execPath, ['--import', recorder, bin, ...args], { env: { ...process.env, FGS_MODULE_LOG: log, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => url.replace(/^.*\/(packages|node_modules)\//, '$1/'));
}

describe('start-up', () => {
  it.each([['--help'], ['--version'], ['invoke', '--help'], ['records', '--help']])('fgs %s loads neither the client nor a command', (...args) => {
    const loaded = modulesLoaded(args);
    expect(loaded.slice(0, 2)).toEqual(['packages/cli/bin/fgs.js', 'packages/cli/dist/fgs.js']);
    expect(loaded.filter((path) => path.includes('@fgs-openapi/client') || path.includes('packages/client/'))).toEqual([]);
    expect(loaded.filter((path) => /\/(invoke|records|cancel|functions|config|async-config|call)-[\w-]+\.js$/.test(path))).toEqual([]);
    // Not even picocolors: output that is not a terminal has no colour to load it for.
    expect(loaded.filter((path) => path.startsWith('node_modules/'))).toEqual([]);
  });

  it('fgs call --help loads the client: it lists the operations the client describes', () => {
    expect(modulesLoaded(['call', '--help']).some((path) => path.includes('client/dist/index.js'))).toBe(true);
  });
});
