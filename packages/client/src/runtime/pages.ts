/**
 * The page loop of every list operation, driven by its descriptor's `paging` (`x-paging` in the
 * spec): ask for a page, hand it on, ask for the next with the answer's next marker. Where the last
 * page is is seldom documented, so the loop stops on whichever sign comes first, and never runs
 * forever against a server that answers the same page again:
 *
 * - a page with no items;
 * - a next marker that is absent, empty, or one already asked for (a server repeating itself);
 * - as many items as the answer's `count` says match;
 * - `maxItems` items delivered, or the caller's signal aborted (checked between pages; a page
 *   under way is aborted by the call itself).
 *
 * Each page is an ordinary call: its input checked before anything is sent, its attempts timed
 * out and retried as the client and the spec say.
 */
import { fail } from '../errors.js';
import type { OperationDescriptor } from '../generated.js';
import type { CallOptions } from '../options.js';
import type { PageOptions, PageSender } from './paginate.js';
import { abortedError } from './timers.js';

type Fields = Record<string, unknown>;
const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The options as checked: the cap, and what each page's call is sent with. */
function checkPageOptions(options: PageOptions | undefined): { maxItems: number; call: CallOptions } {
  if (options === undefined) return { maxItems: Infinity, call: {} };
  if (typeof options !== 'object' || options === null) fail('options', 'must be an object');
  const { maxItems, ...call } = options;
  if (maxItems !== undefined && !(Number.isSafeInteger(maxItems) && maxItems >= 1)) fail('maxItems', `must be a whole number, at least 1, got ${String(maxItems)}`);
  return { maxItems: maxItems ?? Infinity, call };
}

/** The answers of a list operation, one page after another, until a stop rule says the list is over. */
export async function* pages(send: PageSender, descriptor: OperationDescriptor, input: object, options: PageOptions | undefined): AsyncGenerator<unknown> {
  const { id, paging } = descriptor;
  if (!paging) fail('operation', `${id} has no x-paging in the spec, so it cannot be iterated`);
  if (!isFields(input)) fail('input', `of ${id} must be an object of its inputs`);
  const { maxItems, call } = checkPageOptions(options);
  const parameter = (name: string | undefined) => descriptor.parameters.find((p) => p.input === name);
  // A marker parameter typed as a number takes the next marker as it came; a string one its text.
  const markerIsText = !parameter(paging.marker)?.rules?.type;
  // Each page asks for no more than are still wanted, when the caller leaves the size to us and the spec bounds it.
  const sizeLimit = paging.pageSize !== undefined && input[paging.pageSize] === undefined ? parameter(paging.pageSize)?.rules?.maximum : undefined;
  const asked = new Set<string>();
  let marker = input[paging.marker];
  if (marker !== undefined) asked.add(String(marker));
  let delivered = 0;

  for (;;) {
    if (call.signal?.aborted) throw abortedError(id, call.signal);
    const pageInput: Fields = { ...input };
    if (marker !== undefined) pageInput[paging.marker] = marker;
    if (sizeLimit !== undefined && maxItems !== Infinity) pageInput[paging.pageSize!] = Math.min(maxItems - delivered, sizeLimit);
    const page = await send(descriptor, pageInput, call);
    yield page;
    const answer = isFields(page) ? page : {};
    const items = answer[paging.items];
    delivered += Array.isArray(items) ? items.length : 0;
    if (!Array.isArray(items) || items.length === 0 || delivered >= maxItems) return;
    const count = paging.count === undefined ? undefined : answer[paging.count];
    if (typeof count === 'number' && delivered >= count) return;
    const next = answer[paging.nextMarker];
    if (next === undefined || next === null || next === '' || asked.has(String(next))) return;
    asked.add(String(next));
    marker = markerIsText ? String(next) : next;
  }
}

/** The items of a list operation, page after page, at most `maxItems` of them. */
export async function* items(send: PageSender, descriptor: OperationDescriptor, input: object, options: PageOptions | undefined): AsyncGenerator<unknown> {
  const maxItems = checkPageOptions(options).maxItems;
  let delivered = 0;
  for await (const page of pages(send, descriptor, input, options)) {
    const list = isFields(page) ? page[descriptor.paging!.items] : undefined;
    for (const item of Array.isArray(list) ? list : []) {
      if (delivered >= maxItems) return;
      delivered++;
      yield item;
    }
  }
}
