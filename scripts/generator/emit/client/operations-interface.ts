/**
 * The typed surface over the descriptors: `ClientDefaults` (parameters the client options may
 * supply), `Operations` (one method per operation, with its docs), `OperationErrorBody`,
 * `OperationResponseHeaders`, and `bindOperations`, which makes those methods on top of a runtime.
 */
import type { CodeBlockWriter, InterfaceDeclarationStructure, JSDocStructure, OptionalKind, StatementStructures } from 'ts-morph';
import type { ApiModel, OperationModel } from '../../model/api-model.js';
import { propertyKey, quote, writeLiteral } from '../literal.js';
import { jsDoc } from './doc-comments.js';
import { deprecationMessage, describeOperation } from './operation-text.js';
import { union } from './operation-types.js';
import { StructureKind } from './ts-morph.js';

/** Parameters the client options may supply for every call, each typed by the first operation that has it. */
export function clientDefaultsInterface(model: ApiModel): InterfaceDeclarationStructure {
  const clientDefaults = new Map<string, OperationModel>();
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      if (parameter.clientDefault && !clientDefaults.has(parameter.inputName)) clientDefaults.set(parameter.inputName, operation);
    }
  }
  return {
    kind: StructureKind.Interface,
    name: 'ClientDefaults',
    isExported: true,
    docs: jsDoc('Parameters the client options may supply for every call (`x-client-default` in the spec).'),
    properties: [...clientDefaults].map(([inputName, operation]) => {
      const parameter = operation.parameters.find((p) => p.inputName === inputName)!;
      return {
        name: propertyKey(inputName),
        hasQuestionToken: true,
        type: `NonNullable<${operation.typeName}Operation['parameters'][${quote(parameter.in)}]>[${quote(parameter.name)}]`,
        docs: jsDoc(parameter.description),
      };
    }),
  };
}

/** What follows the operations' own types: the error body of any operation, the methods, their headers, the binding. */
export function operationsSurface(model: ApiModel): StatementStructures[] {
  return [
    {
      kind: StructureKind.TypeAlias,
      name: 'OperationErrorBody',
      isExported: true,
      docs: jsDoc('The body of an error answer to any operation.'),
      type: union(model.operations.map((operation) => `${operation.typeName}ErrorBody`), 'unknown'),
    },
    {
      kind: StructureKind.Interface,
      name: 'Operations',
      isExported: true,
      docs: jsDoc(`One method per operation of ${model.title} ${model.version}.`),
      typeParameters: ['TCallOptions'],
      methods: model.operations.map((operation) => ({
        name: propertyKey(operation.methodName),
        docs: methodDocs(operation),
        parameters: [
          { name: 'input', type: `${operation.typeName}Input`, hasQuestionToken: !hasRequiredInput(operation) },
          { name: 'options', type: 'TCallOptions', hasQuestionToken: true },
        ],
        returnType: `Promise<${operation.typeName}Result>`,
      })),
    },
    {
      kind: StructureKind.Interface,
      name: 'OperationResponseHeaders',
      isExported: true,
      docs: jsDoc('The decoded response headers of each operation, by method name.'),
      properties: model.operations.map((operation) => ({ name: propertyKey(operation.methodName), type: `${operation.typeName}ResponseHeaders` })),
    },
    {
      kind: StructureKind.Function,
      name: 'bindOperations',
      isExported: true,
      docs: jsDoc('Builds the typed methods on top of a runtime that knows how to send a described operation.'),
      typeParameters: ['TCallOptions'],
      parameters: [{ name: 'invoke', type: 'Invoke<TCallOptions>' }],
      returnType: 'Operations<TCallOptions>',
      statements: writeBindBody(model),
    },
  ];
}

function methodDocs(operation: OperationModel): OptionalKind<JSDocStructure>[] {
  const parts = [operation.summary, operation.description].filter((part): part is string => Boolean(part));
  parts.push(`\`${describeOperation(operation)}\``);
  const tags: { tagName: string; text?: string }[] = [];
  const deprecation = deprecationMessage(operation);
  if (deprecation) tags.push({ tagName: 'deprecated', text: deprecation });
  if (operation.externalDocs) {
    tags.push({ tagName: 'see', text: `{@link ${operation.externalDocs.url}${operation.externalDocs.description ? ` ${operation.externalDocs.description}` : ''}}` });
  }
  return jsDoc(parts.join('\n\n'), tags);
}

function hasRequiredInput(operation: OperationModel): boolean {
  return operation.parameters.some((p) => p.required && !p.clientDefault) || operation.requestBody?.required === true;
}

/**
 * One method per descriptor, built in a loop rather than written out per operation: the same
 * behaviour, and a bundle that grows by a descriptor, not by a descriptor and a method, per
 * operation. Method names are camelCase operationIds; only those that differ are listed.
 */
function writeBindBody(model: ApiModel) {
  return (writer: CodeBlockWriter) => {
    const renamed = model.operations.filter((operation) => operation.methodName !== operation.operationId);
    writer.writeLine('const methods: Record<string, (input: object | undefined, options: TCallOptions | undefined) => Promise<unknown>> = {};');
    if (renamed.length > 0) {
      writer.write('const methodNames: Record<string, string> = ');
      writeLiteral(writer, Object.fromEntries(renamed.map((operation) => [operation.operationId, operation.methodName])));
      writer.write(';').newLine();
    }
    writer.writeLine(
      `for (const [id, descriptor] of Object.entries<OperationDescriptor>(operationDescriptors)) methods[${renamed.length > 0 ? 'methodNames[id] ?? id' : 'id'}] = (input, options) => invoke(descriptor, input ?? {}, options);`,
    );
    writer.writeLine('return methods as unknown as Operations<TCallOptions>;');
  };
}
