import { describe, expect, it } from 'vitest';
import { httpMethods, httpMethodsWithQuery, idempotentMethods } from '../../scripts/shared/http-methods.js';
import { isPositiveInteger } from '../../scripts/shared/positive-integer.js';

describe('HTTP methods', () => {
  it('are the fields of an OpenAPI 3.0/3.1 Path Item that hold operations, in the specification\'s order', () => {
    expect(httpMethods).toEqual(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
    expect(httpMethodsWithQuery).toEqual([...httpMethods, 'query']);
  });

  it('idempotent: those RFC 9110 §9.2.2 names, not POST or PATCH', () => {
    expect([...idempotentMethods].sort()).toEqual(['delete', 'get', 'head', 'options', 'put', 'trace']);
  });

  it('cannot be changed by whoever imports them', () => {
    expect(Object.isFrozen(httpMethods) && Object.isFrozen(httpMethodsWithQuery) && Object.isFrozen(idempotentMethods)).toBe(true);
  });
});

describe('isPositiveInteger (what the x- limits hold)', () => {
  it.each([
    [1, true],
    [262144, true],
    [Number.MAX_SAFE_INTEGER, true],
    [0, false],
    [-1, false],
    [1.5, false],
    ['90000', false],
    [2 ** 53, false],
    [Number.POSITIVE_INFINITY, false],
    [Number.NaN, false],
    [null, false],
  ])('%s → %s', (value, want) => {
    expect(isPositiveInteger(value)).toBe(want);
  });
});
