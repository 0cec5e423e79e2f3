/**
 * The Node transport's lazily filled Headers answers every question exactly as a Headers filled at
 * once from the same raw list, before and after it fills itself.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { RawHeaders } from '../../src/transport/node-headers.js';

const raw = ['Content-Type', 'application/json', 'X-Request-Id', 'r-1', 'Set-Cookie', 'a=1', 'set-cookie', 'b=2', 'Vary', 'Accept', 'vary', 'Origin', 'X-Empty', ''];

function eager(): Headers {
  const headers = new Headers();
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  return headers;
}

/** Every question a caller can ask, and what each kind of Headers answers. */
const questions: [string, (headers: Headers) => unknown][] = [
  ['get, one value', (h) => h.get('x-request-id')],
  ['get, any case', (h) => h.get('X-REQUEST-ID')],
  ['get, values joined', (h) => h.get('vary')],
  ['get, set-cookie joined', (h) => h.get('set-cookie')],
  ['get, empty value', (h) => h.get('x-empty')],
  ['get, missing', (h) => h.get('retry-after')],
  ['has', (h) => [h.has('Content-Type'), h.has('x-empty'), h.has('sunset')]],
  ['getSetCookie', (h) => h.getSetCookie()],
  ['iteration', (h) => [...h]],
  ['entries, keys, values', (h) => [[...h.entries()], [...h.keys()], [...h.values()]]],
  ['forEach', (h) => {
    const seen: string[] = [];
    h.forEach((value, key) => seen.push(`${key}=${value}`));
    return seen;
  }],
  ['a copy', (h) => [...new Headers(h)]],
  ['a Response made with them', (h) => [...new Response(null, { headers: h }).headers]],
  ['Object.fromEntries', (h) => Object.fromEntries(h)],
  ['inspect', (h) => inspect(h)],
  ['toString', (h) => Object.prototype.toString.call(h)],
  ['an invalid name', (h) => {
    try {
      return h.get('bad name');
    } catch (error) {
      return (error as Error).name;
    }
  }],
];

describe('RawHeaders', () => {
  it('is a Headers', () => {
    expect(new RawHeaders(raw)).toBeInstanceOf(Headers);
  });

  it.each(questions)('answers %s as a Headers does, before it fills itself', (_label, ask) => {
    expect(ask(new RawHeaders(raw))).toEqual(ask(eager()));
  });

  it.each(questions)('answers %s as a Headers does, after it filled itself', (_label, ask) => {
    const headers = new RawHeaders(raw);
    void [...headers];

    expect(ask(headers)).toEqual(ask(eager()));
  });

  it.each<[string, (headers: Headers) => void]>([
    ['append', (h) => h.append('X-Request-Id', 'r-2')],
    ['set', (h) => h.set('x-request-id', 'r-3')],
    ['delete', (h) => h.delete('X-Request-Id')],
  ])('keeps what it had when changed (%s) before anything else was asked', (_label, change) => {
    const lazy = new RawHeaders(raw);
    const headers = eager();

    change(lazy);
    change(headers);

    expect([...lazy]).toEqual([...headers]);
    expect(lazy.get('x-request-id')).toBe(headers.get('x-request-id'));
    expect(lazy.get('content-type')).toBe('application/json');
  });
});
