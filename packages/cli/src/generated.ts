/**
 * The one place the command line reaches the generator's output: the spec's words for each
 * operation and its inputs, for `fgs call <operationId> --help`. Everything the command line sends
 * comes from the client's public API (`operationDescriptors` and the client).
 */
export { operationDocs } from '../../../generated/operation-docs.gen.js';
export type { OperationDoc } from '../../../generated/operation-docs.gen.js';
