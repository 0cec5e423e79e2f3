/**
 * The data tables of client.gen.ts, each an exported constant checked against the runtime
 * contract with `satisfies`: the servers, the security schemes, every operation's descriptor, the
 * documented error codes and where an error body keeps them, and the request-id headers.
 */
import type { WriterFunction } from 'ts-morph';
import type { ApiModel } from '../../model/api-model.js';
import { writeLiteral } from '../literal.js';
import { descriptorOf } from './descriptors.js';
import { exportedConst, jsDoc } from './doc-comments.js';
import type { Statement } from './print.js';
import type { SecuritySchemeDescriptor, ServerDescriptor } from './runtime-contract.js';
import { StructureKind } from './ts-morph.js';

/** The tables in the order client.gen.ts lists them, with the error-code types after them. */
export function tableStatements(model: ApiModel): Statement[] {
  return [
    serversStatement(model),
    serverTemplatesStatement(model),
    securitySchemesStatement(model),
    exportedConst({
      docs: 'Every operation of the spec, by operationId.',
      name: 'operationDescriptors',
      initializer: (writer) => {
        writeLiteral(writer, Object.fromEntries(model.operations.map((operation) => [operation.operationId, descriptorOf(operation, model)])));
        writer.write(' as const satisfies { readonly [operationId: string]: OperationDescriptor }');
      },
    }),
    ...errorCodeStatements(model),
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
  ];
}

function serversStatement(model: ApiModel): WriterFunction {
  return exportedConst({
    docs: `The servers the spec lists; \`{name}\` placeholders are server variables.`,
    name: 'servers',
    initializer: (writer) => {
      const servers: ServerDescriptor[] = model.servers.map((server) => ({
        url: server.url,
        variables: Object.fromEntries(server.variables.map((v) => [v.name, { default: v.default, enum: v.enum }])),
      }));
      writeLiteral(writer, servers);
      writer.write(' as const satisfies readonly ServerDescriptor[]');
    },
  });
}

function serverTemplatesStatement(model: ApiModel): WriterFunction {
  return exportedConst({
    docs: 'What a runtime needs of `servers`: each URL template with its variables\' defaults (the enums stay out of client bundles).',
    name: 'serverTemplates',
    initializer: (writer) => {
      writeLiteral(
        writer,
        model.servers.map((server) => ({ url: server.url, defaults: Object.fromEntries(server.variables.map((v) => [v.name, v.default])) })),
      );
      writer.write(' as const satisfies readonly { readonly url: string; readonly defaults: { readonly [name: string]: string } }[]');
    },
  });
}

function securitySchemesStatement(model: ApiModel): WriterFunction {
  return exportedConst({
    docs: 'The security schemes the spec defines, by name.',
    name: 'securitySchemes',
    initializer: (writer) => {
      const schemes = model.securitySchemes.map((scheme): [string, SecuritySchemeDescriptor] => [
        scheme.name,
        scheme.type === 'apiKey'
          ? { type: scheme.type, in: scheme.in, name: scheme.parameterName }
          : scheme.type === 'http'
            ? { type: scheme.type, scheme: scheme.scheme, signing: scheme.signing }
            : { type: scheme.type },
      ]);
      writeLiteral(writer, Object.fromEntries(schemes));
      writer.write(' as const satisfies { readonly [name: string]: SecuritySchemeDescriptor }');
    },
  });
}

function errorCodeStatements(model: ApiModel): WriterFunction[] {
  return [
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
  ];
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
