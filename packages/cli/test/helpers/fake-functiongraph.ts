/**
 * A stateful FunctionGraph on 127.0.0.1 for the command line's tests: every operation of spec/
 * answered as the reference describes it, behind the client tests' verifying gateway
 * (packages/client/test/helpers/verifying-server.ts), so every request's SDK-HMAC-SHA256 signature is
 * checked with the official signer and a bad one never reaches a route (401 APIGW.0301).
 *
 * What each test controls:
 * - the synchronous answer (`setSync`): the function's result text, request id, function error
 *   (`X-Is-Func-Err`, `X-Func-Err-Code`), log (Base64 in `X-Cff-Function-Log`, with `tail`), summary
 *   (`X-Cff-Invoke-Summary`);
 * - an error answer for an operation (`failWith`): status, `{error_code, error_msg}`, `X-Request-Id`;
 * - asynchronous runs (`queueAsyncRun`): the next `invocations-async` gets this request id, and its
 *   record goes through `statuses` on successive polls (the last one stays), or never appears;
 * - the functions listed (`functions`, paged by `marker`/`maxitems`), each function's config and
 *   asynchronous invocation settings (`configs`, `asyncConfigs`).
 *
 * Every request is recorded (`requests`): operation, method, path, query, headers, body, verdict.
 * The port is chosen at run time; the test closes the server.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { json } from '../../../client/test/helpers/loopback-server.js';
import { startVerifyingServer, type KeyPair, type VerifiedRequest, type Verdict } from '../../../client/test/helpers/verifying-server.js';

export const PROJECT_ID = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';

/** A function URN in the fake's project: `urn:fss:cn-north-4:<project>:function:default:<name>:<qualifier>`. */
export const urnOf = (name = 'hello', qualifier = 'latest') => `urn:fss:cn-north-4:${PROJECT_ID}:function:default:${name}:${qualifier}`;

/** The key pair the fake knows. Long and distinctive, so a test finds it in any output. */
export const FAKE_KEYS: Required<Pick<KeyPair, 'accessKeyId' | 'secretAccessKey'>> = {
  accessKeyId: 'FAKEAKFGSCLITEST7Q2M4X9LJ3',
  secretAccessKey: 'fake-sk-fgs-cli-DO-NOT-PRINT-4b9e1c7a2d5f8e3b6a0c',
};

export type OperationId =
  | 'invokeFunction'
  | 'asyncInvokeFunction'
  | 'listAsyncInvocations'
  | 'listActiveAsyncInvocations'
  | 'cancelAsyncInvocation'
  | 'asyncInvokeReservedFunction'
  | 'listFunctions'
  | 'showFunctionConfig'
  | 'showFunctionAsyncInvokeConfig'
  | 'updateFunctionAsyncInvokeConfig';

/** The routes of spec/ (generated/openapi.json `paths`): method, what follows `{function_urn}`, operation. */
const functionRoutes: [method: string, tail: string, operation: OperationId][] = [
  ['POST', 'invocations', 'invokeFunction'],
  ['POST', 'invocations-async', 'asyncInvokeFunction'],
  ['GET', 'async-invocations', 'listAsyncInvocations'],
  ['GET', 'active-async-invocations', 'listActiveAsyncInvocations'],
  ['POST', 'cancel', 'cancelAsyncInvocation'],
  ['POST', 'reserved-invocations', 'asyncInvokeReservedFunction'],
  ['GET', 'config', 'showFunctionConfig'],
  ['GET', 'async-invoke-config', 'showFunctionAsyncInvokeConfig'],
  ['PUT', 'async-invoke-config', 'updateFunctionAsyncInvokeConfig'],
];

export interface SeenRequest {
  /** The operation the route is, or undefined for a path the API does not have. */
  readonly operation: OperationId | undefined;
  readonly method: string;
  /** The raw path, as sent. */
  readonly path: string;
  /** The query, decoded. */
  readonly query: Record<string, string>;
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text ('' for none). */
  readonly body: string;
  readonly projectId: string | undefined;
  /** The function URN of the path, decoded. */
  readonly functionUrn: string | undefined;
  /** The gateway's check of the signature. */
  readonly verdict: Verdict;
}

