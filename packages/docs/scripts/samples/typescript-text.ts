/**
 * TypeScript source text: JSON values as literals and as types, string quoting, and comments
 * wrapped for the narrow sample panel beside the reference.
 */

import { isObject, type Json } from '../read/spec-values.js';

export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const WIDTH = 100;
/** Comments wrap earlier than code: the sample panel beside the reference is narrow. */
const COMMENT_WIDTH = 80;

export function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** A property name: bare when it is an identifier, quoted otherwise. */
function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** `name: value,` at `indent`. */
export function member(name: string, value: string, indent: string): string {
  return `${indent}${key(name)}: ${value},`;
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

/** A JSON value's shape as a TypeScript type, members one per line below `indent`. */
export function typeOf(value: Json, indent = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const item = value.length > 0 ? typeOf(value[0]!, indent) : 'unknown';
    return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return 'Record<string, unknown>';
    const pad = ' '.repeat(indent + 2);
    return `{\n${entries.map(([k, v]) => `${pad}${key(k)}: ${typeOf(v, indent + 2)};\n`).join('')}${' '.repeat(indent)}}`;
  }
  return typeof value;
}

/** `text` as `//` comment lines of at most COMMENT_WIDTH columns (a longer word stays whole). */
export function comment(text: string, indent: string): string[] {
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
