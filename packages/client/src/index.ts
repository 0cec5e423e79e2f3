export { createFunctionGraphClient } from './client.js';
export type { FunctionGraphClient, WithResponse } from './client.js';
export { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from './options.js';
export type { CallOptions, FetchFunction, FunctionGraphClientOptions } from './options.js';
export type { ApiResponse, ErrorBodyFields } from './runtime/answer.js';
export type { PageOptions } from './runtime/paginate.js';
export type { MalformedHeaders } from './runtime/response-headers.js';
export type { FunctionFailure, InvokeSummary, SyncInvocation } from './lib/sync-invocation.js';
export { waitForAsyncInvocation } from './lib/waiter.js';
export type { AsyncInvocationLister, AsyncInvocationRecord, AsyncInvocationStatus, AsyncInvocationTarget, WaitOptions } from './lib/waiter.js';
export type { Backoff } from './runtime/retry.js';
export { createRawClient } from './raw.js';
export type { RawClient } from './raw.js';
export type { RawClientOptions } from './options.js';
export { functionUrn, parseFunctionUrn } from './urn.js';
export type { FunctionUrnParts } from './urn.js';
export type { TokenOption, TokenProvider, TokenRequest } from './auth/token.js';
export type { Credentials, CredentialsOption, CredentialsProvider } from './auth/credentials.js';
export { credentialsFromEnv, CREDENTIAL_VARIABLES } from './auth/environment.js';
export type { EnvironmentCredentials } from './auth/environment.js';
export { credentialsFromMetadata, credentialsFromProfile, defaultCredentials, iamToken } from './auth/providers/lazy-providers.js';
export type { DefaultCredentialsOptions } from './auth/providers/chain.js';
export type { ProfileOptions } from './auth/providers/profile.js';
export type { MetadataOptions } from './auth/providers/metadata.js';
export { credentialsFromContext } from './auth/providers/context.js';
export type { FunctionGraphContext } from './auth/providers/context.js';
export type { IamAgencyOptions, IamPasswordOptions, IamTokenOptions, IamTokenProvider } from './auth/providers/iam-token.js';
export type { SigningDetails } from './auth/signing-details.js';
export type { KnownRegion } from './runtime/server-url.js';
export type { NodeAgent } from './transport/node-agent.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  FunctionGraphAbortError,
  FunctionGraphApiError,
  FunctionGraphAsyncInvocationError,
  FunctionGraphAsyncRecordNotFoundError,
  FunctionGraphConnectionError,
  FunctionGraphCredentialsError,
  FunctionGraphError,
  FunctionGraphInputError,
  FunctionGraphResponseError,
  FunctionGraphTimeoutError,
  FunctionGraphWaitTimeoutError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
} from './errors.js';
export type { AnswerFacts, ApiErrorFacts, CallFacts, CredentialsSourceFailure, WaitFacts } from './errors.js';
export { encodePathParameter } from './runtime/path-encoding.js';
export { knownErrorCodes, operationDescriptors } from './generated.js';
export type * from './generated-types.js';
