/**
 * The signer chunk (src/auth/signer.ts and what it imports): loaded by the runtime only through a
 * dynamic import, it must bundle for the browser as it is, with no static `node:` import anywhere
 * in it.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const chunkEntry = fileURLToPath(new URL('../../src/auth/signer.ts', import.meta.url));

/** The chunk bundled for the browser with nothing external (a `node:` import, static or `require`, fails to resolve), and the source files in it. */
async function browserBundle(): Promise<{ code: string; sources: string[] }> {
  const result = await build({ entryPoints: [chunkEntry], bundle: true, format: 'esm', platform: 'browser', write: false, metafile: true, logLevel: 'silent' });
  return { code: result.outputFiles[0]!.text, sources: Object.keys(result.metafile.inputs).map((input) => fileURLToPath(new URL(input, `file://${process.cwd()}/`))) };
}

describe('no static node: import', () => {
  it('imports only its own modules, with no import(), no require; node:crypto is reached through process.getBuiltinModule', async () => {
    const { sources } = await browserBundle();
    expect(sources.some((source) => source.endsWith('/auth/signing/crypto.ts'))).toBe(true);
    for (const source of sources) {
      const code = (await readFile(source, 'utf8')).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      const specifiers = [...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s*['"]([^'"]+)['"]/gm)].map((match) => match[1]);
      for (const specifier of specifiers) expect(specifier, source).toMatch(/^\.\.?\//);
      expect(code, source).not.toMatch(/^\s*import\s*['"]/m);
      expect(code, source).not.toMatch(/\bimport\s*\(/);
      expect(code, source).not.toMatch(/\brequire\s*\(/);
      if (source.endsWith('/auth/signing/crypto.ts')) expect(code).toMatch(/\.process\?\.getBuiltinModule\?\.\('node:crypto'\)/);
    }
  });

  it('bundles for the browser with nothing external', async () => {
    const { code } = await browserBundle();
    expect(code).not.toMatch(/from\s*["']node:|require\(/);
    expect(code).toContain('getBuiltinModule');
  });
});
