/**
 * Response headers as the spec describes them: each documented header of a successful answer is
 * decoded by its schema's words (`contentEncoding: base64` → text, `contentMediaType:
 * application/json` → parsed, `integer`/`number`/`boolean` → parsed) and put under its client
 * name. A header that cannot be decoded never fails the call: it is kept as it arrived, with what
 * was wrong, in `malformed`.
 */
import type { ResponseHeaderDescriptor } from '../generated.js';

/** Documented headers that could not be decoded, by client name. */
export type MalformedHeaders = Record<string, { readonly header: string; readonly raw: string; readonly problem: string }>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(spec: ResponseHeaderDescriptor, raw: string): unknown {
  let text = raw;
  if (spec.contentEncoding) {
    if (!/^base64$/i.test(spec.contentEncoding)) throw new Error(`has an encoding this client does not read (${spec.contentEncoding})`);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw) || raw.length % 4 === 1) throw new Error('is not Base64');
    try {
      text = utf8.decode(Uint8Array.from(atob(raw), (c) => c.charCodeAt(0)));
    } catch {
      throw new Error('is not Base64 of UTF-8 text');
    }
  }
  let value: unknown = text;
  if (spec.contentMediaType && /json$/i.test(spec.contentMediaType)) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new Error('is not JSON');
    }
  } else if (spec.type === 'boolean') {
    if (!/^(true|false)$/i.test(text)) throw new Error('is not true or false');
    value = text.toLowerCase() === 'true';
  } else if (spec.type) {
    value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value) || (spec.type === 'integer' && !Number.isInteger(value))) throw new Error(`is not ${spec.type === 'integer' ? 'a whole number' : 'a number'}`);
  }
  if (spec.enum && !spec.enum.includes(value as string)) throw new Error(`is not one of ${spec.enum.join(', ')}`);
  return value;
}

export function decodeHeaders(specs: readonly ResponseHeaderDescriptor[] | undefined, headers: Headers): { values: Record<string, unknown>; malformed: MalformedHeaders } {
  const values: Record<string, unknown> = {};
  const malformed: MalformedHeaders = {};
  for (const spec of specs ?? []) {
    const raw = headers.get(spec.name);
    if (raw === null) continue;
    try {
      values[spec.output] = decode(spec, raw);
    } catch (error) {
      malformed[spec.output] = { header: spec.name, raw, problem: `${spec.name} ${(error as Error).message}; kept as it arrived` };
    }
  }
  return { values, malformed };
}
