/**
 * The public surface as a reviewer reads it (npm run api:diff): a listing that a bundler's order
 * and doc comments do not change, and the unified diff of two of them.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBaseline } from '../../scripts/release/baseline.js';
import { baselineDir } from '../../scripts/release/released-package.js';
import { diffSurfaces, readableSurface } from '../../scripts/release/surface.js';
import { removeDir, scratchDir } from './helpers/fixture-package.js';

let work: string;
beforeAll(() => {
  work = scratchDir('fgs-release-surface-');
});
afterAll(() => removeDir(work));

let counter = 0;
function file(text: string): string {
  const path = join(work, `${counter++}.d.ts`);
  writeFileSync(path, text);
  return path;
}

const bundled = `import { Client } from 'openapi-fetch';
/** Options. */
interface RunOptions {
    /** The URN. */
    urn: string;
}
declare function run(options: RunOptions): Promise<void>;
declare function run(urn: string): Promise<void>;
type Alias = Client<{}>;
export { run, type RunOptions, type Alias };
`;

describe('readableSurface', () => {
  it('lists imports, then declarations by name (overloads in their order), then the exports one a line, without comments', () => {
    expect(readableSurface(file(bundled))).toBe(`import { Client } from 'openapi-fetch';

type Alias = Client<{}>;

interface RunOptions {
    urn: string;
}

declare function run(options: RunOptions): Promise<void>;

declare function run(urn: string): Promise<void>;

export {
    type Alias,
    type RunOptions,
    run,
};
`);
  });

  it('lists the committed baseline, the surface of the last release', () => {
    const surface = readableSurface(readBaseline(baselineDir).declarationsFile);
    expect(surface).toMatch(/^import /);
    expect(surface).toContain('    createFunctionGraphClient,\n');
    expect(surface).not.toContain('/**');
  });
});

describe('diffSurfaces', () => {
  it('sees no change when only the order of declarations and the doc comments changed', () => {
    const reordered = `import { Client } from 'openapi-fetch';
type Alias = Client<{}>;
declare function run(options: RunOptions): Promise<void>;
declare function run(urn: string): Promise<void>;
/** Reworded. */
interface RunOptions { urn: string }
export { type Alias, run, type RunOptions };
`;
    expect(diffSurfaces({ label: 'a', file: file(bundled) }, { label: 'b', file: file(reordered) })).toEqual({ patch: '', added: 0, removed: 0 });
  });

  it('shows a changed declaration and a new export as a unified diff between the two labels', () => {
    const changed = bundled.replace('urn: string;', 'functionUrn: string;').replace('export { run,', 'declare const VERSION: string;\nexport { run, VERSION,');
    const diff = diffSurfaces({ label: '@x/client 0.2.0', file: file(bundled) }, { label: 'build', file: file(changed) });

    expect(diff.patch).toContain('--- @x/client 0.2.0\n+++ build\n');
    expect(diff.patch).toContain('-    urn: string;\n+    functionUrn: string;\n');
    expect(diff.patch).toContain('+declare const VERSION: string;\n');
    expect(diff.patch).toContain('+    VERSION,\n');
    expect(diff).toMatchObject({ added: 4, removed: 1 });
  });
});
