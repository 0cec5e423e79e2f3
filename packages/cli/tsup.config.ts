import { defineConfig } from 'tsup';

/**
 * One ES module entry (dist/fgs.js, which bin/fgs.js loads) split into chunks: `fgs --help` and `fgs --version` load
 * the entry and the help texts alone; a command loads the client when it runs. The client and
 * picocolors stay dependencies; the spec's words for `fgs call --help` (generated/) are bundled in.
 */
export default defineConfig({
  entry: { fgs: 'src/fgs.ts' },
  format: ['esm'],
  splitting: true,
  clean: true,
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  dts: false,
  external: ['@fgs-openapi/client', 'picocolors'],
  treeshake: true,
});
