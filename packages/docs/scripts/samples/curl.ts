/**
 * Stage 3: an operation's call as a curl command: the same call as the TypeScript sample, as it
 * travels on the wire. The token goes in the headers the operation's descriptor names
 * (`tokenHeaders`, resolved by the generator), as the client sends it.
 */

import type { Json } from '../read/spec-values.js';
import type { CallPlan } from '../plan/call-plan.js';
import { TOKEN_ENV } from './conventions.js';

export function curlSample(plan: CallPlan): string {
  const { method, path, tokenHeaders = [] } = plan.operation;
  const query = plan.parameters
    .filter((p) => p.in === 'query')
    .map((p) => `${encodeURIComponent(p.name)}=${urlText(p.value, 'query')}`);
  const headers = [
    // Double quotes, so the shell expands the variable.
    ...tokenHeaders.map((name) => `"${name}: $${TOKEN_ENV}"`),
    ...plan.parameters.filter((p) => p.in === 'header').map((p) => shellWord(`${p.name}: ${text(p.value)}`)),
  ];
  const cookies = plan.parameters.filter((p) => p.in === 'cookie').map((p) => `${p.name}=${text(p.value)}`);

  const url = `${plan.server.url.replace(/\/$/, '')}${filledPath(plan, path)}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  const lines = [`curl -X ${method.toUpperCase()} '${url.replace(/'/g, `'\\''`)}'`];
  for (const header of headers) lines.push(`-H ${header}`);
  if (cookies.length > 0) lines.push(`-b "${cookies.join('; ')}"`);
  if (plan.body) {
    lines.push(`-H ${shellWord(`Content-Type: ${plan.body.mediaType}`)}`);
    lines.push(`-d ${shellWord(text(plan.body.value))}`);
  }
  return `${lines.join(' \\\n  ')}\n`;
}

/** The path with each `{name}` replaced by its planned value. */
function filledPath(plan: CallPlan, path: string): string {
  const values = new Map(plan.parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.value]));
  return path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = values.get(name);
    return value === undefined ? whole : urlText(value, 'path');
  });
}

function text(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A word for a POSIX shell, in single quotes unless it is plain. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * A parameter value as it travels in a URL: a path segment keeps the characters RFC 3986 §3.3
 * allows in one (`:`, `@`, `!`, `$`, …) and percent-encodes the rest; a query value also encodes
 * `&`, `=` and `+`.
 */
function urlText(value: Json, where: 'path' | 'query'): string {
  const encoded = encodeURIComponent(text(value));
  return where === 'query' ? encoded : encoded.replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
