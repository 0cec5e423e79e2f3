/**
 * The types of one operation, indexed into schema.gen.ts: `<Op>Operation` (its schema types),
 * `<Op>Input` (parameters by client name, and the body), `<Op>Result` (a success body),
 * `<Op>ResponseHeaders` (decoded) and `<Op>ErrorBody`.
 */
import type { InterfaceDeclarationStructure, OptionalKind, PropertySignatureStructure, StatementStructures } from 'ts-morph';
import type { OperationModel, ResponseHeaderModel, ResponseModel } from '../../model/api-model.js';
import { isJsonMediaType } from '../../model/media-types.js';
import { propertyKey, quote } from '../literal.js';
import { jsDoc } from './doc-comments.js';
import { decodedHeaderType } from './header-types.js';
import { describeOperation } from './operation-text.js';
import { StructureKind } from './ts-morph.js';

function statusKey(status: string): string {
  return /^\d{3}$/.test(status) ? status : quote(status);
}

function responseBodyType(operation: OperationModel, response: ResponseModel): string {
  if (!response.mediaType) return 'undefined';
  const preferred = `${operation.typeName}Operation['responses'][${statusKey(response.status)}]['content'][${quote(response.mediaType)}]`;
  // Another listed media type can arrive too; the runtime passes a non-JSON answer on as its text.
  const others = (response.mediaTypes ?? []).some((type) => type !== response.mediaType && !isJsonMediaType(type));
  return others && isJsonMediaType(response.mediaType) ? `${preferred} | string` : preferred;
}

export function union(types: string[], empty: string): string {
  const unique = [...new Set(types)];
  return unique.length === 0 ? empty : unique.join(' | ');
}

export const isSuccess = (response: ResponseModel) => /^2(\d\d|XX)$/i.test(response.status);

function inputInterface(operation: OperationModel): InterfaceDeclarationStructure {
  const properties: OptionalKind<PropertySignatureStructure>[] = operation.parameters.map((parameter) => {
    const notes: string[] = [];
    if (parameter.description) notes.push(parameter.description);
    if (parameter.clientDefault) notes.push(`Defaults to the client's \`${parameter.inputName}\` option.`);
    if (parameter.sentByDefault !== undefined) notes.push(`The client sends \`${String(parameter.sentByDefault)}\` when none is given.`);
    notes.push(`Sent as the ${parameter.in} parameter \`${parameter.name}\`.`);
    return {
      name: propertyKey(parameter.inputName),
      hasQuestionToken: !parameter.required || parameter.clientDefault,
      type: `NonNullable<${operation.typeName}Operation['parameters'][${quote(parameter.in)}]>[${quote(parameter.name)}]`,
      docs: jsDoc(notes.join('\n\n'), parameter.deprecated ? [{ tagName: 'deprecated' }] : []),
    };
  });
  if (operation.requestBody) {
    properties.push({
      name: 'body',
      hasQuestionToken: !operation.requestBody.required,
      type: `NonNullable<${operation.typeName}Operation['requestBody']>['content'][${quote(operation.requestBody.mediaType)}]`,
      docs: jsDoc(operation.requestBody.description ?? `Request body, sent as \`${operation.requestBody.mediaType}\`.`),
    });
  }
  return {
    kind: StructureKind.Interface,
    name: `${operation.typeName}Input`,
    isExported: true,
    docs: jsDoc(`Input of \`${operation.methodName}\` (${describeOperation(operation)}).`),
    properties,
  };
}

/**
 * The documented headers of the successful answers, by client name. A header is required only
 * when every success response requires it.
 */
function successHeaders(operation: OperationModel): { header: ResponseHeaderModel; required: boolean }[] {
  const successes = operation.responses.filter(isSuccess);
  const byName = new Map<string, { header: ResponseHeaderModel; required: boolean }>();
  for (const response of successes) {
    for (const header of response.headers) {
      if (!byName.has(header.outputName)) {
        const required = successes.every((other) => other.headers.some((h) => h.outputName === header.outputName && h.required));
        byName.set(header.outputName, { header, required });
      }
    }
  }
  return [...byName.values()];
}

function responseHeadersInterface(operation: OperationModel): InterfaceDeclarationStructure {
  return {
    kind: StructureKind.Interface,
    name: `${operation.typeName}ResponseHeaders`,
    isExported: true,
    docs: jsDoc(`The documented response headers of \`${operation.methodName}\`, decoded, by client name.`),
    properties: successHeaders(operation).map(({ header, required }) => {
      const notes = [header.description, `Read from the response header \`${header.name}\`${encodingNote(header)}.`].filter(Boolean).join('\n\n');
      return { name: propertyKey(header.outputName), hasQuestionToken: !required, type: decodedHeaderType(header), docs: jsDoc(notes) };
    }),
  };
}

function encodingNote(header: ResponseHeaderModel): string {
  const steps = [header.contentEncoding && `${header.contentEncoding}-decoded`, header.contentMediaType && `parsed as ${header.contentMediaType}`];
  const words = steps.filter(Boolean).join(', then ');
  return words ? ` (${words})` : '';
}

export function operationStatements(operation: OperationModel): StatementStructures[] {
  const successBodies = operation.responses.filter(isSuccess).map((response) => responseBodyType(operation, response));
  const errorBodies = operation.responses
    .filter((response) => !isSuccess(response) && !/^[13]/.test(response.status) && response.mediaType)
    .map((response) => responseBodyType(operation, response));
  return [
    {
      kind: StructureKind.TypeAlias,
      name: `${operation.typeName}Operation`,
      isExported: true,
      docs: jsDoc(`The schema types of ${describeOperation(operation)}.`),
      type: `paths[${quote(operation.path)}][${quote(operation.method)}]`,
    },
    inputInterface(operation),
    {
      kind: StructureKind.TypeAlias,
      name: `${operation.typeName}Result`,
      isExported: true,
      docs: jsDoc(`What \`${operation.methodName}\` resolves to: the body of a successful answer.`),
      type: union(successBodies, 'unknown'),
    },
    responseHeadersInterface(operation),
    {
      kind: StructureKind.TypeAlias,
      name: `${operation.typeName}ErrorBody`,
      isExported: true,
      docs: jsDoc(`The body of an error answer to \`${operation.methodName}\`, as the spec describes it.`),
      type: union(errorBodies, 'unknown'),
    },
  ];
}
