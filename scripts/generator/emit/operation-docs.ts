/**
 * `operation-docs.gen.ts`: the words the spec gives each operation and its inputs (summary,
 * description, each parameter's and the request body's descriptions), for help texts such as a
 * command line's. The operation descriptors of client.gen.ts carry no prose, which would only
 * weigh on browser bundles; this file is its own module so only what prints help imports it. It
 * imports nothing, so it compiles on its own.
 */
import type { CodeBlockWriter } from 'ts-morph';
import type { ApiModel, OperationModel } from '../model/api-model.js';
import { printStatements } from './client/print.js';
import { writeLiteral } from './literal.js';

/** The shape of one entry, as the generated file declares it: the interface below, as data. */
export interface OperationDoc {
  summary?: string;
  description?: string;
  parameters: Record<string, string>;
  body?: string;
  bodyFields?: Record<string, string>;
}

const operationDocInterface = `/** The words the spec gives an operation and its inputs, for help texts; no runtime needs them. */
export interface OperationDoc {
  /** The operation's \`summary\`. */
  readonly summary?: string;
  /** The operation's \`description\`, as written (Markdown). */
  readonly description?: string;
  /** Each parameter's \`description\`, by its input name (the name \`operationDescriptors\` gives it: \`ParameterDescriptor.input\`). */
  readonly parameters: { readonly [input: string]: string };
  /** The request body's \`description\` (else its schema's), when it has one. */
  readonly body?: string;
  /** Each top-level property of an object request body: its schema \`description\`, by property name. */
  readonly bodyFields?: { readonly [name: string]: string };
}`;

/** One operation's words, with the absent ones left out rather than `undefined`. */
export function operationDocOf(operation: OperationModel): OperationDoc {
  const body = operation.requestBody;
  const doc: OperationDoc = {
    summary: operation.summary,
    description: operation.description,
    parameters: Object.fromEntries(
      operation.parameters.flatMap((parameter) => (parameter.description === undefined ? [] : [[parameter.inputName, parameter.description]])),
    ),
    body: body && (body.description ?? body.schemaDescription),
    bodyFields: body?.propertyDescriptions,
  };
  return Object.fromEntries(Object.entries(doc).filter(([, value]) => value !== undefined)) as OperationDoc;
}

/** The file's text: `header`, the `OperationDoc` interface, and `operationDocs` keyed as `operationDescriptors` is (by operationId), in the same order. */
export function emitOperationDocs(model: ApiModel, header: string): string {
  const table = (writer: CodeBlockWriter) => {
    // Keyed by operationId, not by method name: the two differ for an id that is not camelCase (`get-stations`).
    writer.writeLine('/** By operation id, as `operationDescriptors` keys them (the spec\'s `operationId`; the client\'s method name is its camelCase). */');
    writer.write('export const operationDocs: { readonly [id: string]: OperationDoc } = ');
    writeLiteral(writer, Object.fromEntries(model.operations.map((operation) => [operation.operationId, operationDocOf(operation)])));
    writer.write(';');
  };
  return `${header}\n${printStatements([operationDocInterface, table])}`;
}
