/**
 * The runtime's reading of documented response headers, for any spec: one row per header
 * descriptor and raw value, and what the caller gets (the decoded value, or the raw value kept
 * with the problem named). The runtime names no API's header; these descriptors are made up.
 */
import { describe, expect, it } from 'vitest';
import { decodeHeaders } from '../src/runtime/response-headers.js';
import type { ResponseHeaderDescriptor } from '../src/index.js';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const rows: [string, { spec: ResponseHeaderDescriptor; raw: string; value?: unknown; problem?: string }][] = [
  ['a plain string', { spec: { name: 'X-Id', output: 'id' }, raw: 'abc', value: 'abc' }],
  ['Base64 text, UTF-8 inside', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'base64' }, raw: b64('Grüße\n日本'), value: 'Grüße\n日本' }],
  ['Base64 without padding', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'base64' }, raw: 'YWI', value: 'ab' }],
  ['not Base64', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'base64' }, raw: 'a*b', problem: 'X-Log is not Base64; kept as it arrived' }],
  ['Base64 of bytes that are not UTF-8', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'base64' }, raw: Buffer.from([0xff, 0xfe]).toString('base64'), problem: 'X-Log is not Base64 of UTF-8 text; kept as it arrived' }],
  ['Base64 one character past a whole group (never valid Base64)', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'base64' }, raw: 'QUJDR', problem: 'X-Log is not Base64; kept as it arrived' }],
  ['an encoding named in capitals', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'BASE64' }, raw: 'YWI=', value: 'ab' }],
  ['an encoding that only ends in base64', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'xbase64' }, raw: 'YWI=', problem: 'X-Log has an encoding this client does not read (xbase64); kept as it arrived' }],
  ['an encoding that only begins with base64', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'base64url' }, raw: 'YWI', problem: 'X-Log has an encoding this client does not read (base64url); kept as it arrived' }],
  ['an encoding the runtime does not read', { spec: { name: 'X-Log', output: 'log', contentEncoding: 'base32' }, raw: 'MFRGG', problem: 'X-Log has an encoding this client does not read (base32); kept as it arrived' }],
  ['JSON', { spec: { name: 'X-Stats', output: 'stats', contentMediaType: 'application/json' }, raw: '{"frames":3}', value: { frames: 3 } }],
  ['Base64 of JSON', { spec: { name: 'X-Stats', output: 'stats', contentEncoding: 'base64', contentMediaType: 'application/json' }, raw: b64('[1,2]'), value: [1, 2] }],
  ['broken JSON', { spec: { name: 'X-Stats', output: 'stats', contentMediaType: 'application/json' }, raw: '{frames:3', problem: 'X-Stats is not JSON; kept as it arrived' }],
  ['JSON text sequences (not one JSON text)', { spec: { name: 'X-Stats', output: 'stats', contentMediaType: 'application/json-seq' }, raw: '{"frames":3}', value: '{"frames":3}' }],
  ['a structured +json type', { spec: { name: 'X-Stats', output: 'stats', contentMediaType: 'application/problem+json' }, raw: '{"frames":3}', value: { frames: 3 } }],
  ['text that looks like JSON', { spec: { name: 'X-Stats', output: 'stats', contentMediaType: 'text/plain' }, raw: '{"frames":3}', value: '{"frames":3}' }],
  ['an integer', { spec: { name: 'X-Total', output: 'total', type: 'integer' }, raw: '-42', value: -42 }],
  ['a fraction as an integer', { spec: { name: 'X-Total', output: 'total', type: 'integer' }, raw: '4.2', problem: 'X-Total is not a whole number; kept as it arrived' }],
  ['an empty integer', { spec: { name: 'X-Total', output: 'total', type: 'integer' }, raw: '', problem: 'X-Total is not a whole number; kept as it arrived' }],
  ['a number', { spec: { name: 'X-Ratio', output: 'ratio', type: 'number' }, raw: '0.25', value: 0.25 }],
  ['a fraction as a number', { spec: { name: 'X-Ratio', output: 'ratio', type: 'number' }, raw: '-1.5e3', value: -1500 }],
  ['a word as a number', { spec: { name: 'X-Ratio', output: 'ratio', type: 'number' }, raw: 'half', problem: 'X-Ratio is not a number; kept as it arrived' }],
  ['true', { spec: { name: 'X-More', output: 'more', type: 'boolean' }, raw: 'true', value: true }],
  ['a boolean with more after it', { spec: { name: 'X-More', output: 'more', type: 'boolean' }, raw: 'trueish', problem: 'X-More is not true or false; kept as it arrived' }],
  ['a boolean with more before it', { spec: { name: 'X-More', output: 'more', type: 'boolean' }, raw: 'nottrue', problem: 'X-More is not true or false; kept as it arrived' }],
  ['FALSE', { spec: { name: 'X-More', output: 'more', type: 'boolean' }, raw: 'FALSE', value: false }],
  ['yes as a boolean', { spec: { name: 'X-More', output: 'more', type: 'boolean' }, raw: 'yes', problem: 'X-More is not true or false; kept as it arrived' }],
  ['in its enum', { spec: { name: 'X-Mode', output: 'mode', enum: ['cpu', 'gpu'] }, raw: 'gpu', value: 'gpu' }],
  ['outside its enum', { spec: { name: 'X-Mode', output: 'mode', enum: ['cpu', 'gpu'] }, raw: 'tpu', problem: 'X-Mode is not one of cpu, gpu; kept as it arrived' }],
];

describe('decodeHeaders', () => {
  it.each(rows)('%s', (_label, { spec, raw, value, problem }) => {
    const { values, malformed } = decodeHeaders([spec], new Headers({ [spec.name]: raw }));
    if (problem === undefined) {
      expect(values).toEqual({ [spec.output]: value });
      expect(malformed).toEqual({});
    } else {
      expect(values).toEqual({});
      expect(malformed).toEqual({ [spec.output]: { header: spec.name, raw, problem } });
    }
  });

  it('leaves out documented headers that did not arrive, and ignores undocumented ones', () => {
    const { values, malformed } = decodeHeaders([{ name: 'X-A', output: 'a' }, { name: 'X-B', output: 'b' }], new Headers({ 'x-a': '1', 'X-C': '3' }));
    expect(values).toEqual({ a: '1' });
    expect(malformed).toEqual({});
  });
});
