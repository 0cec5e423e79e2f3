/** How generated code speaks of an operation: `GET /path`, and what a deprecated one's callers are told. */
import type { OperationModel } from '../../model/api-model.js';

export function describeOperation(operation: OperationModel): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

/** What a deprecated operation's callers are told; `brief` names the successor without its path (for run-time warnings). */
export function deprecationMessage(operation: OperationModel, brief = false): string | undefined {
  if (!operation.deprecated) return undefined;
  const successor = operation.successor;
  if (!successor) return `${operation.operationId} is deprecated.`;
  const where = successor.method && successor.path ? `${successor.method.toUpperCase()} ${successor.path}` : undefined;
  const name = successor.operationId ?? where ?? 'its successor';
  return `${operation.operationId} is deprecated; use ${name}${where && !brief && successor.operationId ? ` (${where})` : ''} instead.`;
}
