/**
 * Path parameters on the wire. FunctionGraph's docs and official SDKs send a URN raw
 * (`urn:fss:…:function:default:name:!alias`), so `:` and `!` stay as they are. Everything that
 * could change the route (`/ ? # %`, spaces, controls, non-ASCII) is percent-encoded, and a value
 * that is itself a dot segment is refused, since URL parsers resolve `.` and `..` away.
 */
import { fail } from '../errors.js';
import type { ValueRules } from '../generated.js';
import { valueCheck, type ValueCheck } from './value-rules.js';

export function encodePathParameter(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

/** Checks a path parameter value; returns it as text, before encoding. */
export type PathParameterCheck = (argument: string, value: unknown) => string;

/**
 * The check of one path parameter: present, a string or number, not a dot segment, well-formed
 * UTF-16, then the spec's rules. `whereFrom` says, after "is required", where a missing value can come from.
 */
export function pathParameterCheck(rules?: ValueRules, whereFrom = ''): PathParameterCheck {
  const check: ValueCheck = valueCheck(rules);
  return (argument, value) => {
    if (value === undefined || value === null || value === '') fail(argument, `is required${whereFrom}`);
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
    return check(argument, value);
  };
}

/** The check of a path parameter the raw client fills: the rules every path value has, none of the spec's. */
let anyPathParameter: PathParameterCheck | undefined;

/** An openapi-fetch path serializer: fills `{name}` placeholders with checked, encoded values. */
export function serializePath(pathname: string, pathParams: Record<string, unknown> | undefined): string {
  const check = (anyPathParameter ??= pathParameterCheck());
  return pathname.replace(/\{([^}]+)\}/g, (_, name: string) => encodePathParameter(check(`path parameter ${name}`, pathParams?.[name])));
}
