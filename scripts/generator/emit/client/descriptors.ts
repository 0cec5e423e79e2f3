/**
 * Operation descriptors: what a runtime needs to send one operation and read its answer, as plain
 * data. Typed by the runtime contract (runtime-contract.ts), the same types client.gen.ts carries,
 * so what the emitter writes is checked against what the runtime reads.
 */
import type { ApiModel, OperationModel, ResponseHeaderModel } from '../../model/api-model.js';
import { isJsonMediaType } from '../../model/media-types.js';
import { deprecationMessage } from './operation-text.js';
import { isSuccess } from './operation-types.js';
import type { OperationDescriptor, ResponseHeaderDescriptor } from './runtime-contract.js';

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
function signingOf(operation: OperationModel, model: ApiModel): OperationDescriptor['signing'] {
  for (const alternative of operation.security) {
    const scheme = alternative.length === 1 ? model.securitySchemes.find((candidate) => candidate.name === alternative[0]) : undefined;
    if (scheme?.type === 'http' && scheme.signing) return { scheme: scheme.name, ...scheme.signing };
  }
  return undefined;
}

export function descriptorOf(operation: OperationModel, model: ApiModel): OperationDescriptor {
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
      fields: operation.requestBody.fields?.map((field) => ({
        name: field.name,
        required: field.required || undefined,
        type: field.type,
        nullable: field.nullable || undefined,
        rules: field.rules,
      })),
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
    paging: operation.paging,
  };
}

/** What a runtime needs to decode one response header; a plain string header needs only its names. */
function headerDescriptorOf(header: ResponseHeaderModel): ResponseHeaderDescriptor {
  return {
    name: header.name,
    output: header.outputName,
    type: header.type === 'string' ? undefined : header.type,
    enum: header.enum,
    contentEncoding: header.contentEncoding,
    contentMediaType: header.contentMediaType,
  };
}
