/**
 * What only the Node transport has: its keep-alive pool and the caller's agent, the checks it makes
 * before sending, IPv6 hosts, and the reasons it gives.
 */
import { Agent as HttpAgent, type ClientRequestArgs } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createNodeTransport } from '../../src/transport/node.js';
import { guardUnhandledRejections, sleep } from '../helpers/calls.js';
import { startFaultServer, type FaultServer } from '../helpers/fault-server.js';
import { closedPort, json, listenOnLoopback, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { makeSelfSigned } from '../helpers/self-signed.js';
import { request, transportError, utf8, within } from '../helpers/transports.js';

let loop: LoopbackServer;
let fault: FaultServer;
let agent: HttpAgent;
beforeAll(async () => {
  [loop, fault] = await Promise.all([startLoopbackServer(), startFaultServer()]);
});
afterAll(async () => {
  await Promise.all([loop.close(), fault.close()]);
});
beforeEach(() => {
  loop.reset();
  fault.script();
  agent = new HttpAgent({ keepAlive: true });
});
afterEach(() => agent.destroy());
guardUnhandledRejections();

const sockets = (pool: NodeJS.ReadOnlyDict<Socket[]>): Socket[] => Object.values(pool).flatMap((list) => list ?? []);

describe('the Node transport with a keep-alive agent', () => {
  it('sends calls in turn over one connection, which waits in the pool between them', async () => {
    const transport = createNodeTransport({ agent });

    for (let i = 0; i < 3; i++) await (await transport.send(request(loop.url)).response).text();

    expect(loop.requests).toHaveLength(3);
    expect(sockets(agent.freeSockets)).toHaveLength(1);
  });

  it('never returns a socket destroyed by abort() to the pool', async () => {
    const transport = createNodeTransport({ agent });
    let first = true;
    loop.reset((_request, res) => {
      // The first request is held (never answered); later ones are answered.
      if (!first) json(res, 200, { ok: true });
      first = false;
    });
    const held = transport.send(request(loop.url));
    await sleep(50);

    held.abort();
    await transportError(held.response);
    await sleep(10);

    expect(sockets(agent.freeSockets)).toHaveLength(0);
    expect(sockets(agent.sockets)).toHaveLength(0);
    expect(await (await transport.send(request(loop.url)).response).text()).toBe('{"ok":true}');
  });

  it('says "may have been sent" when a reused connection dies after the request went out', async () => {
    const transport = createNodeTransport({ agent });
    await (await transport.send(request(loop.url)).response).text();
    loop.reset((_request, res) => res.socket!.destroy());

    const error = await transportError(transport.send(request(loop.url, { method: 'POST', body: utf8('{}') })).response);

    expect(error.requestMayHaveBeenSent).toBe(true);
    expect(error.reason).toBe('ECONNRESET');
  });
});

describe('the Node transport refuses before sending', () => {
  it('an agent for the other protocol, saying what is wrong', async () => {
    const transport = createNodeTransport({ agent: new HttpsAgent() });

    const error = await transportError(transport.send(request(loop.url)).response);

    expect(error.message).toBe('agent is an https.Agent (node:https), but requests go to an http:// URL: pass an http.Agent (node:http)');
    expect(error.requestMayHaveBeenSent).toBe(false);
    // And again on the next request to the same origin, which the transport already knows.
    const again = await transportError(transport.send(request(`${loop.url}/v2/p`)).response);
    expect(again.message).toBe(error.message);
    expect(again.requestMayHaveBeenSent).toBe(false);
    expect(loop.requests).toHaveLength(0);
  });

  it.each(['transfer-encoding', 'upgrade', 'expect', 'keep-alive'])('a request that sets %s, which would change how the message is framed', async (name) => {
    const error = await transportError(createNodeTransport().send(request(loop.url, { headers: { [name]: 'chunked' } })).response);

    expect(error.message).toContain(name);
    expect(error.requestMayHaveBeenSent).toBe(false);
    expect(loop.requests).toHaveLength(0);
  });

  it.each([
    ['credentials in the URL', (url: string) => url.replace('http://', 'http://user:secret@'), 'credentials'],
    ['a user name alone in the URL', (url: string) => url.replace('http://', 'http://secret@'), 'credentials'],
    ['a password alone in the URL', (url: string) => url.replace('http://', 'http://:secret@'), 'credentials'],
    ['another scheme', () => 'ftp://127.0.0.1/', 'ftp:'],
    ['no URL at all', () => 'not a url secret', 'is not a valid URL'],
  ])('%s', async (_label, urlFor, said) => {
    const error = await transportError(createNodeTransport().send(request(urlFor(loop.url))).response);

    expect(error.message).toContain(said);
    expect(error.message).not.toContain('secret');
    expect(error.requestMayHaveBeenSent).toBe(false);
  });
});

describe('the Node transport', () => {
  it('writes Host and Content-Length itself, whatever the request says', async () => {
    await (await createNodeTransport().send(request(loop.url, { method: 'POST', headers: { host: 'elsewhere', 'content-length': '99' }, body: utf8('{}') })).response).text();

    expect(loop.requests[0]!.headers.host).toBe(`127.0.0.1:${loop.port}`);
    expect(loop.requests[0]!.headers['content-length']).toBe('2');
  });

  it('refuses, before sending, a header value node:http will not write (a CR or LF)', async () => {
    const error = await transportError(createNodeTransport().send(request(loop.url, { headers: { 'x-trace': 'a\r\nx-injected: 1' } })).response);

    expect(error.requestMayHaveBeenSent).toBe(false);
    expect(error.reason).toBe('ERR_INVALID_CHAR');
    expect(error.cause).toMatchObject({ code: 'ERR_INVALID_CHAR' });
    expect(loop.requests).toHaveLength(0);
  });

  it('sends the request target fetch would on a connection it already knows too (dot segments, characters the URL parser changes)', async () => {
    const transport = createNodeTransport();
    await (await transport.send(request(loop.url)).response).text();
    const paths = ['/x y/z', '/ ', '/é', '/a/./b/../c', '/a/%2e%2E/c', '/q?k=v w'];

    for (const path of paths) await (await transport.send(request(loop.url + path)).response).text();

    expect(loop.requests.slice(1).map((recorded) => recorded.url)).toEqual(paths.map((path) => new URL(loop.url + path).pathname + new URL(loop.url + path).search));
  });

  it('connects to the default port of the scheme when the URL names none', async () => {
    const ports: unknown[] = [];
    /** Agents that record where they were asked to connect, and connect nowhere. */
    const recording = <T extends HttpAgent>(agent: T): T => {
      (agent as unknown as { createConnection: (options: ClientRequestArgs) => never }).createConnection = (options) => {
        ports.push(options.port);
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED', syscall: 'connect' });
      };
      return agent;
    };

    const plain = await transportError(createNodeTransport({ agent: recording(new HttpAgent()) }).send(request('http://127.0.0.1/v2')).response);
    const secure = await transportError(createNodeTransport({ agent: recording(new HttpsAgent()) }).send(request('https://127.0.0.1/v2')).response);

    expect(ports.map(Number)).toEqual([80, 443]);
    expect([plain.requestMayHaveBeenSent, secure.requestMayHaveBeenSent]).toEqual([false, false]);
  });

  it('connects to an IPv6 literal host (no server listens there: the refusal shows where it went)', async () => {
    const port = await closedPort();

    const error = await transportError(createNodeTransport().send(request(`http://[::1]:${port}/`)).response);

    expect(error.reason).toBe('ECONNREFUSED');
    expect(error.requestMayHaveBeenSent).toBe(false);
    expect(error.cause).toMatchObject({ address: '::1', port });
  });

  it('names the coding when a compressed body cannot be decoded', async () => {
    fault.script({ kind: 'answer', status: 200, headers: { 'Content-Encoding': 'br' }, body: 'not brotli' });

    const error = await transportError((await createNodeTransport().send(request(fault.url)).response).text());

    expect(error.message).toMatch(/^the br body could not be decoded \(.+\)$/);
  });

  it('leaves a body with a coding it does not know as it came, as fetch does', async () => {
    fault.script({ kind: 'answer', status: 200, headers: { 'Content-Encoding': 'gzip, zstd' }, body: 'as it came' });

    expect(await (await createNodeTransport().send(request(fault.url)).response).text()).toBe('as it came');
  });

  it('refuses more than five codings, as fetch does', async () => {
    fault.script({ kind: 'answer', status: 200, headers: { 'Content-Encoding': 'gzip, gzip, gzip, gzip, gzip, gzip' }, body: 'x' });

    const error = await transportError((await createNodeTransport().send(request(fault.url)).response).text());

    expect(error.message).toContain('6 content codings');
  });
});

describe('abort() on the Node transport', () => {
  it('of an attempt refused before sending leaves no rejection unhandled', async () => {
    const exchange = createNodeTransport().send(request('ftp://127.0.0.1/'));

    exchange.abort();
    // The guard fails the test on an unhandled rejection; the response still rejects for whoever awaits it.
    await sleep(20);
    expect((await transportError(exchange.response)).requestMayHaveBeenSent).toBe(false);
  });

  it('after the headers arrived says "may have been sent", whatever the socket did', async () => {
    fault.script({ kind: 'dribble', status: 200, headers: { 'Content-Length': '100' }, chunks: ['{"a'], intervalMs: 0, stallAfter: 1 });
    const exchange = createNodeTransport({ agent }).send(request(fault.url));
    const response = await exchange.response;

    exchange.abort();
    const error = await transportError(response.text());

    expect(error.message).toBe('aborted');
    expect(error.requestMayHaveBeenSent).toBe(true);
  });

  describe('over TLS', () => {
    it('during the handshake says "not sent"; once the request is written, "may have been sent"', async () => {
      // A TCP server that accepts and never answers the TLS ClientHello: the handshake never ends.
      const accepted = new Set<Socket>();
      const stalled = createNetServer((socket) => accepted.add(socket.on('error', () => {})));
      const connected = new Promise<void>((resolve) => stalled.once('connection', () => resolve()));
      const stalledPort = await listenOnLoopback(stalled);
      const identity = await makeSelfSigned();
      const held = await startLoopbackServer(() => {}, identity);
      const trusting = new HttpsAgent({ ca: identity.cert });
      try {
        const handshaking = createNodeTransport({ agent: trusting }).send(request(`https://127.0.0.1:${stalledPort}/`, { method: 'POST', body: utf8('{}') }));
        await within(connected, 'the TCP connection');
        handshaking.abort();
        expect((await transportError(handshaking.response)).requestMayHaveBeenSent).toBe(false);

        const written = createNodeTransport({ agent: trusting }).send(request(held.url, { method: 'POST', body: utf8('{}') }));
        await within(
          (async () => {
            for (let i = 0; i < 200 && held.requests.length === 0; i++) await sleep(10);
          })(),
          'the request at the server',
        );
        expect(held.requests).toHaveLength(1);
        written.abort();
        expect((await transportError(written.response)).requestMayHaveBeenSent).toBe(true);
      } finally {
        trusting.destroy();
        await held.close();
        await new Promise<void>((resolve) => {
          stalled.close(() => resolve());
          for (const socket of accepted) socket.destroy();
        });
        await identity.remove();
      }
    });
  });
});
