/**
 * The answer to `asyncInvokeFunction`: the request id, by which the run's record is found later.
 * The reference names it `request_id`; an older page says `requestId` may arrive: either is taken.
 */
import { FunctionGraphResponseError } from '../errors.js';
import type { ApiResponse } from '../runtime/invoke.js';

export function readAsyncRequestId(operationId: string, response: ApiResponse<unknown, unknown>): string {
  const data = response.data as { request_id?: unknown; requestId?: unknown } | null;
  const id = data?.request_id ?? data?.requestId;
  if (typeof id === 'string' && id !== '') return id;
  const bodyText = JSON.stringify(data) ?? '';
  throw new FunctionGraphResponseError(
    `${operationId}: the answer has neither request_id nor requestId (HTTP ${response.status}, body ${JSON.stringify(bodyText.slice(0, 120))})`,
    { operationId, attempts: response.attempts, status: response.status, headers: response.headers, requestId: response.requestId, bodyText: bodyText.slice(0, 500) },
  );
}
