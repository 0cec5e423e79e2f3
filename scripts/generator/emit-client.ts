/**
 * Emits `client.gen.ts` from the model with ts-morph structures: operation descriptors the
 * hand-written runtime interprets, input/result types indexed into `schema.gen.ts`, and a typed
 * `Operations` interface whose JSDoc (summary, description, `@deprecated`) editors show at the
 * call site. The file imports nothing but the schema types, so it type-checks on its own.
 */
import { createRequire } from 'node:module';
import type {
  CodeBlockWriter,
  InterfaceDeclarationStructure,
  JSDocStructure,
  OptionalKind,
  Project as ProjectType,
  PropertySignatureStructure,
  SourceFileStructure,
  StatementStructures,
  WriterFunction,
} from 'ts-morph';
import { propertyKey, quote, writeLiteral } from './literal.js';
import { decodedHeaderType } from './header-types.js';
import { isJsonMediaType, type ApiModel, type OperationModel, type ResponseHeaderModel, type ResponseModel, type SigningModel } from './model.js';

// ts-morph is CommonJS with its own TypeScript compiler inside: through require() Node loads it
// directly, where an ESM import first scans all of it for export names (about 0.3 s of CPU).
const { IndentationText, NewLineKind, Project, QuoteKind, StructureKind } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

