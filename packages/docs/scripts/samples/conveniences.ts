/**
 * What the client's hand-written conveniences (packages/client/src/lib/) change about a call, as
 * far as the samples need to know it. The descriptors say what each operation sends and answers;
 * they cannot say that `invokeFunction` resolves to a read sync result instead of the body, or that
 * `asyncInvokeFunction` resolves to the request id that `waitForAsyncInvocation` follows. This file
 * is the one place in the docs build that names operations: when lib/ changes, change it here. The
 * names are checked against the client's exports when the docs are type-checked, and
 * `test/docs/typescript-samples.test.ts` compiles every sample against the built package.
 */

import type { OperationId, ValueExport } from '../read/client-api.js';
import type { CallPlan } from '../plan/call-plan.js';

/** `invokeFunction` resolves to `SyncInvocation<T>` (lib/sync-invocation.ts), not to the body. */
export interface SyncResultConvenience {
  readonly kind: 'sync-result';
  /** What the landing section says of it. */
  readonly note: string;
  /** The body property holding what the function returned, as a string; its example gives `T`. */
  readonly resultProperty: string;
  /** The input that asks for the log tail, and the value that does. */
  readonly logInput: { readonly input: string; readonly value: string };
}

/** `asyncInvokeFunction` resolves to the request id (lib/async-invocation.ts); the waiter follows it. */
export interface RequestIdConvenience {
  readonly kind: 'request-id';
  /** What the landing section says of it. */
  readonly note: string;
  /** The function beside the client that waits for the run (lib/waiter.ts), and its error for a run that ended badly. */
  readonly waiter: { readonly name: string; readonly runError: string };
  /** Inputs the waiter's target takes from the call (besides the request id itself). */
  readonly targetInputs: readonly string[];
}

export type Convenience = SyncResultConvenience | RequestIdConvenience;

export const CONVENIENCES: { readonly [Id in OperationId]?: Convenience } = {
  invokeFunction: {
    kind: 'sync-result',
    note:
      '`invokeFunction` resolves to the run read for you: the request id, the result as sent and ' +
      'parsed as JSON typed as you say (`invokeFunction<MyResult>`), the decoded log tail, the invoke ' +
      'summary, and whether the function itself failed, as data apart from API errors.',
    resultProperty: 'result',
    logInput: { input: 'logType', value: 'tail' },
  },
  asyncInvokeFunction: {
    kind: 'request-id',
    note:
      '`asyncInvokeFunction` resolves to the request id, and `waitForAsyncInvocation(client, ' +
      '{ functionUrn, requestId })` polls the records until the run ends (the function needs ' +
      'asynchronous invocation status persistence on).',
    waiter: { name: 'waitForAsyncInvocation' satisfies ValueExport, runError: 'FunctionGraphAsyncInvocationError' satisfies ValueExport },
    targetInputs: ['functionUrn'],
  },
};

/** The convenience of the client that applies to an operation, if any. */
export function convenienceOf(plan: CallPlan): Convenience | undefined {
  const id = plan.operation.id;
  return Object.hasOwn(CONVENIENCES, id) ? CONVENIENCES[id as OperationId] : undefined;
}
