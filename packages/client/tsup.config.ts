import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  sourcemap: false,
  // The generated code is bundled in; openapi-fetch stays a dependency.
  external: ['openapi-fetch'],
  treeshake: true,
});
