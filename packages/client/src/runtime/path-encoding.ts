/**
 * Path parameters on the wire. FunctionGraph's docs and official SDKs send a URN raw
 * (`urn:fss:…:function:default:name:!alias`), so `:` and `!` stay as they are. Everything that
 * could change the route (`/ ? # %`, spaces, controls, non-ASCII) is percent-encoded, and a value
 * that is itself a dot segment is refused, since URL parsers resolve `.` and `..` away.
 */
import { fail } from '../errors.js';
import type { ValueRules } from '../generated.js';

export function encodePathParameter(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':');
}

const compiled = new Map<string, RegExp>();

/** Checks one string value against the spec's rules for it; the error names the argument and the rule. */
export function checkRules(argument: string, text: string, rules: ValueRules | undefined): void {
  if (!rules) return;
  // Lengths count code points, as JSON Schema does.
  const length = [...text].length;
  const { minLength = 0, maxLength = Infinity, pattern } = rules;
  if (length < minLength || length > maxLength) fail(argument, `must be ${minLength} to ${maxLength} characters long, got ${length}`);
  // Compiled once per pattern: this runs on every call.
  const regex = pattern === undefined ? undefined : (compiled.get(pattern) ?? compiled.set(pattern, new RegExp(pattern, 'u')).get(pattern)!);
  if (regex && !regex.test(text)) {
    fail(argument, `must match ${rules.patternDescription ?? rules.pattern}`);
  }
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
  checkRules(argument, text, rules);
  return text;
}

/** An openapi-fetch path serializer: fills `{name}` placeholders with checked, encoded values. */
export function serializePath(pathname: string, pathParams: Record<string, unknown> | undefined): string {
  return pathname.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodePathParameter(checkPathParameter(`path parameter ${name}`, pathParams?.[name])),
  );
}
