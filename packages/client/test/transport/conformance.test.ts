/**
 * The same cases, run against both transports directly (not through the client), on real loopback
 * servers: what arrives and what goes out, redirects, compressed answers, aborts at every stage,
 * and every network failure with its "not sent" or "may have been sent".
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetchTransport } from '../../src/transport/fetch.js';
import { guardUnhandledRejections, rejection, since, sleep } from '../helpers/calls.js';
import { behave, DEFAULT_INSTANCE_ID, startFaultServer, type Coding, type FaultServer } from '../helpers/fault-server.js';
import { closedPort, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { request, transportError, transportsUnderTest, utf8, within } from '../helpers/transports.js';

let fault: FaultServer;
let loop: LoopbackServer;
beforeAll(async () => {
  [fault, loop] = await Promise.all([startFaultServer(), startLoopbackServer()]);
});
afterAll(async () => {
  await Promise.all([fault.close(), loop.close()]);
});
beforeEach(() => {
  fault.script();
  fault.fallback(behave.accepted(DEFAULT_INSTANCE_ID));
  loop.reset();
});
guardUnhandledRejections();

const VALUE = { instance_id: DEFAULT_INSTANCE_ID, note: 'héllo, wörld ✓'.repeat(20) };

describe.each(transportsUnderTest)('the $name transport', ({ make, abortKnowsNotSent }) => {
  const transport = make();
  const send = (...args: Parameters<typeof request>) => transport.send(request(...args));

  describe('answers', () => {
    it('give the status, every header as it arrived in a Headers, and the body as text', async () => {
      loop.reset((_request, res) => {
        res.writeHead(201, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Request-Id': 'r-1', 'Set-Cookie': ['a=1', 'b=2'] });
        res.end('héllo ✓');
      });

      const response = await send(loop.url).response;

      expect(response.status).toBe(201);
      expect(response.headers).toBeInstanceOf(Headers);
      expect(response.headers.get('x-request-id')).toBe('r-1');
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
      expect(await response.text()).toBe('héllo ✓');
    });

    it('read the body as UTF-8 without a leading byte order mark, as Response.text() does', async () => {
      loop.reset((_request, res) => res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}'), Buffer.from([0xff])])));

      expect(await (await send(loop.url).response).text()).toBe('{"a":1}\ufffd');
    });

    it('give the same text to every call of text()', async () => {
      const response = await send(fault.url).response;

      expect(await response.text()).toBe(JSON.stringify({ instance_id: DEFAULT_INSTANCE_ID }));
      expect(await response.text()).toBe(JSON.stringify({ instance_id: DEFAULT_INSTANCE_ID }));
    });

    it('a 3xx is the answer: the redirect is never followed', async () => {
      const elsewhere = `${loop.url}/elsewhere`;
      fault.script(behave.redirect(302, elsewhere));

      const response = await send(fault.url, { method: 'POST', body: utf8('{}') }).response;

      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe(elsewhere);
      expect(await response.text()).toBe('');
      await sleep(50);
      expect(loop.requests).toHaveLength(0);
    });
  });

  describe('on the wire', () => {
    it('sends the method, the headers and the exact body bytes, with their Content-Length and nothing chunked', async () => {
      const bytes = new Uint8Array([0x7b, 0x00, 0xff, 0xc3, 0xa9, 0x0d, 0x0a, 0x7d]);

      await (await send(`${loop.url}/v2/p/x?a=1&b=%20`, { method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'x-auth-token': 'fake' }, body: bytes }).response).text();

      const [seen] = loop.requests;
      expect(seen!.method).toBe('PUT');
      expect(seen!.url).toBe('/v2/p/x?a=1&b=%20');
      expect(seen!.headers.host).toBe(`127.0.0.1:${loop.port}`);
      expect(seen!.headers['x-auth-token']).toBe('fake');
      expect(seen!.headers['content-type']).toBe('application/octet-stream');
      expect(seen!.headers['content-length']).toBe(String(bytes.byteLength));
      expect(seen!.headers['transfer-encoding']).toBeUndefined();
      expect([...seen!.body]).toEqual([...bytes]);
    });

    it.each([
      ['POST', '0'],
      ['GET', undefined],
    ])('sends a %s without a body with Content-Length %s', async (method, length) => {
      await (await send(loop.url, { method }).response).text();

      expect(loop.requests[0]!.headers['content-length']).toBe(length);
      expect(loop.requests[0]!.headers['transfer-encoding']).toBeUndefined();
      expect(loop.requests[0]!.body.byteLength).toBe(0);
    });

    it('sends the request target fetch would, for characters and dot segments the URL parser changes', async () => {
      const path = "/a b/./c/../d/%7e/é/[x]?q='v w'&r=é&s=/./#fragment";

      await (await send(loop.url + path).response).text();

      const { pathname, search } = new URL(loop.url + path);
      expect(loop.requests[0]!.url).toBe(pathname + search);
    });

    it('asks for compressed answers unless the request says otherwise', async () => {
      await (await send(loop.url).response).text();
      await (await send(loop.url, { headers: { 'accept-encoding': 'identity' } }).response).text();

      expect(loop.requests[0]!.headers['accept-encoding']).toMatch(/gzip, deflate/);
      expect(loop.requests[1]!.headers['accept-encoding']).toBe('identity');
    });
  });

  describe('compressed answers', () => {
    it.each<Coding>(['gzip', 'deflate', 'deflate-raw', 'br'])('are decoded (%s, compressed when asked for)', async (coding) => {
      fault.script(behave.compressed(200, VALUE, coding));

      const response = await send(fault.url).response;

      expect(await response.text()).toBe(JSON.stringify(VALUE));
    });

    it.each<Coding>(['gzip', 'deflate', 'br'])('are decoded from a server that compresses whatever was asked (%s)', async (coding) => {
      fault.script(behave.compressed(200, VALUE, coding, { always: true }));

      const response = await send(fault.url, { headers: { 'accept-encoding': 'identity' } }).response;

      expect(response.headers.get('content-encoding')).toBe(coding);
      expect(await response.text()).toBe(JSON.stringify(VALUE));
    });

    it('fail with a TransportError from text() when the body is not the coding it claims', async () => {
      fault.script({ kind: 'answer', status: 200, headers: { 'Content-Encoding': 'gzip' }, body: 'this is not gzip' });

      const response = await send(fault.url).response;
      const error = await transportError(response.text());

      expect(error.requestMayHaveBeenSent).toBe(true);
    });
  });

  describe('abort()', () => {
    it('before the connection is made rejects at once, and nothing reaches the server', async () => {
      const exchange = send(fault.url, { method: 'POST', body: utf8('{}') });
      exchange.abort();

      const error = await transportError(exchange.response);

      expect(error.requestMayHaveBeenSent).toBe(!abortKnowsNotSent);
      await sleep(50);
      expect(fault.requests).toHaveLength(0);
    });

    it('while waiting for the headers rejects at once and closes the connection', async () => {
      fault.fallback(behave.hold());
      const requested = fault.nextRequest();
      const exchange = send(fault.url, { method: 'POST', body: utf8('{}') });
      const held = await requested;

      const abortedAt = performance.now();
      exchange.abort();
      const error = await transportError(exchange.response);

      expect(since(abortedAt)).toBeLessThan(1_000);
      expect(error.requestMayHaveBeenSent).toBe(true);
      await within(fault.connectionClosed(held), 'the server sees the connection closed');
    });

    it('while reading a stalled body rejects text() at once and closes the connection', async () => {
      fault.fallback(behave.stalledBody(200, '{"instance_id":"04'));
      const requested = fault.nextRequest();
      const exchange = send(fault.url);
      const response = await exchange.response;
      const text = response.text();
      await sleep(20);

      const abortedAt = performance.now();
      exchange.abort();
      await transportError(text);

      expect(since(abortedAt)).toBeLessThan(1_000);
      await within(fault.connectionClosed(await requested), 'the server sees the connection closed');
    });

    it('after the answer was read changes nothing, however often it is called', async () => {
      const exchange = send(fault.url);
      const response = await exchange.response;
      const text = await response.text();

      exchange.abort();
      exchange.abort();

      expect(await response.text()).toBe(text);
      expect(await exchange.response).toBe(response);
    });
  });

  describe('network failures', () => {
    it('a refused connection: not sent', async () => {
      const error = await transportError(send(`http://127.0.0.1:${await closedPort()}/`, { method: 'POST', body: utf8('{}') }).response);

      expect(error.reason).toBe('ECONNREFUSED');
      expect(error.requestMayHaveBeenSent).toBe(false);
    });

    it('a connection reset on accept: not sent', async () => {
      fault.script(behave.resetOnConnect());

      const error = await transportError(send(fault.url, { method: 'POST', body: utf8('{}') }).response);

      expect(error.reason).toBe('ECONNRESET');
      expect(error.requestMayHaveBeenSent).toBe(false);
      expect(fault.requests).toHaveLength(0);
    });

    it.each([
      ['destroyed', behave.destroyAfterRequest],
      ['reset', behave.resetAfterRequest],
    ])('a connection %s after the request was read: may have been sent', async (_label, drop) => {
      fault.script(drop());

      const error = await transportError(send(fault.url, { method: 'POST', body: utf8('{}') }).response);

      expect(error.requestMayHaveBeenSent).toBe(true);
      expect(error.cause).toBeDefined();
      expect(fault.requests).toHaveLength(1);
    });

    it('a body cut short: the answer arrives, and text() rejects', async () => {
      fault.script(behave.shortBody(202, VALUE));

      const response = await send(fault.url).response;
      const error = await transportError(response.text());

      expect(response.status).toBe(202);
      expect(error.requestMayHaveBeenSent).toBe(true);
    });
  });
});

describe('the fetch transport over a fetch that ignores init.signal', () => {
  const deaf = createFetchTransport((url, init) => fetch(url, { ...init, signal: null }));

  it('still rejects at once when aborted while waiting for the headers', async () => {
    fault.fallback(behave.hold());
    const requested = fault.nextRequest();
    const exchange = deaf.send(request(fault.url));
    await requested;

    const abortedAt = performance.now();
    exchange.abort();
    await transportError(exchange.response);

    expect(since(abortedAt)).toBeLessThan(1_000);
  });

  it('still rejects text() at once when aborted while the body stalls', async () => {
    fault.fallback(behave.stalledBody(200, '{"instance_id":"04'));
    const exchange = deaf.send(request(fault.url));
    const text = (await exchange.response).text();
    await sleep(20);

    const abortedAt = performance.now();
    exchange.abort();
    await transportError(text);

    expect(since(abortedAt)).toBeLessThan(1_000);
  });

  it('still rejects at once over a fetch that never settles at all, and leaves no rejection unhandled', async () => {
    const exchange = createFetchTransport(() => new Promise<Response>(() => {})).send(request(fault.url));

    exchange.abort();

    expect(await rejection(exchange.response)).toMatchObject({ reason: 'aborted' });
  });

  it('turns a fetch that throws instead of rejecting into a TransportError', async () => {
    const cause = new TypeError('bad input');
    const exchange = createFetchTransport(() => {
      throw cause;
    }).send(request(fault.url));

    const error = await transportError(exchange.response);

    expect(error.cause).toBe(cause);
    expect(error.reason).toBe('bad input');
  });
});
