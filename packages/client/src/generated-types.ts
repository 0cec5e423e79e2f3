/**
 * The generated types, and only types: what the package re-exports of the generator's output
 * (index.ts), so that its declarations name every generated type, a new operation's included, and
 * never a value the JavaScript lacks. The generated values the package exports are listed by name
 * in index.ts.
 */
export type * from '../../../generated/client-types.gen.js';
export type { paths, components, operations } from '../../../generated/schema.gen.js';
