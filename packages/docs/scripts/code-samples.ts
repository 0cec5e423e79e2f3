/**
 * Prints a call plan as the two samples Redoc shows beside each operation (`x-codeSamples`):
 * TypeScript with the published client, and curl. Every value comes from the plan, that is from
 * the spec; the only names written here are the client's public ones.
 */

import type { CallPlan } from './call-plan.js';
import { isObject, type Json } from './spec-values.js';

/** The client package's public names that a sample uses. */
export const CLIENT = {
  packageName: '@fgs-openapi/client',
  factory: 'createFunctionGraphClient',
  apiError: 'FunctionGraphApiError',
} as const;

/** The environment variable samples read the token from: never a token-like literal. */
export const TOKEN_ENV = 'HUAWEICLOUD_TOKEN';

export interface CodeSample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

export function codeSamples(plan: CallPlan): CodeSample[] {
  return [
    { lang: 'TypeScript', label: CLIENT.packageName, source: typescriptSample(plan) },
    { lang: 'Shell', label: 'curl', source: curlSample(plan) },
  ];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const WIDTH = 100;
/** Comments wrap earlier than code: the sample panel beside the reference is narrow. */
const COMMENT_WIDTH = 80;

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** A JSON value as a TypeScript literal: on one line when it fits, else one member per line. */
export function literal(value: Json, indent = 0): string {
  const inline = inlineLiteral(value);
  if (indent + inline.length <= WIDTH - 20 || !(Array.isArray(value) || isObject(value))) return inline;
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${pad}${literal(v, indent + 2)},\n`).join('')}${close}]`;
  }
  const members = Object.entries(value).map(([k, v]) => `${pad}${key(k)}: ${literal(v, indent + 2)},\n`);
  return `{\n${members.join('')}${close}}`;
}

function inlineLiteral(value: Json): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inlineLiteral).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => `${key(k)}: ${inlineLiteral(v)}`);
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

/** `text` as `//` comment lines of at most COMMENT_WIDTH columns (a longer word stays whole). */
function comment(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + 3 + line.length + 1 + word.length > COMMENT_WIDTH) {
      lines.push(`${indent}// ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(`${indent}// ${line}`);
  return lines;
}

function member(name: string, value: string, indent: string): string {
  return `${indent}${key(name)}: ${value},`;
}

export function typescriptSample(plan: CallPlan): string {
  const options = [
    ...plan.serverVariables.map(([name, value]) => member(name, quote(value), '  ')),
    ...plan.parameters.filter((p) => p.clientDefault).map((p) => member(p.input, literal(p.value, 2), '  ')),
  ];
  if (plan.credential) {
    options.push(
      ...comment('Or a function (sync or async) that returns a fresh token.', '  '),
      member('token', `process.env.${TOKEN_ENV}!`, '  '),
    );
  }

  const input = plan.parameters.filter((p) => !p.clientDefault).map((p) => member(p.input, literal(p.value, 4), '    '));
  if (plan.body) input.push(member('body', literal(plan.body.value, 4), '    '));
  const args = input.length === 0 ? '{}' : `{\n${input.join('\n')}\n  }`;
  const call = `client.${plan.operationId}(${args})`;

  const lines = [
    `import { ${CLIENT.factory}, ${CLIENT.apiError} } from '${CLIENT.packageName}';`,
    '',
    `const client = ${CLIENT.factory}(${options.length === 0 ? '' : `{\n${options.join('\n')}\n}`});`,
    '',
    'try {',
    ...(plan.deprecation ? comment(plan.deprecation, '  ') : []),
  ];
  if (plan.result) {
    lines.push(`  const result = await ${call};`);
    lines.push(plan.result.property ? `  console.log(result.${plan.result.property});` : '  console.log(result);');
  } else {
    lines.push(`  await ${call};`);
  }
  lines.push(
    '} catch (error) {',
    `  if (!(error instanceof ${CLIENT.apiError})) throw error;`,
    ...comment('An error answer: match on errorCode; quote requestId in a support ticket.', '  '),
    '  console.error(error.status, error.errorCode, error.errorMsg, error.requestId);',
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/** A word for a POSIX shell, in single quotes unless it is plain. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A parameter value as it travels in a URL: a path segment keeps the characters RFC 3986 §3.3
 * allows in one (`:`, `@`, `!`, `$`, …) and percent-encodes the rest; a query value also encodes
 * `&`, `=` and `+`.
 */
function urlText(value: Json, where: 'path' | 'query'): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const encoded = encodeURIComponent(text);
  return where === 'query' ? encoded : encoded.replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function curlSample(plan: CallPlan): string {
  const values = new Map(plan.parameters.map((p) => [`${p.in}:${p.name}`, p.value]));
  const path = plan.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = values.get(`path:${name}`);
    return value === undefined ? whole : urlText(value, 'path');
  });
  const query = plan.parameters
    .filter((p) => p.in === 'query')
    .map((p) => `${encodeURIComponent(p.name)}=${urlText(p.value, 'query')}`);
  const headers = plan.parameters
    .filter((p) => p.in === 'header')
    .map((p) => shellWord(`${p.name}: ${typeof p.value === 'string' ? p.value : JSON.stringify(p.value)}`));
  const cookies = plan.parameters
    .filter((p) => p.in === 'cookie')
    .map((p) => `${p.name}=${typeof p.value === 'string' ? p.value : JSON.stringify(p.value)}`);

  const credential = plan.credential;
  if (credential?.in === 'header') headers.unshift(`"${credential.name}: ${credential.prefix}$${TOKEN_ENV}"`);
  if (credential?.in === 'cookie') cookies.push(`${credential.name}=$${TOKEN_ENV}`);

  const url = `${plan.serverUrl.replace(/\/$/, '')}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  // The query credential is added outside the quotes, so the shell expands the variable.
  const urlWord = credential?.in === 'query'
    ? `${shellWord(`${url}${query.length > 0 ? '&' : '?'}${credential.name}=`)}"$${TOKEN_ENV}"`
    : `'${url.replace(/'/g, `'\\''`)}'`;

  const lines = [`curl -X ${plan.method.toUpperCase()} ${urlWord}`];
  for (const header of headers) lines.push(`-H ${header}`);
  if (cookies.length > 0) lines.push(`-b "${cookies.join('; ')}"`);
  if (plan.body) {
    lines.push(`-H ${shellWord(`Content-Type: ${plan.body.mediaType}`)}`);
    const data = typeof plan.body.value === 'string' ? plan.body.value : JSON.stringify(plan.body.value);
    lines.push(`-d ${shellWord(data)}`);
  }
  return `${lines.join(' \\\n  ')}\n`;
}