/** Keeps spec prose from closing the comment it is written into. */
function docText(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

function jsDoc(description: string | undefined, tags: { tagName: string; text?: string }[] = []): OptionalKind<JSDocStructure>[] {
  if (!description && tags.length === 0) return [];
  return [{ description: description ? docText(description) : undefined, tags: tags.map((tag) => ({ ...tag, text: tag.text && docText(tag.text) })) }];
}

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

function union(types: string[], empty: string): string {
  const unique = [...new Set(types)];
  return unique.length === 0 ? empty : unique.join(' | ');
}

const isSuccess = (response: ResponseModel) => /^2(\d\d|XX)$/i.test(response.status);

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

function operationStatements(operation: OperationModel): StatementStructures[] {
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

/**
 * The headers a token fills for an operation: those of the first security alternative made only
 * of header API keys. Resolved here so a runtime need not carry the scheme table.
 */
function tokenHeadersOf(operation: OperationModel, model: ApiModel): string[] | undefined {
  for (const alternative of operation.security) {
    const names = alternative.map((name) => {
      const scheme = model.securitySchemes.find((candidate) => candidate.name === name);
      return scheme?.type === 'apiKey' && scheme.in === 'header' ? scheme.parameterName : undefined;
    });
    if (names.every((name): name is string => name !== undefined)) return names.length > 0 ? names : undefined;
  }
  return undefined;
}

/**
 * How an operation's requests are signed: the first alternative made of one signing scheme, its
 * name and its `x-signing`. Resolved here, like the token headers, so a runtime need not carry the
 * scheme table.
 */
function signingOf(operation: OperationModel, model: ApiModel): ({ scheme: string } & SigningModel) | undefined {
  for (const alternative of operation.security) {
    const scheme = alternative.length === 1 ? model.securitySchemes.find((candidate) => candidate.name === alternative[0]) : undefined;
    if (scheme?.type === 'http' && scheme.signing) return { scheme: scheme.name, ...scheme.signing };
  }
  return undefined;
}

function descriptorOf(operation: OperationModel, model: ApiModel) {
  return {
    id: operation.operationId,
    method: operation.method,
    path: operation.path,
    parameters: operation.parameters.map((parameter) => ({
      name: parameter.name,
      in: parameter.in,
      input: parameter.inputName,
      required: parameter.required || undefined,
      clientDefault: parameter.clientDefault || undefined,
      sentByDefault: parameter.sentByDefault,
      rules: parameter.rules,
    })),
    requestBody: operation.requestBody && {
      mediaType: operation.requestBody.mediaType,
      required: operation.requestBody.required || undefined,
      json: isJsonMediaType(operation.requestBody.mediaType),
      schemaType: operation.requestBody.schemaType,
      maxBytes: operation.requestBody.maxBytes,
    },
    // Only successes: an error answer is reported whatever it looks like, so its shape is not needed at run time.
    responses: operation.responses
      .filter(isSuccess)
      .map((response) => ({
        status: response.status,
        mediaType: response.mediaType,
        mediaTypes: response.mediaTypes,
        schemaType: response.schemaType,
        required: response.requiredProperties,
        headers: response.headers.length > 0 ? response.headers.map(headerDescriptorOf) : undefined,
      })),
    security: operation.security,
    tokenHeaders: tokenHeadersOf(operation, model),
    signing: signingOf(operation, model),
    idempotent: operation.idempotent || undefined,
    responseTimeoutMs: operation.responseTimeoutMs,
    deprecated: operation.deprecated || undefined,
    deprecation: deprecationMessage(operation, true),
  };
}

/** What a runtime needs to decode one response header; a plain string header needs only its names. */
function headerDescriptorOf(header: ResponseHeaderModel) {
  return {
    name: header.name,
    output: header.outputName,
    type: header.type === 'string' ? undefined : header.type,
    enum: header.enum,
    contentEncoding: header.contentEncoding,
    contentMediaType: header.contentMediaType,
  };
}

/**
 * Response headers the spec names `requestId` (`x-ms-client-name`) on any answer, so a runtime can
 * quote the request id of every answer, errors included, without naming an API's header itself.
 */
function requestIdHeadersStatement(model: ApiModel): WriterFunction {
  const names = new Set<string>();
  for (const operation of model.operations) {
    for (const response of operation.responses) for (const header of response.headers) if (header.outputName === 'requestId') names.add(header.name);
  }
  return exportedConst({
    docs: 'Response headers that carry the request id (those the spec names `requestId`), in the order found.',
    name: 'requestIdHeaders',
    initializer: (writer) => {
      writeLiteral(writer, [...names]);
      writer.write(' as const satisfies readonly string[]');
    },
  });
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

/** Descriptor shapes: the contract between generated code and any runtime that interprets it. */
const contractSource = `
/** An HTTP method an operation can use. */
export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

/** How one parameter travels: its wire name, location and the input property that carries it. */
export interface ParameterDescriptor {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly input: string;
  /** Absent when not required. */
  readonly required?: boolean;
  /** The client options may supply it for every call. */
  readonly clientDefault?: boolean;
  /** Sent when the caller gives no value (\`x-ms-client-default\`). */
  readonly sentByDefault?: string | number | boolean;
  /** Constraints a runtime checks before sending. */
  readonly rules?: ValueRules;
}

/** JSON Schema value constraints, with the spec's words for the pattern (\`x-pattern-description\`). */
export interface ValueRules {
  /** The value's type when it is not a string. */
  readonly type?: 'integer' | 'number' | 'boolean';
  readonly enum?: readonly (string | number | boolean)[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly patternDescription?: string;
}

/** One documented successful answer: its status (\`202\`, \`2XX\`) and what its body must look like. */
export interface ResponseDescriptor {
  readonly status: string;
  readonly mediaType?: string;
  /** The top-level JSON type of the body's schema, when the spec states one. */
  readonly schemaType?: string;
  /** Every media type the spec lists for this answer, when it lists more than one. */
  readonly mediaTypes?: readonly string[];
  /** Top-level properties a success body must have. */
  readonly required?: readonly string[];
  /** The response headers the spec documents for this answer. */
  readonly headers?: readonly ResponseHeaderDescriptor[];
}

/**
 * A documented response header and how to decode it: \`contentEncoding\` (\`base64\`) and
 * \`contentMediaType\` (\`application/json\`) as JSON Schema uses them, \`type\` for a scalar that is
 * not a string.
 */
export interface ResponseHeaderDescriptor {
  /** The wire name. */
  readonly name: string;
  /** The property that carries the decoded value (\`x-ms-client-name\`, or the camelCase wire name). */
  readonly output: string;
  readonly type?: 'integer' | 'number' | 'boolean';
  readonly enum?: readonly (string | number | boolean)[];
  readonly contentEncoding?: string;
  readonly contentMediaType?: string;
}

/** Everything a runtime needs to send one operation and read its answer. */
export interface OperationDescriptor {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly parameters: readonly ParameterDescriptor[];
  readonly requestBody?: {
    readonly mediaType: string;
    /** Absent when not required. */
    readonly required?: boolean;
    /** Whether the runtime serializes the body as JSON. */
    readonly json: boolean;
    /** The top-level JSON type of the body's schema, when the spec states one. */
    readonly schemaType?: string;
    /** The largest body, in bytes of what is sent, accepted before sending (\`x-max-body-bytes\`). */
    readonly maxBytes?: number;
  };
  /** The successful answers the spec documents (2xx and 2XX). */
  readonly responses: readonly ResponseDescriptor[];
  /** Alternatives, each a list of security scheme names that must all be satisfied. */
  readonly security: readonly (readonly string[])[];
  /** The request headers a token fills (header API keys of the first alternative that has only those); absent when none. */
  readonly tokenHeaders?: readonly string[];
  /** How requests are signed with an access key pair: the first alternative that is one signing scheme, by name, with its \`x-signing\`; absent when none. */
  readonly signing?: SigningDescriptor & { readonly scheme: string };
  /** Safe to repeat: an idempotent HTTP method, or \`x-idempotent: true\` on a POST. */
  readonly idempotent?: boolean;
  /** The longest the server may take to answer (\`x-response-timeout-ms\`). */
  readonly responseTimeoutMs?: number;
  readonly deprecated?: boolean;
  /** What to tell a caller of a deprecated operation, naming its successor when the spec does. */
  readonly deprecation?: string;
}

/** A security scheme, as far as a runtime needs to apply it. */
export type SecuritySchemeDescriptor =
  | { readonly type: 'apiKey'; readonly in: 'header' | 'query' | 'cookie'; readonly name: string }
  | { readonly type: 'http'; readonly scheme: string; readonly signing?: SigningDescriptor }
  | { readonly type: 'oauth2' | 'openIdConnect' | 'mutualTLS' };

/** How to sign a request with an access key pair (\`x-signing\`): the algorithm and the headers it fills. */
export interface SigningDescriptor {
  readonly algorithm: string;
  readonly dateHeader: string;
  readonly securityTokenHeader?: string;
  readonly projectIdHeader?: string;
  /** The path parameter (wire name) whose value \`projectIdHeader\` carries. */
  readonly projectIdParameter?: string;
  /** The error code of a rejected signature. */
  readonly rejectionCode?: string;
  readonly clockSkewMinutes?: number;
}

/** A server URL template and its variables. */
export interface ServerDescriptor {
  readonly url: string;
  readonly variables: { readonly [name: string]: { readonly default: string; readonly enum?: readonly string[] } };
}

/** What a runtime does with one call: send it as the descriptor says, resolve to the parsed body. */
export type Invoke<TCallOptions> = (
  operation: OperationDescriptor,
  input: object,
  options: TCallOptions | undefined,
) => Promise<unknown>;
`;

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

/**
 * `export const <name> = <initializer>;` under its doc comment, written straight to the writer. A
 * variable-statement structure would hang-indent a multi-line initializer and need a formatting
 * pass over the whole file to undo it.
 */
function exportedConst(statement: { docs: string; name: string; initializer: WriterFunction }): WriterFunction {
  return (writer) => {
    const lines = docText(statement.docs).split('\n');
    // The layout ts-morph gives a JSDoc structure: one line when it fits one, else one ` * ` line each.
    if (lines.length === 1) writer.write(`/** ${lines[0]} */`).newLine();
    else writer.write(`/**\n${lines.map((line) => (line ? ` * ${line}` : ' *')).join('\n')}\n */`).newLine();
    writer.write(`export const ${statement.name} = `);
    statement.initializer(writer);
    writer.write(';');
  };
}

function hasRequiredInput(operation: OperationModel): boolean {
  return operation.parameters.some((p) => p.required && !p.clientDefault) || operation.requestBody?.required === true;
}

export function emitClient(model: ApiModel, options: { schemaModule: string; header: string }): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });

  const clientDefaults = new Map<string, OperationModel>();
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) {
      if (parameter.clientDefault && !clientDefaults.has(parameter.inputName)) clientDefaults.set(parameter.inputName, operation);
    }
  }

  // A spec without operations has no paths to index; `import type {}` would not even parse.
  const schemaImport: StatementStructures[] =
    model.operations.length > 0
      ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: options.schemaModule, namedImports: ['paths'] }]
      : [];
  const statements: (string | StatementStructures | WriterFunction)[] = [
    ...schemaImport,
    contractSource.trim(),
    exportedConst({
      docs: `The servers the spec lists; \`{name}\` placeholders are server variables.`,
      name: 'servers',
      initializer: (writer) => {
        writeLiteral(
          writer,
          model.servers.map((server) => ({
            url: server.url,
            variables: Object.fromEntries(server.variables.map((v) => [v.name, { default: v.default, enum: v.enum }])),
          })),
        );
        writer.write(' as const satisfies readonly ServerDescriptor[]');
      },
    }),
    exportedConst({
      docs: 'What a runtime needs of `servers`: each URL template with its variables\' defaults (the enums stay out of client bundles).',
      name: 'serverTemplates',
      initializer: (writer) => {
        writeLiteral(
          writer,
          model.servers.map((server) => ({ url: server.url, defaults: Object.fromEntries(server.variables.map((v) => [v.name, v.default])) })),
        );
        writer.write(' as const satisfies readonly { readonly url: string; readonly defaults: { readonly [name: string]: string } }[]');
      },
    }),
    exportedConst({
      docs: 'The security schemes the spec defines, by name.',
      name: 'securitySchemes',
      initializer: (writer) => {
        writeLiteral(
          writer,
          Object.fromEntries(
            model.securitySchemes.map((scheme) => [
              scheme.name,
              scheme.type === 'apiKey'
                ? { type: scheme.type, in: scheme.in, name: scheme.parameterName }
                : scheme.type === 'http'
                  ? { type: scheme.type, scheme: scheme.scheme, signing: scheme.signing }
                  : { type: scheme.type },
            ]),
          ),
        );
        writer.write(' as const satisfies { readonly [name: string]: SecuritySchemeDescriptor }');
      },
    }),
    exportedConst({
      docs: 'Every operation of the spec, by operationId.',
      name: 'operationDescriptors',
      initializer: (writer) => {
        writeLiteral(writer, Object.fromEntries(model.operations.map((operation) => [operation.operationId, descriptorOf(operation, model)])));
        writer.write(' as const satisfies { readonly [operationId: string]: OperationDescriptor }');
      },
    }),
    exportedConst({
      docs: 'Error codes the spec documents (`x-error-codes`), with the status each comes with. The set is open: other codes occur.',
      name: 'knownErrorCodes',
      initializer: (writer) => {
        writeLiteral(writer, Object.fromEntries(model.errorCodes.map((entry) => [entry.code, { status: entry.status, description: entry.description }])));
        writer.write(' as const');
      },
    }),
    exportedConst({
      docs: 'Where an error body keeps its code and message (`x-error-codes` and `x-error-message` in the spec); empty when the spec marks neither.',
      name: 'errorFields',
      initializer: (writer) => {
        writeLiteral(writer, { code: model.errorFields?.code, message: model.errorFields?.message });
        writer.write(' as const satisfies { readonly code?: string; readonly message?: string }');
      },
    }),
    requestIdHeadersStatement(model),
    {
      kind: StructureKind.TypeAlias,
      name: 'KnownErrorCode',
      isExported: true,
      docs: jsDoc('An error code the spec documents.'),
      type: model.errorCodes.length > 0 ? 'keyof typeof knownErrorCodes' : 'never',
    },
    {
      kind: StructureKind.TypeAlias,
      name: 'ErrorCode',
      isExported: true,
      docs: jsDoc('An error code: one the spec documents (editors complete these) or any other string.'),
      type: 'KnownErrorCode | (string & {})',
    },
    {
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
    },
    ...model.operations.flatMap(operationStatements),
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

  // Blank lines between top-level declarations; structures alone would pack const statements together.
  const spaced = statements.flatMap((statement, index) => (index === 0 ? [statement] : [(writer: CodeBlockWriter) => writer.blankLineIfLastNot(), statement]));
  return `${options.header}\n${printSourceFile(project, { statements: spaced })}`;
}

/** The part of ts-morph's project context that prints structures (not in its public typings). */
interface StructurePrinting {
  _context: {
    createWriter(): CodeBlockWriter;
    structurePrinterFactory: { forSourceFile(options: { isAmbient: boolean }): { printText(writer: CodeBlockWriter, structure: OptionalKind<SourceFileStructure>): void } };
  };
}

/**
 * The text of a source file made of `structure`, printed by ts-morph's structure printer with the
 * project's settings: what `project.createSourceFile(name, structure).getFullText()` returns,
 * without parsing the printed text back into a syntax tree nobody reads (half the emit time on a
 * large spec). The printer is reached through ts-morph's project context, which its typings do not
 * expose; ts-morph is pinned, and the goldens would show any change in what it prints.
 */
function printSourceFile(project: ProjectType, structure: OptionalKind<SourceFileStructure>): string {
  const context = (project as unknown as StructurePrinting)._context;
  const writer = context.createWriter();
  context.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, structure);
  return writer.toString();
}
