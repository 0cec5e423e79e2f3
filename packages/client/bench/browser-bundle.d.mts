// Types for browser-bundle.mjs, so TypeScript tests can import it.
export interface NodeModuleReached {
  /** As imported: `node:http`, `fs`, … */
  module: string;
  /** The modules from the entry to the import, relative to the repository root, ending with `module`. */
  chain: string[];
}
export interface BrowserBundle {
  /** Every module bundled, relative to the repository root. */
  modules: string[];
  /** The Node built-ins reached; empty when the bundle is clean. */
  nodeModules: NodeModuleReached[];
}
export declare function bundleForBrowser(entry: { contents: string; resolveDir?: string } | { entryPoint: string }): Promise<BrowserBundle>;
export declare function describeNodeModules(found: readonly NodeModuleReached[]): string;
