// Types for measure-size.mjs, so TypeScript tests can import it.
export declare const clientDist: string;
export declare const OPENAPI_FETCH_MARKER: string;
export declare const SIGNER_MARKER: string;
export declare const PAGE_LOOP_MARKER: string;
export declare const PROVIDERS_MARKER: string;
export interface BudgetedChunk {
  name: string;
  marker: string;
  budgetGzipBytes: number;
}
export declare const BUDGETED_CHUNKS: readonly BudgetedChunk[];
export declare const entries: {
  client(from?: string): string;
  clientAndWaiter(from?: string): string;
  rawClient(from?: string): string;
  openapiFetch(): string;
};
export interface CodeMeasurement {
  code: string;
  minifiedBytes: number;
  gzipBytes: number;
  hasOpenapiFetch: boolean;
}
/** A chunk loaded only by dynamic import, with what it imports statically that the main chunk does not. */
export interface LazyChunk extends CodeMeasurement {
  /** The module the chunk was made from, relative to packages/client (`dist/…`). */
  module: string;
  /** What the chunk adds, gzipped together with the main chunk, over the main chunk alone. */
  addsGzipBytes: number;
}
export interface BundleMeasurement {
  /** The entry and every chunk it imports statically: what loads at start. */
  main: CodeMeasurement;
  lazyChunks: LazyChunk[];
}
export interface Sizes {
  client: BundleMeasurement;
  clientAndWaiter: BundleMeasurement;
  rawClient: BundleMeasurement;
  openapiFetch: BundleMeasurement;
}
export declare function measureBundle(contents: string, options?: { resolveDir?: string }): Promise<BundleMeasurement>;
export declare function measureSizes(dist?: string): Promise<Sizes>;
export declare function chunkWith(bundle: BundleMeasurement, marker: string): LazyChunk | undefined;
