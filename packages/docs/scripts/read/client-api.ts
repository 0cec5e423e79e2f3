/**
 * What the docs know of the client package, all of it through its public exports: the operation
 * descriptors the generator resolved (method, path, inputs, the headers a token fills, how a
 * request is signed), the error codes it knows, the variables `credentialsFromEnv` reads, and the
 * public names a sample calls. The names below are checked against the package's declarations, so
 * a rename in the client fails the docs' type check instead of shipping a page that no longer
 * compiles (the samples themselves are compiled against the built package by the tests).
 */
import type * as Client from '@fgs-openapi/client';

export type { OperationDescriptor, ParameterDescriptor } from '@fgs-openapi/client';

/** A value the package exports. */
export type ValueExport = keyof typeof Client;

/** The variables `credentialsFromEnv` reads, under the client's keys. */
export type CredentialVariables = { readonly [K in keyof typeof Client.CREDENTIAL_VARIABLES]: string };

/** The error codes the spec documents, as the client exports them (`knownErrorCodes`). */
export type KnownErrorCodes = { readonly [code: string]: { readonly status?: number; readonly description: string } };

/** The signing an operation's descriptor names: the scheme's name and its `x-signing`. */
export type OperationSigning = NonNullable<Client.OperationDescriptor['signing']>;

/** The client's public names that samples and the landing text use. */
export const CLIENT = {
  packageName: '@fgs-openapi/client',
  factory: 'createFunctionGraphClient' satisfies ValueExport,
  apiError: 'FunctionGraphApiError' satisfies ValueExport,
  /** The 401 error; `signing` holds what was signed when the gateway rejected a signature. */
  authError: 'AuthenticationError' satisfies ValueExport,
  /** Reads an access key pair from the environment (`CREDENTIAL_VARIABLES`), returning `{ credentials, projectId? }`. */
  credentialsFromEnv: 'credentialsFromEnv' satisfies ValueExport,
  /** The chain a client on Node uses when given neither option: environment, profile file, instance metadata. */
  defaultCredentials: 'defaultCredentials' satisfies ValueExport,
  credentialsFromProfile: 'credentialsFromProfile' satisfies ValueExport,
  credentialsFromMetadata: 'credentialsFromMetadata' satisfies ValueExport,
  /** A function's own temporary keys, from the context its handler receives. */
  credentialsFromContext: 'credentialsFromContext' satisfies ValueExport,
  /** The context's type, as the client declares the part it reads. */
  contextType: 'FunctionGraphContext',
  /** A token provider that gets and renews IAM tokens. */
  iamToken: 'iamToken' satisfies ValueExport,
  /** The error of a provider, and of the chain when no source has credentials. */
  credentialsError: 'FunctionGraphCredentialsError' satisfies ValueExport,
  /** The error codes the spec documents, with their status and meaning. */
  knownErrorCodes: 'knownErrorCodes' satisfies ValueExport,
  /** The option that sends a token. */
  tokenOption: 'token' satisfies keyof Client.FunctionGraphClientOptions,
  /** The option that signs requests with an access key pair. */
  credentialsOption: 'credentials' satisfies keyof Client.FunctionGraphClientOptions,
  /** The client's type of an access key pair (a type, so only the samples' compile check sees it). */
  credentialsType: 'Credentials',
} as const;

/** An operation of the client, by the id its descriptor carries. */
export type OperationId = keyof typeof Client.operationDescriptors;

