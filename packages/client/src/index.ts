export { createFunctionGraphClient } from './client.js';
export type { CallOptions, FunctionGraphClient, FunctionGraphClientOptions } from './client.js';
export type { TokenOption, TokenProvider } from './auth.js';
export type { KnownRegion } from './server-url.js';
export {
  FunctionGraphApiError,
  FunctionGraphConnectionError,
  FunctionGraphError,
  FunctionGraphInputError,
  FunctionGraphResponseError,
} from './errors.js';
export { encodePathParameter } from './path-encoding.js';
export { knownErrorCodes, operationDescriptors } from './generated.js';
export type * from './generated.js';
