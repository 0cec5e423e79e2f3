/**
 * The paginator every list operation shares, as a client carries it: a small front that loads the
 * page loop (pages.ts) by dynamic `import()` the first time a list is iterated, so a client that
 * never pages never loads it and a bundle that never pages can leave it in a chunk of its own.
 */
import type { OperationDescriptor, Paginate } from '../generated.js';
import type { CallOptions } from '../options.js';

/** Options for iterating a list: a cap on the items, and the call options every page is sent with. */
export interface PageOptions extends CallOptions {
  /**
   * The most items to deliver, in all: iteration ends there, and no page is asked for beyond it.
   * When the call gives no page size, each page asks for no more than are still wanted. A whole
   * number, at least 1; default: no cap.
   */
  maxItems?: number;
  /** Stops the iteration at once, between pages or during one: `FunctionGraphAbortError`. */
  signal?: AbortSignal;
}

/** Sends one page's call as an ordinary call (checks, retries, timeout) and resolves to its body. */
export type PageSender = (descriptor: OperationDescriptor, input: object, options: CallOptions | undefined) => Promise<unknown>;

export function createPaginate(send: PageSender): Paginate<PageOptions> {
  let loop: Promise<typeof import('./pages.js')> | undefined;
  const load = () => (loop ??= import('./pages.js'));
  return (descriptor, input, options) => ({
    async *[Symbol.asyncIterator]() {
      yield* (await load()).items(send, descriptor, input, options);
    },
    async *pages() {
      yield* (await load()).pages(send, descriptor, input, options);
    },
  });
}
