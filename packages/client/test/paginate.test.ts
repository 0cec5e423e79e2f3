/**
 * `client.paginate.<list operation>`: the generic paginator driven by each operation's `x-paging`,
 * against a real loopback server that serves pages by the marker asked for. What is pinned: the
 * requests as they arrive (marker, page size), the items and pages handed on, every stop rule, a
 * server that repeats itself, `maxItems`, the abort signal between pages, retries inside a page,
 * and refusals before anything is sent. The last block drives the loop itself over paging
 * declarations no FunctionGraph list has (a typed marker, a page size without bounds), each page
 * still sent by the client to the loopback server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  createFunctionGraphClient,
  FunctionGraphAbortError,
  FunctionGraphInputError,
  type AsyncInvocationRecord,
  type FunctionGraphClientOptions,
  type ListFunctionsResult,
} from '../src/index.js';
import { operationDescriptors, type OperationDescriptor, type ValueRules } from '../src/generated.js';
import { createPaginate, type PageOptions } from '../src/runtime/paginate.js';
import { json, startLoopbackServer, type LoopbackServer, type RecordedRequest } from './helpers/loopback-server.js';
import { FAST_BACKOFF, PROJECT, rejection, TOKEN, URN_PREFIX } from './helpers/calls.js';
import { transportOptions } from './helpers/transport.js';

const URN = `${URN_PREFIX}:my-func:!prod`;
const RECORDS = `/v2/${PROJECT}/fgs/functions/${URN}/async-invocations`;
const FUNCTIONS = `/v2/${PROJECT}/fgs/functions`;
/** No test here may need more requests than this; a paginator that loops is cut off, not waited for. */
const REQUEST_CAP = 50;

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server?.close());

const record = (n: number) => ({ request_id: `r-${n}`, status: 'SUCCESS' as const });
const query = (request: RecordedRequest) => new URL(request.url, 'http://x').searchParams;

/** Serves `total` records `size` at a time (or as many as `limit` asks): `marker` is an offset, `next_marker` the next one. */
function offsetPages(total: number, { size = 2, count = true }: { size?: number; count?: boolean } = {}) {
  return (request: RecordedRequest, res: Parameters<typeof json>[0]) => {
    if (server.requests.length > REQUEST_CAP) return json(res, 500, { error_code: 'TEST', error_msg: 'too many requests' });
    const params = query(request);
    const from = Number(params.get('marker') ?? '0');
    const take = Math.min(size, Number(params.get('limit') ?? params.get('maxitems') ?? size));
    const items = Array.from({ length: Math.max(0, Math.min(take, total - from)) }, (_, i) => record(from + i));
    const field = request.url.split('?')[0]!.endsWith('/fgs/functions') ? 'functions' : 'invocations';
    json(res, 200, { [field]: items, next_marker: from + items.length, ...(count ? { count: total } : {}) });
  };
}

function client(options: Partial<FunctionGraphClientOptions> = {}) {
  return createFunctionGraphClient({ baseUrl: server.url, projectId: PROJECT, token: TOKEN, backoff: FAST_BACKOFF, ...transportOptions(), ...options });
}

/** Every item, bounded so that a paginator that never ends fails the test instead of hanging it. */
async function collect<T>(iterable: AsyncIterable<T>, bound = 1_000): Promise<T[]> {
  const found: T[] = [];
  for await (const item of iterable) {
    found.push(item);
    if (found.length > bound) throw new Error(`more than ${bound} items: the paginator does not stop`);
  }
  return found;
}

const markers = () => server.requests.map((request) => query(request).get('marker'));

/** Answers each request with the page listed under the marker it asks with ('' for none); an unlisted marker is a test failure. */
function chain(pages: Record<string, object>) {
  return (request: RecordedRequest, res: Parameters<typeof json>[0]) => {
    const page = pages[query(request).get('marker') ?? ''];
    json(res, page ? 200 : 400, page ?? { error_code: 'TEST', error_msg: `no page for ${request.url}` });
  };
}

