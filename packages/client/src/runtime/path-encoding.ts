/**
 * Path parameters on the wire. FunctionGraph's docs and official SDKs send a URN raw
 * (`urn:fss:…:function:default:name:!alias`), so `:` and `!` stay as they are. Everything that
 * could change the route (`/ ? # %`, spaces, controls, non-ASCII) is percent-encoded, and a value
 * that is itself a dot segment is refused, since URL parsers resolve `.` and `..` away.
 */
import { fail } from '../errors.js';
import type { ValueRules } from '../generated.js';
import { checkValue } from './value-rules.js';

export function encodePathParameter(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

export function checkPathParameter(argument: string, value: unknown, rules?: ValueRules): string {
  if (value === undefined || value === null || value === '') fail(argument, 'is required');
  if (typeof value !== 'string' && typeof value !== 'number') {
    fail(argument, `must be a string, got ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const text = String(value);
  if (text === '.' || text === '..') fail(argument, `must not be "${text}" (a dot segment)`);
  try {
    encodeURIComponent(text);
  } catch {
    fail(argument, 'has a lone surrogate');
  }
  checkValue(argument, value, rules);
  return text;
}

/** An openapi-fetch path serializer: fills `{name}` placeholders with checked, encoded values. */
export function serializePath(pathname: string, pathParams: Record<string, unknown> | undefined): string {
  return pathname.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodePathParameter(checkPathParameter(`path parameter ${name}`, pathParams?.[name])),
  );
}
