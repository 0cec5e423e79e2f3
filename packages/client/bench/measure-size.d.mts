// Types for measure-size.mjs, so TypeScript tests can import it.
export declare const clientDist: string;
export declare const SIZE_BUDGET_GZIP_BYTES: number;
export declare const SIZE_TARGET_GZIP_BYTES: number;
export declare const OPENAPI_FETCH_MARKER: string;
export declare const SIGNING_BUDGET_GZIP_BYTES: number;
export declare const SIGNING_TARGET_GZIP_BYTES: number;
export declare const SIGNER_MARKER: string;
export declare const entries: {
  client(dist?: string): string;
  clientAndWaiter(dist?: string): string;
  signedClient(dist?: string): string;
  rawClient(dist?: string): string;
  openapiFetch(): string;
};
export interface CodeMeasurement {
  code: string;
  minifiedBytes: number;
  gzipBytes: number;
  hasOpenapiFetch: boolean;
}
/** What loads at start; `withLazy` adds every chunk loaded later by dynamic import. */
export interface BundleMeasurement extends CodeMeasurement {
  withLazy: CodeMeasurement;
  /** How many chunks load only by dynamic import. */
  lazyChunks: number;
}
export declare function measureBundle(contents: string, options?: { resolveDir?: string }): Promise<BundleMeasurement>;
export declare function measureSizes(dist?: string): Promise<{ client: BundleMeasurement; clientAndWaiter: BundleMeasurement; signedClient: BundleMeasurement; rawClient: BundleMeasurement; openapiFetch: BundleMeasurement }>;