describe('client.paginate: item by item and page by page', () => {
  beforeEach(() => server.reset(offsetPages(5, { count: false })));

  it('asks for each page with the previous answer\'s next_marker, sent as the text the marker parameter takes, and yields every item once', async () => {
    const found = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN, status: 'SUCCESS' }));

    expect(found.map((item) => item.request_id)).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
    // The fourth page is empty: that is what ends the list here (no count in the answers).
    expect(server.requests.map((request) => request.url)).toEqual([
      `${RECORDS}?status=SUCCESS`,
      `${RECORDS}?marker=2&status=SUCCESS`,
      `${RECORDS}?marker=4&status=SUCCESS`,
      `${RECORDS}?marker=5&status=SUCCESS`,
    ]);
  });

  it('pages() yields the answers whole, typed as the operation\'s result', async () => {
    const pages = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }).pages());

    expect(pages.map((page) => page.invocations?.length)).toEqual([2, 2, 1, 0]);
    expect(pages[0]).toEqual({ invocations: [record(0), record(1)], next_marker: 2 });
  });

  it('starts from the marker the input gives', async () => {
    const found = await collect(client().paginate.listActiveAsyncInvocations({ functionUrn: URN, marker: '3' }));

    expect(found.map((item) => item.request_id)).toEqual(['r-3', 'r-4']);
    expect(markers()).toEqual(['3', '5']);
  });

  it('listFunctions pages with its own wire names (maxitems), the project from the client and no URN', async () => {
    server.reset(offsetPages(3));
    const functions = await collect(client().paginate.listFunctions({ packageName: 'default', limit: 2 }));

    expect(functions).toHaveLength(3);
    expect(server.requests.map((request) => request.url)).toEqual([`${FUNCTIONS}?maxitems=2&package_name=default`, `${FUNCTIONS}?marker=2&maxitems=2&package_name=default`]);
  });
});

describe('client.paginate: where the list ends', () => {
  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['null', null],
  ])('stops when the next marker is %s', async (_label, next) => {
    server.reset((_request, res) => json(res, 200, { invocations: [record(0)], ...(next === undefined ? {} : { next_marker: next }) }));

    expect(await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }))).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });

  it('stops once the answer\'s count is reached, though a next marker is offered', async () => {
    server.reset(offsetPages(4));

    expect(await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }))).toHaveLength(4);
    expect(markers()).toEqual([null, '2']);
  });

  it('stops against a server that answers the same page whatever it is asked (regression: a repeating server must not loop)', async () => {
    server.reset((_request, res) => json(res, 200, { invocations: [record(7)], next_marker: 1, count: 1_000 }));

    const found = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }));

    // Asked once without a marker and once with 1; the answer to 1 offers 1 again: the list is over.
    expect(markers()).toEqual([null, '1']);
    expect(found).toHaveLength(2);
  });

  it('stops when the next marker is the one the input started from', async () => {
    server.reset((_request, res) => json(res, 200, { invocations: [record(0)], next_marker: 9 }));

    await collect(client().paginate.listAsyncInvocations({ functionUrn: URN, marker: '9' }));
    expect(markers()).toEqual(['9']);
  });

  it('stops at a page whose items are not a list, and yields no item from it', async () => {
    server.reset((_request, res) => json(res, 200, { next_marker: 4 }));

    expect(await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }).pages())).toEqual([{ next_marker: 4 }]);
    expect(server.requests).toHaveLength(1);

    server.reset((_request, res) => json(res, 200, { next_marker: 4 }));
    expect(await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }))).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it('stops at a page with no items, though it offers a next marker not yet asked for', async () => {
    server.reset(chain({ '': { invocations: [record(0)], next_marker: 1 }, '1': { invocations: [], next_marker: 2 }, '2': { invocations: [record(2)] } }));

    expect((await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }))).map((item) => item.request_id)).toEqual(['r-0']);
    expect(markers()).toEqual([null, '1']);
  });

  it.each([
    ['null', null],
    ['text', '1'],
  ])('does not stop on a count that is %s, not a number', async (_label, count) => {
    server.reset(chain({ '': { invocations: [record(0)], next_marker: 1, count }, '1': { invocations: [record(1)] } }));

    expect((await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }))).map((item) => item.request_id)).toEqual(['r-0', 'r-1']);
    expect(markers()).toEqual([null, '1']);
  });

  it.each([
    ['the text "undefined"', 'undefined'],
    ['the number 0', 0],
  ])('asks with a next marker that is %s like any other', async (_label, next) => {
    server.reset(chain({ '': { invocations: [record(0)], next_marker: next }, [String(next)]: { invocations: [record(1)] } }));

    expect(await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }))).toHaveLength(2);
    expect(markers()).toEqual([null, String(next)]);
  });
});

