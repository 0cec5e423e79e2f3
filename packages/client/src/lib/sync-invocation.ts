/**
 * The answer to `invokeFunction` (FunctionGraph's synchronous invocation), made usable at once:
 * the request id, the function's result as sent and parsed as JSON (never a SyntaxError), the log
 * tail decoded, the invoke summary as named numbers with their units, and whether the function
 * itself failed, as data apart from API errors. Built on the generated method's `ApiResponse`;
 * the runtime decodes the headers the spec describes, this module only names what they mean.
 */
import type { ApiResponse } from '../runtime/answer.js';
import type { InvokeFunctionInput, InvokeFunctionResponseHeaders, InvokeFunctionResult } from '../generated.js';

/** The invoke summary (`X-Cff-Invoke-Summary`), with units in the names: the reference's example logs report milliseconds and MB. */
export interface InvokeSummary {
  durationMs: number | undefined;
  billingDurationMs: number | undefined;
  memorySizeMb: number | undefined;
  memoryUsedMb: number | undefined;
}

/** What the function itself reported when its run failed; the call to the API succeeded. */
export interface FunctionFailure {
  /** `X-Func-Err-Code`: non-zero when the run failed. */
  code: number | undefined;
  /** The `v1` body's `status`. */
  status: number | undefined;
  /** What the function returned, often its error message. */
  result: string | undefined;
}

export interface SyncInvocation<T = unknown> {
  /** `X-Cff-Request-Id`, or the body's `request_id`. */
  requestId: string | undefined;
  /** What the function returned, as sent (the `v1` body's `result`, or the whole `v0` text). */
  result: string | undefined;
  /** `result` parsed as JSON and typed as you said; `undefined` when it is not JSON (see `isJson`). */
  json: T | undefined;
  /** Whether `result` is JSON text, so a JSON `null` is told apart from no JSON. */
  isJson: boolean;
  /** The log tail, decoded from Base64; only when the call asked for it (`logType: 'tail'`). */
  log: string | undefined;
  /** The invoke summary in named numbers; `undefined` when absent or malformed (then see `raw`). */
  summary: InvokeSummary | undefined;
  /** Set when the function's run failed (`X-Is-Func-Err`, `X-Func-Err-Code`); the call itself succeeded. */
  functionError: FunctionFailure | undefined;
  /** The `v1` body's `status`: the reference documents no values beyond `200` for a success. */
  status: number | undefined;
  /** The answer's format: `X-Cff-Response-Version`, else what was asked for. */
  version: string | undefined;
  /** Documented headers that arrived malformed, by client name, exactly as they arrived; the call did not fail for them. */
  raw: { [K in keyof InvokeFunctionResponseHeaders]?: string };
  /** What was malformed, in words (empty when nothing was). */
  problems: string[];
  /** The whole answer: status, every header, attempts. */
  response: ApiResponse<InvokeFunctionResult, InvokeFunctionResponseHeaders>;
}

/** A number the header or body gave, or undefined (Number.isFinite is false for anything but a finite number). */
const finite = (value: unknown) => (Number.isFinite(value) ? (value as number) : undefined);

export function readSyncInvocation<T>(response: ApiResponse<InvokeFunctionResult, InvokeFunctionResponseHeaders>, input: InvokeFunctionInput): SyncInvocation<T> {
  const { data, responseHeaders: headers } = response;
  const body = typeof data === 'object' && data !== null ? data : undefined;
  const result = typeof data === 'string' ? data : body?.result;
  const raw: SyncInvocation['raw'] = {};
  const problems: string[] = [];
  for (const [name, entry] of Object.entries(response.malformedHeaders)) {
    raw[name as keyof SyncInvocation['raw']] = entry.raw;
    problems.push(entry.problem);
  }
  let summary: InvokeSummary | undefined;
  const s = headers.invokeSummary;
  if (typeof s === 'object' && s !== null && !Array.isArray(s)) {
    summary = { durationMs: finite(s.duration), billingDurationMs: finite(s.billingDuration), memorySizeMb: finite(s.memorySize), memoryUsedMb: finite(s.memoryUsed) };
  } else if (s !== undefined) {
    raw.invokeSummary = JSON.stringify(s);
    problems.push('X-Cff-Invoke-Summary is not a JSON object; kept as it arrived');
  }
  let isJson = result !== undefined;
  let json: T | undefined;
  try {
    json = isJson ? (JSON.parse(result!) as T) : undefined;
  } catch {
    isJson = false;
  }
  const code = headers.functionErrorCode;
  const status = finite(body?.status);
  return {
    requestId: headers.requestId ?? body?.request_id ?? response.requestId,
    result,
    json,
    isJson,
    log: input.logType === 'tail' ? (headers.functionLog ?? body?.log) : undefined,
    summary,
    functionError: headers.isFunctionError || (code ?? 0) !== 0 ? { code, status, result } : undefined,
    status,
    version: headers.responseVersion ?? input.requestVersion ?? 'v1',
    raw,
    problems,
    response,
  };
}
