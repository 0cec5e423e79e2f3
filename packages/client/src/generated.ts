/**
 * The one place the runtime reaches the generator's output. Everything operation-specific
 * (paths, parameters, security, types) comes through here; the rest of src/ is generic.
 */
export * from '../../../generated/client.gen.js';
export type { paths, components, operations } from '../../../generated/schema.gen.js';