describe('client.paginate: maxItems, the signal, retries and refusals', () => {
  beforeEach(() => server.reset(offsetPages(1_000, { size: 500 })));

  it('asks each page for no more than are still wanted, and delivers exactly maxItems', async () => {
    server.reset(offsetPages(1_000, { size: 2 }));
    const found = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }, { maxItems: 5 }));

    expect(found.map((item) => item.request_id)).toEqual(['r-0', 'r-1', 'r-2', 'r-3', 'r-4']);
    expect(server.requests.map((request) => query(request).get('limit'))).toEqual(['5', '3', '1']);
  });

  it('never asks for more than the spec\'s largest page, and keeps a page size the caller set', async () => {
    await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }, { maxItems: 600 }));
    expect(server.requests.map((request) => query(request).get('limit'))).toEqual(['500', '100']);

    server.reset(offsetPages(1_000, { size: 500 }));
    const found = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN, limit: 4 }, { maxItems: 6 }));
    expect(found).toHaveLength(6);
    expect(server.requests.map((request) => query(request).get('limit'))).toEqual(['4', '4']);
  });

  it('maxItems 1 is allowed: one item, from a page asked for one', async () => {
    const found = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }, { maxItems: 1 }));

    expect(found.map((item) => item.request_id)).toEqual(['r-0']);
    expect(server.requests.map((request) => query(request).get('limit'))).toEqual(['1']);
  });

  it.each([
    ['the input sets limit', { limit: 4 }, 6, offsetPages(1_000, { size: 500 }), [4, 4]],
    ['the server answers with more than asked', {}, 3, chain({ '': { invocations: [0, 1, 2, 3, 4].map(record), next_marker: 5 } }), [5]],
  ])('pages() hands on the last page whole, though it holds more than maxItems still wanted (%s); the items stop at maxItems', async (_label, input, maxItems, responder, sizes) => {
    server.reset(responder);
    const pages = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN, ...input }, { maxItems }).pages());
    expect(pages.map((page) => page.invocations?.length)).toEqual(sizes);
    expect(server.requests).toHaveLength(sizes.length);

    server.reset(responder);
    expect(await collect(client().paginate.listAsyncInvocations({ functionUrn: URN, ...input }, { maxItems }))).toHaveLength(maxItems);
    expect(server.requests).toHaveLength(sizes.length);
  });

  it('pages() stops asking once maxItems items have come', async () => {
    const pages = await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }, { maxItems: 3 }).pages());

    expect(pages.map((page) => page.invocations?.length)).toEqual([3]);
  });

  it('stops between pages when the signal aborts, with FunctionGraphAbortError, and sends nothing more', async () => {
    server.reset(offsetPages(1_000, { size: 2 }));
    const controller = new AbortController();
    const seen: string[] = [];

    const error = await rejection(
      (async () => {
        for await (const item of client().paginate.listAsyncInvocations({ functionUrn: URN }, { signal: controller.signal })) {
          seen.push(item.request_id!);
          if (seen.length === 2) controller.abort();
        }
      })(),
    );

    expect(error).toBeInstanceOf(FunctionGraphAbortError);
    expect((error as Error).message).toBe('listAsyncInvocations: aborted by the caller');
    expect(seen).toEqual(['r-0', 'r-1']);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a page like any call of a read, and goes on from where it was', async () => {
    let failed = false;
    const pages = offsetPages(4);
    server.reset((request, res) => {
      if (query(request).get('marker') === '2' && !failed) {
        failed = true;
        return json(res, 503, { error_code: 'FSS.0503', error_msg: 'Service unavailable' });
      }
      pages(request, res);
    });

    expect(await collect(client().paginate.listAsyncInvocations({ functionUrn: URN }))).toHaveLength(4);
    expect(markers()).toEqual([null, '2', '2']);
  });

  it.each([
    ['0', 0, 'got 0'],
    ['a fraction', 1.5, 'got 1.5'],
    ['a string', '3', 'got 3'],
    ['past the safe integers', 2 ** 53, 'got 9007199254740992'],
  ])('refuses maxItems %s before any request is sent', async (_label, maxItems, got) => {
    const error = await rejection(collect(client().paginate.listAsyncInvocations({ functionUrn: URN }, { maxItems: maxItems as number })));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('maxItems');
    expect((error as Error).message).toBe(`maxItems must be a whole number, at least 1, ${got}`);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'maxItems'],
  ])('refuses options that are %s, not an object, before any request is sent', async (_label, options) => {
    const paginated = client().paginate.listFunctions({}, options as PageOptions);
    for (const iterable of [paginated, paginated.pages()] as AsyncIterable<unknown>[]) {
      const error = await rejection(collect(iterable));

      expect(error).toBeInstanceOf(FunctionGraphInputError);
      expect((error as FunctionGraphInputError).argument).toBe('options');
      expect((error as Error).message).toBe('options must be an object');
    }
    expect(server.requests).toHaveLength(0);
  });

  // listFunctions needs no input at all, so an input the loop let through would be sent.
  it.each([
    ['a string', 'functions'],
    ['a number', 5],
    ['a list', []],
  ])('refuses an input that is %s, not an object, naming the operation, before any request is sent', async (_label, input) => {
    const paginated = client().paginate.listFunctions(input as object);
    for (const iterable of [paginated, paginated.pages()] as AsyncIterable<unknown>[]) {
      const error = await rejection(collect(iterable));

      expect(error).toBeInstanceOf(FunctionGraphInputError);
      expect((error as FunctionGraphInputError).argument).toBe('input');
      expect((error as Error).message).toBe('input of listFunctions must be an object of its inputs');
    }
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a bad input before any request is sent, naming it as the call would', async () => {
    const error = await rejection(collect(client().paginate.listAsyncInvocations({ functionUrn: URN, limit: 501 })));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as Error).message).toContain('limit must be at least 1 and at most 500, got 501');
    expect(server.requests).toHaveLength(0);
  });

  it('types items and pages from the spec', () => {
    const paginate = client().paginate;
    expectTypeOf(paginate.listAsyncInvocations({ functionUrn: URN })).toMatchTypeOf<AsyncIterable<AsyncInvocationRecord>>();
    expectTypeOf(paginate.listFunctions().pages()).toMatchTypeOf<AsyncIterable<ListFunctionsResult>>();
  });
});