/** The synchronous answer, as the function and the service produce it. */
export interface SyncAnswer {
  /** What the function returned, as text: the `v1` body's `result`, or the whole `v0` body. Default `{"ok":true}`. */
  result?: string;
  /** `X-Cff-Request-Id` and the body's `request_id`. Default: a new UUID per call. */
  requestId?: string;
  /** The function failed: `X-Is-Func-Err: true` and `X-Func-Err-Code: <code>`. */
  functionError?: { code: number };
  /** The log tail, sent Base64-encoded in `X-Cff-Function-Log` (and in the body's `log`) when the request asked for `tail`. */
  log?: string;
  /** `X-Cff-Invoke-Summary`: an object is sent as JSON, a string as it is, null not at all. */
  summary?: Record<string, number> | string | null;
  /** The `v1` body's `status`. Default 200. */
  status?: number;
}

/** An API error: status, FunctionGraph's error body and the request id header. */
export interface ErrorAnswer {
  status: number;
  errorCode: string;
  errorMsg: string;
  /** `X-Request-Id`. Default: a new id. */
  requestId?: string;
}

export type AsyncStatus = 'WAIT' | 'RUNNING' | 'SUCCESS' | 'FAIL' | 'DISCARD';

/** An asynchronous run as its records show it. */
export interface AsyncRunScript {
  /** What `invocations-async` answers. Default: a new UUID. */
  requestId?: string;
  /** The record's status on the first poll that asks for this request, the second, …; the last one stays. `'no-record'`: never listed (status persistence off). Default WAIT, RUNNING, SUCCESS. */
  statuses?: readonly AsyncStatus[] | 'no-record';
  /** The record's `error_code` and `error_message` once it ends FAIL or DISCARD. */
  errorCode?: number;
  errorMessage?: string;
}

interface AsyncRun {
  readonly requestId: string;
  readonly functionUrn: string;
  readonly statuses: readonly AsyncStatus[] | 'no-record';
  readonly errorCode: number;
  readonly errorMessage: string;
  readonly startTime: string;
  /** Polls that asked for this request by id. */
  polls: number;
  cancelled?: string;
}

export interface FakeFunctionGraph {
  /** Base URL, for `fgs --endpoint`. */
  readonly url: string;
  /** Every request since the last reset, in arrival order. */
  readonly requests: readonly SeenRequest[];
  /** Every asynchronous run started since the last reset, by request id. */
  readonly runs: ReadonlyMap<string, Readonly<AsyncRun>>;
  /** The functions `listFunctions` pages through (objects as the API lists them). */
  functions: Record<string, unknown>[];
  /** `showFunctionConfig`'s answer by URN; a URN not here gets a config made from it. */
  readonly configs: Map<string, Record<string, unknown>>;
  /** The asynchronous invocation settings by URN; a URN not here has none yet (404 to a GET). */
  readonly asyncConfigs: Map<string, Record<string, unknown>>;
  setSync(answer: SyncAnswer): void;
  /** From now on, `operation` (or every operation, `'*'`) answers this error. */
  failWith(operation: OperationId | '*', error: ErrorAnswer): void;
  /** The next asynchronous invocation starts this run (queued in order). */
  queueAsyncRun(script: AsyncRunScript): void;
  /** Forgets every request, answer, run and state set since the start. */
  reset(): void;
  close(): Promise<void>;
}

const recordTime = (date: Date) => date.toISOString().slice(0, 19);

function queryOf(url: string): Record<string, string> {
  const q = url.indexOf('?');
  return q < 0 ? {} : Object.fromEntries(new URLSearchParams(url.slice(q + 1)));
}

function routeOf(method: string, path: string): { operation: OperationId | undefined; projectId?: string; functionUrn?: string } {
  const list = /^\/v2\/([^/]+)\/fgs\/functions$/.exec(path);
  if (list) return { operation: method === 'GET' ? 'listFunctions' : undefined, projectId: decodeURIComponent(list[1]!) };
  const one = /^\/v2\/([^/]+)\/fgs\/functions\/([^/]+)\/([^/]+)$/.exec(path);
  if (!one) return { operation: undefined };
  const route = functionRoutes.find(([m, tail]) => m === method && tail === one[3]);
  return { operation: route?.[2], projectId: decodeURIComponent(one[1]!), functionUrn: decodeURIComponent(one[2]!) };
}

function seenRequest(request: VerifiedRequest): SeenRequest {
  const q = request.url.indexOf('?');
  const path = q < 0 ? request.url : request.url.slice(0, q);
  const { operation, projectId, functionUrn } = routeOf(request.method, path);
  return { operation, method: request.method, path, query: queryOf(request.url), headers: request.headers, body: request.body.toString('utf8'), projectId, functionUrn, verdict: request.verdict };
}

