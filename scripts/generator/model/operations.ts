/**
 * Operations (OpenAPI Paths, Path Item and Operation Objects): one model per method of every path,
 * in the document's order, with a method name that no other operation takes.
 */
import { camelCase } from '../../shared/camel-case.js';
import { httpMethods, idempotentMethods } from '../../shared/http-methods.js';
import { SpecError, type SpecProblem } from '../errors.js';
import { isObject, type Json } from '../json.js';
import type { OperationModel, SuccessorModel } from './api-model.js';
import { deriveOperationName, pascalCase } from './naming.js';
import { collectPaging } from './paging.js';
import { collectParameters } from './parameters.js';
import { collectRequestBody } from './request-body.js';
import { createResolver } from './resolve.js';
import { collectResponses } from './responses.js';
import { collectSecurity } from './security.js';
import { positiveLimit, text } from './values.js';

export function collectOperations(document: Json): { operations: OperationModel[]; warnings: string[] } {
  const resolve = createResolver(document);
  const warnings: string[] = [];
  const operations: OperationModel[] = [];
  const rootSecurity = collectSecurity(document.security) ?? [];
  const paths = isObject(document.paths) ? document.paths : {};

  for (const path of Object.keys(paths)) {
    const pathItem = resolve(paths[path]);
    if (!isObject(pathItem)) continue;
    for (const method of httpMethods) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const specId = text(operation.operationId);
      const operationId = specId ?? deriveOperationName(method, path);
      if (!specId) {
        warnings.push(`${method.toUpperCase()} ${path} has no operationId; named it "${operationId}" from its method and path`);
      }
      const parameters = collectParameters(resolve, pathItem.parameters, operation.parameters, path);
      const where = `${method.toUpperCase()} ${path}`;
      operations.push({
        operationId,
        idSource: specId ? 'spec' : 'derived',
        methodName: camelCase(operationId),
        typeName: pascalCase(operationId),
        method,
        path,
        summary: text(operation.summary),
        description: text(operation.description),
        tags: Array.isArray(operation.tags) ? operation.tags.map(String) : [],
        deprecated: operation.deprecated === true,
        successor: collectSuccessor(operation['x-successor']),
        externalDocs:
          isObject(operation.externalDocs) && typeof operation.externalDocs.url === 'string'
            ? { url: operation.externalDocs.url, description: text(operation.externalDocs.description) }
            : undefined,
        parameters,
        requestBody: collectRequestBody(resolve, operation.requestBody),
        responses: collectResponses(resolve, operation.responses),
        security: collectSecurity(operation.security) ?? rootSecurity,
        idempotent: idempotentMethods.includes(method) || operation['x-idempotent'] === true,
        responseTimeoutMs: positiveLimit(operation['x-response-timeout-ms']),
        paging: collectPaging(resolve, operation, parameters, where),
      });
    }
  }
  assertUniqueNames(operations);
  return { operations, warnings };
}

function collectSuccessor(raw: unknown): SuccessorModel | undefined {
  if (!isObject(raw)) return undefined;
  return { operationId: text(raw.operationId), method: text(raw.method), path: text(raw.path) };
}

/** Different operationIds can still collide once made into identifiers (`get-pet`, `getPet`). */
function assertUniqueNames(operations: OperationModel[]): void {
  const seen = new Map<string, OperationModel>();
  const problems: SpecProblem[] = [];
  for (const operation of operations) {
    const clash = seen.get(operation.methodName);
    if (clash) {
      problems.push({
        message: `operations ${clash.method.toUpperCase()} ${clash.path} ("${clash.operationId}") and ${operation.method.toUpperCase()} ${operation.path} ("${operation.operationId}") both become the method name "${operation.methodName}"; give one a different operationId`,
      });
    }
    seen.set(operation.methodName, operation);
  }
  if (problems.length > 0) throw new SpecError(problems);
}