describe('the page loop over paging declarations no FunctionGraph list has', () => {
  const LIST = operationDescriptors.listAsyncInvocations as OperationDescriptor;
  beforeEach(() => server.reset(offsetPages(5)));

  /** listAsyncInvocations' descriptor with the rules of one parameter replaced (`undefined`: none, as the generator leaves a parameter without constraints). */
  function withRules(input: string, rules: ValueRules | undefined): OperationDescriptor {
    const parameters = LIST.parameters.map((parameter) => {
      if (parameter.input !== input) return parameter;
      const { rules: _replaced, ...rest } = parameter;
      return rules === undefined ? rest : { ...rest, rules };
    });
    return { ...LIST, parameters };
  }

  /** The loop over `descriptor`, each page sent by the client's listAsyncInvocations to the loopback server; `sent` holds each page's input as the loop made it. */
  function loop(descriptor: OperationDescriptor) {
    const sent: Record<string, unknown>[] = [];
    const calls = client();
    const paginate = createPaginate((_descriptor, input, options) => {
      sent.push({ ...input });
      return calls.listAsyncInvocations(input as never, options);
    });
    return { sent, paginate: (input: object, options?: PageOptions) => paginate(descriptor, input, options) };
  }

  it('refuses an operation without paging, naming it, before any request is sent', async () => {
    const { sent, paginate } = loop(operationDescriptors.showFunctionConfig as OperationDescriptor);
    const error = await rejection(collect(paginate({ functionUrn: URN }).pages()));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('operation');
    expect((error as Error).message).toBe('operation showFunctionConfig has no x-paging in the spec, so it cannot be iterated');
    expect(sent).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('refuses an input of null (which client.paginate turns into {}) before any request is sent', async () => {
    const { sent, paginate } = loop(LIST);
    const error = await rejection(collect(paginate(null as unknown as object)));

    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('input');
    expect(sent).toEqual([]);
  });

  it.each([
    ['typed as a number takes the next marker as it came', { type: 'integer' } as ValueRules, [2, 4]],
    ['with rules but no type takes its text', { minLength: 1 } as ValueRules, ['2', '4']],
    ['without rules takes its text', undefined, ['2', '4']],
  ])('a marker parameter %s', async (_label, rules, expected) => {
    const { sent, paginate } = loop(withRules('marker', rules));

    expect(await collect(paginate({ functionUrn: URN }))).toHaveLength(5);
    expect(sent.map((input) => input.marker)).toEqual([undefined, ...expected]);
    expect(markers()).toEqual([null, '2', '4']);
  });

  it('sets no page size from maxItems when the page-size parameter has no largest value', async () => {
    const { sent, paginate } = loop(withRules('limit', undefined));

    expect(await collect(paginate({ functionUrn: URN }, { maxItems: 3 }))).toHaveLength(3);
    expect(sent.map((input) => input.limit)).toEqual([undefined, undefined]);
    expect(server.requests.map((request) => query(request).get('limit'))).toEqual([null, null]);
  });

  it('asks for no further page once the signal is aborted, whatever the sender would do with it', async () => {
    server.reset(offsetPages(1_000, { size: 2 }));
    const { sent, paginate } = loop(LIST);
    const controller = new AbortController();

    const error = await rejection(
      (async () => {
        for await (const _page of paginate({ functionUrn: URN }, { signal: controller.signal }).pages()) controller.abort();
      })(),
    );

    expect(error).toBeInstanceOf(FunctionGraphAbortError);
    expect(sent).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
  });
});
