/**
 * How the runtime builds a request for descriptor shapes the spec does not use today: a required
 * query parameter, array values in a query or a header, a cookie parameter, a body that is not JSON,
 * an optional body, a JSON body whose schema is not an object. The client's own tests (wire,
 * input-checks, the family) cover the spec's operations; the builder is generic, so these shapes
 * are tried on it directly.
 */
import { describe, expect, it } from 'vitest';
import { FunctionGraphInputError } from '../src/index.js';
import type { OperationDescriptor, ParameterDescriptor } from '../src/generated.js';
import { requestBuilder } from '../src/runtime/request.js';

function build(parts: Partial<OperationDescriptor>, input: Record<string, unknown>) {
  const descriptor: OperationDescriptor = { id: 'someOperation', method: 'post', path: '/v2/things', parameters: [], responses: [], security: [], ...parts };
  return requestBuilder(descriptor)(input, {}, undefined);
}

/** The refusal's message, or a failure when the input was accepted. */
function refusal(parts: Partial<OperationDescriptor>, input: Record<string, unknown>): string {
  try {
    build(parts, input);
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

const query = (extra: Partial<ParameterDescriptor> = {}): ParameterDescriptor => ({ name: 'tag', in: 'query', input: 'tag', ...extra });
const header = (extra: Partial<ParameterDescriptor> = {}): ParameterDescriptor => ({ name: 'X-Tags', in: 'header', input: 'tags', ...extra });

describe('parameters', () => {
  it('repeats a query parameter given an array, each value checked', () => {
    expect(build({ parameters: [query()] }, { tag: ['a b', 'c'] }).target).toBe('/v2/things?tag=a%20b&tag=c');
    expect(refusal({ parameters: [query({ rules: { enum: ['a', 'c'] } })] }, { tag: ['a', 'b'] })).toBe('tag must be one of a, c, got "b"');
  });

  it('joins a header parameter given an array with commas', () => {
    expect(build({ parameters: [header()] }, { tags: ['a', 'b'] }).headers).toEqual({ 'x-tags': 'a, b' });
  });

  it('refuses a header value that a header cannot carry', () => {
    expect(refusal({ parameters: [header()] }, { tags: 'a\u0000b' })).toBe('tags has characters not allowed in a header');
  });

  it('refuses a required query parameter that is missing, and leaves out an optional one', () => {
    expect(refusal({ parameters: [query({ required: true })] }, {})).toBe('tag is required');
    expect(build({ parameters: [query(), header()] }, {})).toMatchObject({ target: '/v2/things', headers: {} });
  });

  it('sends no cookie parameter (a browser would drop it)', () => {
    const built = build({ parameters: [{ name: 'session', in: 'cookie', input: 'session' }] }, { session: 's1' });

    expect(built.target).toBe('/v2/things');
    expect(built.headers).toEqual({});
  });
});

describe('bodies', () => {
  it('sends a body that is not JSON as its text', () => {
    const built = build({ requestBody: { mediaType: 'text/plain', json: false } }, { body: 'plain words' });

    expect(built.bodyText).toBe('plain words');
    expect(built.headers).toEqual({ 'content-type': 'text/plain' });
  });

  it('sends nothing for an optional body left out, whatever its size limit', () => {
    const built = build({ requestBody: { mediaType: 'application/json', json: true, schemaType: 'object', maxBytes: 10 } }, {});

    expect(built).toMatchObject({ bodyText: undefined, body: undefined, headers: {} });
  });

  it('holds a JSON body to an object only when its schema says object', () => {
    expect(build({ requestBody: { mediaType: 'application/json', json: true, schemaType: 'array' } }, { body: [1, 2] }).bodyText).toBe('[1,2]');
  });

  it('shows at most 40 characters of a body that is not an object, or its type when it has no JSON', () => {
    const objectBody = { requestBody: { mediaType: 'application/json', json: true, schemaType: 'object' } } as const;

    expect(refusal(objectBody, { body: 'x'.repeat(100) })).toBe(`body must be a JSON object, got "${'x'.repeat(39)}`);
    expect(refusal(objectBody, { body: () => 1 })).toBe('body must be a JSON object, got function');
  });
});
