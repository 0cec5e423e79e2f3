/** A parsed JSON (or YAML) object, as the generator reads the spec. */
export type Json = Record<string, unknown>;

/** A plain object: not null, not an array. */
export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