function apiError(res: ServerResponse, error: ErrorAnswer): void {
  json(res, error.status, { error_code: error.errorCode, error_msg: error.errorMsg }, { 'X-Request-Id': error.requestId ?? randomUUID().replace(/-/g, '') });
}

/** One page of `items` from `marker` (an offset), `size` long at most. */
function page<T>(items: readonly T[], marker: string | undefined, size: number): { items: T[]; next?: number } {
  const from = Number(marker ?? 0) || 0;
  const slice = items.slice(from, from + size);
  return from + size < items.length ? { items: slice, next: from + size } : { items: slice };
}

export async function startFakeFunctionGraph(): Promise<FakeFunctionGraph> {
  let sync: SyncAnswer = {};
  let errors = new Map<OperationId | '*', ErrorAnswer>();
  let queued: AsyncRunScript[] = [];
  const runs = new Map<string, AsyncRun>();
  const configs = new Map<string, Record<string, unknown>>();
  const asyncConfigs = new Map<string, Record<string, unknown>>();

  const statusOf = (run: AsyncRun, poll: boolean): AsyncStatus | undefined => {
    if (run.statuses === 'no-record') return undefined;
    if (run.cancelled) return 'FAIL';
    if (poll) run.polls += 1;
    return run.statuses[Math.min(Math.max(run.polls, 1), run.statuses.length) - 1];
  };
  const recordOf = (run: AsyncRun, status: AsyncStatus) => {
    const ended = status === 'SUCCESS' || status === 'FAIL' || status === 'DISCARD';
    const failed = status === 'FAIL' || status === 'DISCARD';
    return {
      request_id: run.requestId,
      status,
      error_code: failed ? run.errorCode : 0,
      error_message: failed ? run.errorMessage : '',
      start_time: run.startTime,
      end_time: ended ? recordTime(new Date()) : '',
    };
  };

  const routes: { [K in OperationId]: (seen: SeenRequest, res: ServerResponse) => void } = {
    invokeFunction(seen, res) {
      const requestId = sync.requestId ?? randomUUID();
      const result = sync.result ?? '{"ok":true}';
      const tail = seen.headers['x-cff-log-type'] === 'tail';
      const v0 = seen.headers['x-cff-request-version'] === 'v0';
      const summary = sync.summary === undefined ? { duration: 12.5, billingDuration: 13, memorySize: 128, memoryUsed: 21.4 } : sync.summary;
      const headers: Record<string, string> = {
        'X-Cff-Request-Id': requestId,
        'X-Cff-Response-Version': v0 ? 'v0' : 'v1',
        'X-Is-Func-Err': sync.functionError ? 'true' : 'false',
        'X-Func-Err-Code': String(sync.functionError?.code ?? 0),
      };
      if (summary !== null) {
        headers['X-Cff-Invoke-Summary'] = typeof summary === 'string' ? summary : JSON.stringify(summary);
        if (typeof summary === 'object' && summary.billingDuration !== undefined) headers['X-CFF-Billing-Duration'] = String(summary.billingDuration);
      }
      if (tail && sync.log !== undefined) headers['X-Cff-Function-Log'] = Buffer.from(sync.log, 'utf8').toString('base64');
      if (v0) {
        res.writeHead(200, { 'Content-Type': 'text/plain', ...headers });
        res.end(result);
        return;
      }
      json(res, 200, { request_id: requestId, result, log: tail ? (sync.log ?? '') : '', status: sync.status ?? 200 }, headers);
    },
    asyncInvokeFunction(seen, res) {
      const script = queued.shift() ?? {};
      const run: AsyncRun = {
        requestId: script.requestId ?? randomUUID(),
        functionUrn: seen.functionUrn!,
        statuses: script.statuses ?? ['WAIT', 'RUNNING', 'SUCCESS'],
        errorCode: script.errorCode ?? 4207,
        errorMessage: script.errorMessage ?? 'the function ran out of time',
        startTime: recordTime(new Date()),
        polls: 0,
      };
      runs.set(run.requestId, run);
      json(res, 202, { request_id: run.requestId });
    },
    asyncInvokeReservedFunction(_seen, res) {
      json(res, 202, { instance_id: randomUUID() });
    },
    listAsyncInvocations(seen, res) {
      const { request_id: requestId, status, marker, limit } = seen.query;
      const ofFunction = [...runs.values()].filter((run) => run.functionUrn === seen.functionUrn && (requestId === undefined || run.requestId === requestId));
      const records = ofFunction.flatMap((run) => {
        const current = statusOf(run, requestId !== undefined);
        return current === undefined || (status !== undefined && current !== status) ? [] : [recordOf(run, current)];
      });
      const { items, next } = page(records, marker, Number(limit ?? 100));
      json(res, 200, { invocations: items, count: records.length, ...(next === undefined ? {} : { next_marker: next }) });
    },
    listActiveAsyncInvocations(seen, res) {
      const wanted = seen.query.requests?.split(',');
      const records = [...runs.values()].flatMap((run) => {
        if (run.functionUrn !== seen.functionUrn || (wanted && !wanted.includes(run.requestId))) return [];
        const current = statusOf(run, false);
        return current === 'WAIT' || current === 'RUNNING' ? [recordOf(run, current)] : [];
      });
      const { items, next } = page(records, seen.query.marker, Number(seen.query.limit ?? 100));
      json(res, 200, { invocations: items, count: records.length, ...(next === undefined ? {} : { next_marker: next }) });
    },
    cancelAsyncInvocation(seen, res) {
      const body = JSON.parse(seen.body || '{}') as { request_id?: string; type?: string };
      const run = body.request_id === undefined ? undefined : runs.get(body.request_id);
      if (!run || run.functionUrn !== seen.functionUrn) return apiError(res, { status: 400, errorCode: 'FSS.0400', errorMsg: 'Invalid RequestId' });
      run.cancelled = body.type ?? 'default';
      json(res, 200, null);
    },
    listFunctions(seen, res) {
      const { items, next } = page(fake.functions, seen.query.marker, Number(seen.query.maxitems ?? 400));
      json(res, 200, { functions: items, count: fake.functions.length, ...(next === undefined ? {} : { next_marker: next }) });
    },
    showFunctionConfig(seen, res) {
      const urn = seen.functionUrn!;
      const name = urn.split(':')[6];
      json(res, 200, configs.get(urn) ?? { func_urn: urn, func_name: name, package: 'default', runtime: 'Node.js20.15', handler: 'index.handler', memory_size: 128, timeout: 30, version: 'latest' });
    },
    showFunctionAsyncInvokeConfig(seen, res) {
      const settings = asyncConfigs.get(seen.functionUrn!);
      if (!settings) return apiError(res, { status: 404, errorCode: 'FSS.1051', errorMsg: 'Not found the function async config' });
      json(res, 200, { func_urn: seen.functionUrn, ...settings });
    },
    updateFunctionAsyncInvokeConfig(seen, res) {
      const body = JSON.parse(seen.body || '{}') as Record<string, unknown>;
      const settings = { ...body, created_time: asyncConfigs.get(seen.functionUrn!)?.created_time ?? recordTime(new Date()), last_modified: recordTime(new Date()) };
      asyncConfigs.set(seen.functionUrn!, settings);
      json(res, 200, { func_urn: seen.functionUrn, ...settings });
    },
  };

  const answer = (request: VerifiedRequest, res: ServerResponse) => {
    const seen = seenRequest(request);
    if (!seen.operation) return apiError(res, { status: 404, errorCode: 'APIGW.0101', errorMsg: `The API does not exist or has not been published: ${seen.method} ${seen.path}` });
    const error = errors.get(seen.operation) ?? errors.get('*');
    if (error) return apiError(res, error);
    routes[seen.operation](seen, res);
  };

  const server = await startVerifyingServer({ keys: [FAKE_KEYS], responder: answer });
  const fake: FakeFunctionGraph = {
    url: server.url,
    // The gateway records every request, those whose signature it refused too.
    get requests() {
      return server.requests.map(seenRequest);
    },
    runs,
    functions: [],
    configs,
    asyncConfigs,
    setSync(next) {
      sync = next;
    },
    failWith(operation, error) {
      errors.set(operation, error);
    },
    queueAsyncRun(script) {
      queued.push(script);
    },
    reset() {
      server.reset(answer);
      sync = {};
      errors = new Map();
      queued = [];
      runs.clear();
      configs.clear();
      asyncConfigs.clear();
      fake.functions = [];
    },
    close: () => server.close(),
  };
  return fake;
}
