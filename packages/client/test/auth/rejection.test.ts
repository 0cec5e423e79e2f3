/**
 * A rejected signature: explainRejection's data (the message and the signing details) unit by
 * unit, and the AuthenticationError a client throws with it, on a loopback server that answers
 * as the gateway does (401 APIGW.0301, its canonical request echoed with `|` for new lines).
 */
import { describe, expect, it } from 'vitest';
import { explainRejection, type RejectedAnswer } from '../../src/auth/rejection.js';
import type { SigningDetails } from '../../src/auth/signing-details.js';
import { securitySchemes } from '../../src/generated.js';
import { AuthenticationError, createFunctionGraphClient } from '../../src/index.js';
import { INPUT, PROJECT, rejection, TOKEN } from '../helpers/calls.js';
import { json } from '../helpers/loopback-server.js';
import { TEMPORARY, useSigningLoopback } from '../helpers/signing-client.js';

const loopback = useSigningLoopback();
const { client } = loopback;
const scheme = securitySchemes.akskSignature.signing;

const signed: SigningDetails = {
  accessKeyId: 'FAKEAK0000000001',
  date: '20261201T010203Z',
  signedHeaders: 'host;x-sdk-date',
  canonicalRequest: 'POST\n/v2/p/x/\n\nhost:h.example.com\nx-sdk-date:20261201T010203Z\n\nhost;x-sdk-date\ne3b0',
};
const echo = 'POST|/v2/p/x/||host:h.example.com|x-sdk-date:20261201T010203Z||host;x-sdk-date|e3b0';
/** What the runtime read from the gateway's answer: its message quotes error_msg. */
const answer = (errorMsg: string | undefined, overrides: Partial<RejectedAnswer> = {}): RejectedAnswer => ({
  status: 401,
  errorCode: 'APIGW.0301',
  errorMsg,
  message: `asyncInvokeFunction failed: HTTP 401, application/json: APIGW.0301${errorMsg === undefined ? '' : ` ${errorMsg}`} (request id r-1)`,
  ...overrides,
});

describe('explainRejection', () => {
  it('pins the whole message: the first line without the echo, what to check, the gateway canonical request once, as lines', () => {
    const explained = explainRejection(scheme, answer(`verify aksk signature fail, canonicalRequest: ${echo}`), signed);
    expect(explained?.message).toBe(
      [
        'asyncInvokeFunction failed: HTTP 401, application/json: APIGW.0301 verify aksk signature fail, canonicalRequest: (shown below) (request id r-1)',
        'The gateway rejected the SDK-HMAC-SHA256 signature made with access key id FAKEAK0000000001 at 20261201T010203Z (UTC). Check that:',
        "- this machine's clock is within 15 minutes of the gateway's;",
        '- the secret access key is the one issued with access key id FAKEAK0000000001;',
        '- for temporary credentials, the security token goes with this key pair and has not expired.',
        "The gateway's canonical request (compare it with error.signing.canonicalRequest, the client's):",
        'POST',
        '/v2/p/x/',
        '',
        'host:h.example.com',
        'x-sdk-date:20261201T010203Z',
        '',
        'host;x-sdk-date',
        'e3b0',
      ].join('\n'),
    );
    expect(explained?.signing).toEqual({ ...signed, serverCanonicalRequest: echo.split('|').join('\n') });
  });

  const rows: [name: string, given: RejectedAnswer, want: { explained: boolean; serverCanonicalRequest?: string; messageHas?: string }][] = [
    ['the echo starts at its method, wherever it is in the message', answer(`bad signature; ${echo}`), { explained: true, serverCanonicalRequest: echo.split('|').join('\n') }],
    ['a GET echo', answer('canonicalRequest: GET|/|||host||host|e3b0'), { explained: true, serverCanonicalRequest: 'GET\n/\n\n\nhost\n\nhost\ne3b0' }],
    ['no echo: said so', answer('Incorrect IAM authentication information'), { explained: true, messageHas: 'The gateway sent no canonical request; the client signed error.signing.canonicalRequest.' }],
    ['no error message at all', answer(undefined), { explained: true, messageHas: 'The gateway sent no canonical request' }],
    ['another 401 code: not a rejected signature', answer('Access denied', { errorCode: 'FSS.1118' }), { explained: false }],
    ['a 403 with the code: not a rejection', answer(`x ${echo}`, { status: 403 }), { explained: false }],
  ];
  it.each(rows)('%s', (_, given, want) => {
    const explained = explainRejection(scheme, given, signed);
    expect(explained !== undefined).toBe(want.explained);
    if (!explained) return;
    expect(explained.signing.serverCanonicalRequest).toBe(want.serverCanonicalRequest);
    if (want.messageHas) expect(explained.message).toContain(want.messageHas);
    // The first line is the runtime's, less any echo: the echo, `|`-joined, is never in the message.
    expect(explained.message.startsWith('asyncInvokeFunction failed: HTTP 401')).toBe(true);
    expect(explained.message).not.toContain(echo);
  });

  it('explains any 401 when the scheme names no rejection code, and names no clock skew it does not know', () => {
    const explained = explainRejection({ algorithm: 'SDK-HMAC-SHA256', dateHeader: 'X-Sdk-Date' }, answer('nope', { errorCode: 'OTHER' }), signed);
    expect(explained?.message).toContain("- this machine's clock is close to the gateway's;");
  });
});

