/**
 * The answer to `asyncInvokeFunction`: the request id, by which the run's record is found later.
 * The reference names it `request_id`; an older page says `requestId` may arrive: either is taken.
 */
import { responseError } from '../runtime/answer.js';
import type { ApiResponse } from '../runtime/answer.js';

export function readAsyncRequestId(operationId: string, response: ApiResponse<unknown, unknown>): string {
  const data = response.data as { request_id?: unknown; requestId?: unknown } | null;
  const id = data?.request_id ?? data?.requestId;
  if (typeof id === 'string' && id !== '') return id;
  // Reported as any other answer of the wrong shape: status, content type, body, request id, attempts.
  const { attempts, requestId } = response;
  throw responseError({ operationId, attempts, requestId, response, text: JSON.stringify(data) ?? '' }, 'the answer has neither request_id nor requestId');
}
