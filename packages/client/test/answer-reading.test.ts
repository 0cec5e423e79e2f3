/**
 * How the runtime reads a successful answer for documented successes the spec does not use today:
 * an operation with no documented success body, a success in text only, a `2XX` range beside an
 * exact status. The client's own tests (errors, sync-invocation, the family) cover what the spec
 * documents; the reader is generic, so these shapes are tried on it directly, with real `Headers`.
 */
import { describe, expect, it } from 'vitest';
import { FunctionGraphResponseError } from '../src/index.js';
import type { OperationDescriptor, ResponseDescriptor } from '../src/generated.js';
import { successReader } from '../src/runtime/answer.js';

function descriptor(responses: ResponseDescriptor[]): OperationDescriptor {
  return { id: 'someOperation', method: 'get', path: '/v2/things', parameters: [], responses, security: [] };
}

/** What the reader makes of an answer with `status`, `contentType` (none when undefined) and `text`. */
function read(responses: ResponseDescriptor[], status: number, text: string, contentType?: string): unknown {
  const headers = new Headers(contentType === undefined ? {} : { 'content-type': contentType });
  return successReader(descriptor(responses))({ operationId: 'someOperation', attempts: 1, response: { status, headers }, text, requestId: undefined }).data;
}

describe('a success the spec documents no body for', () => {
  it('reads no body as undefined, and any text as that text', () => {
    expect(read([], 200, '')).toBeUndefined();
    expect(read([], 200, '{"a":1}', 'application/json')).toBe('{"a":1}');
    expect(read([{ status: '204' }], 204, '')).toBeUndefined();
  });
});

describe('a success documented as text', () => {
  const text: ResponseDescriptor[] = [{ status: '200', mediaType: 'text/plain' }];

  it('passes the text on, an empty one included', () => {
    expect(read(text, 200, 'hello', 'text/plain')).toBe('hello');
    expect(read(text, 200, '', 'text/plain')).toBe('');
    expect(read(text, 200, '[1]', 'text/plain')).toBe('[1]');
  });
});

describe('a 2XX range beside an exact status', () => {
  const responses: ResponseDescriptor[] = [
    { status: '200', mediaType: 'application/json', schemaType: 'object', required: ['id'] },
    { status: '2xx', mediaType: 'text/plain' },
  ];

  it('reads a status the range covers by the range (written in either case)', () => {
    expect(read(responses, 201, 'created', 'text/plain')).toBe('created');
    expect(read(responses, 200, '{"id":1}', 'application/json')).toEqual({ id: 1 });
  });

  it('holds the exact status to its own shape', () => {
    expect(() => read(responses, 200, 'created', 'text/plain')).toThrow(FunctionGraphResponseError);
  });
});