describe('a rejected signature', () => {
  const echoing = (text: string) => (_request: unknown, res: Parameters<typeof json>[0]) => json(res, 401, { error_code: 'APIGW.0301', error_msg: text });

  it('is an AuthenticationError that says what to check and shows both canonical requests', async () => {
    loopback.server.reset(echoing(`verify aksk signature fail, canonicalRequest: POST|/v2/${PROJECT}/fgs/functions/x/invocations-async/||content-type:application/json|x-security-token:${TEMPORARY.securityToken}|`));
    const error = (await rejection(client().asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.errorCode).toBe('APIGW.0301');
    expect(error.message).toMatch(/rejected the SDK-HMAC-SHA256 signature made with access key id FAKEAK0000000001 at \d{8}T\d{6}Z/);
    expect(error.message).toMatch(/clock is within 15 minutes of the gateway's/);
    expect(error.message).toMatch(/secret access key is the one issued with access key id FAKEAK0000000001/);
    expect(error.message).toMatch(/security token goes with this key pair and has not expired/);
    expect(error.message).toContain(`The gateway's canonical request (compare it with error.signing.canonicalRequest, the client's):\nPOST\n/v2/${PROJECT}/fgs/functions/x/invocations-async/\n\ncontent-type:application/json\nx-security-token:<redacted>\n`);
    expect(error.signing?.serverCanonicalRequest).toContain('x-security-token:<redacted>');
    expect(error.signing?.accessKeyId).toBe('FAKEAK0000000001');
    expect(error.signing?.signedHeaders).toBe('content-type;host;x-project-id;x-sdk-date;x-security-token');
    expect(error.signing?.canonicalRequest).toMatch(/^POST\n\/v2\/0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8\/fgs\/functions\/urn%3Afss%3A.*\/invocations-async\/\n\ncontent-type:application\/json\nhost:127\.0\.0\.1:\d+\n/);
    expect(error.signing?.canonicalRequest).toContain('x-security-token:<redacted>\n');
    // Not retried: a rejected signature will not pass on a second try.
    expect(loopback.server.requests).toHaveLength(1);
  });

  it("shows the gateway's canonical request once (it was quoted in the first line, then again as lines)", async () => {
    loopback.server.reset(echoing(`verify aksk signature fail, canonicalRequest: POST|/v2/${PROJECT}/fgs/functions/x/invocations-async/||content-type:application/json|x-security-token:${TEMPORARY.securityToken}|`));
    const error = (await rejection(client().asyncInvokeFunction(INPUT))) as AuthenticationError;
    const [first] = error.message.split('\n');
    expect(first).toBe('asyncInvokeFunction failed: HTTP 401, application/json: APIGW.0301 verify aksk signature fail, canonicalRequest: (shown below)');
    expect(error.message.split('/fgs/functions/x/invocations-async/')).toHaveLength(2);
    expect(error.message.split('x-security-token:<redacted>')).toHaveLength(2);
    expect(error.message).not.toContain('|');
    // The answer itself keeps what arrived (the token scrubbed) for whoever wants the raw text.
    expect(error.errorMsg).toContain(`POST|/v2/${PROJECT}/fgs/functions/x/invocations-async/|`);
  });

  it('says so when the gateway echoed no canonical request', async () => {
    loopback.server.reset(echoing('Incorrect IAM authentication information'));
    const error = (await rejection(client().asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(error.message).toContain('The gateway sent no canonical request; the client signed error.signing.canonicalRequest.');
    expect(error.signing?.serverCanonicalRequest).toBeUndefined();
  });

  it('leaves other 401s and token clients as they were', async () => {
    loopback.server.reset((_request, res) => json(res, 401, { error_code: 'FSS.1118', error_msg: 'Access denied' }));
    const signedCall = (await rejection(client().asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(signedCall.signing).toBeUndefined();
    loopback.server.reset(echoing('verify aksk signature fail, canonicalRequest: POST|/|'));
    const withToken = (await rejection(createFunctionGraphClient({ baseUrl: loopback.server.url, token: TOKEN }).asyncInvokeFunction(INPUT))) as AuthenticationError;
    expect(withToken.signing).toBeUndefined();
    expect(withToken.message).not.toContain('Check that');
  });
});
