/**
 * TLS is verified by both transports: a server whose certificate nobody vouches for is refused
 * before anything is sent, and accepted once the caller trusts its CA (an https.Agent for the Node
 * transport; an undici dispatcher for fetch).
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetchTransport } from '../../src/transport/fetch.js';
import { createNodeTransport } from '../../src/transport/node.js';
import { guardUnhandledRejections } from '../helpers/calls.js';
import { json, startLoopbackServer, type LoopbackServer } from '../helpers/loopback-server.js';
import { makeSelfSigned, type SelfSigned } from '../helpers/self-signed.js';
import { request, transportError, transportsUnderTest, utf8 } from '../helpers/transports.js';

let identity: SelfSigned;
let server: LoopbackServer;
beforeAll(async () => {
  identity = await makeSelfSigned();
  server = await startLoopbackServer((_request, res) => json(res, 200, { secure: true }), identity);
});
afterAll(async () => {
  await server?.close();
  await identity?.remove();
});
guardUnhandledRejections();

describe.each(transportsUnderTest)('the $name transport', ({ make }) => {
  it('refuses a certificate nobody vouches for, and says the request was not sent', async () => {
    server.reset();

    const error = await transportError(make().send(request(server.url, { method: 'POST', body: utf8('{}') })).response);

    expect(error.reason).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
    expect(error.requestMayHaveBeenSent).toBe(false);
    expect(server.requests).toHaveLength(0);
  });
});

describe('trusting the CA', () => {
  it('the Node transport talks to the server through an https.Agent that trusts it', async () => {
    const agent = new HttpsAgent({ ca: identity.cert, keepAlive: true });
    try {
      const response = await createNodeTransport({ agent }).send(request(server.url)).response;

      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"secure":true}');
    } finally {
      agent.destroy();
    }
  });

  it('fetch talks to the server through a dispatcher that trusts it', async () => {
    // Node's own undici is not importable, but its Agent class is the global dispatcher's, which
    // Node installs once a Request is made. No dependency needed.
    new Request('http://127.0.0.1/');
    const NodeUndiciAgent = ((globalThis as Record<symbol, { constructor: new (options: object) => { close(): Promise<void> } }>)[Symbol.for('undici.globalDispatcher.1')]!).constructor;
    const dispatcher = new NodeUndiciAgent({ connect: { ca: identity.cert } });
    try {
      const transport = createFetchTransport((url, init) => fetch(url, { ...init, dispatcher } as RequestInit));
      const response = await transport.send(request(server.url)).response;

      expect(response.status).toBe(200);
      expect(await response.text()).toBe('{"secure":true}');
    } finally {
      await dispatcher.close();
    }
  });

  it('an http.Agent for an https:// URL is refused before sending, saying why', async () => {
    const error = await transportError(createNodeTransport({ agent: new HttpAgent() }).send(request(server.url)).response);

    expect(error.message).toBe('agent is an http.Agent (node:http), but requests go to an https:// URL: pass an https.Agent (node:https)');
    expect(error.requestMayHaveBeenSent).toBe(false);
  });
});
