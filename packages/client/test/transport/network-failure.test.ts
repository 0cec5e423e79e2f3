/**
 * The one rule both transports use to tell "not sent" from "may have been sent", one row per shape
 * of error they meet: fetch's TypeError with the socket error as its cause, a socket error itself,
 * an AggregateError from trying several addresses, and things that are none of these.
 */
import { describe, expect, it } from 'vitest';
import { describeNetworkFailure, type NetworkFailure } from '../../src/transport/network-failure.js';

const systemError = (code: string, syscall?: string) => Object.assign(new Error(`${syscall ?? ''} ${code}`), { code, syscall });
const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });

/** Each code that can only come before a byte is written, met alone (no syscall, no socket): not sent. */
const notSentCodes = [
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_CONNECT_TIMEOUT',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
];

describe('describeNetworkFailure, code alone', () => {
  it.each(notSentCodes)('%s: not sent', (code) => {
    expect(describeNetworkFailure(fetchFailed(systemError(code)))).toEqual({ reason: code, requestMayHaveBeenSent: false });
  });

  it('a name lookup that failed with another code: not sent (getaddrinfo)', () => {
    expect(describeNetworkFailure(systemError('EAI_FAIL', 'getaddrinfo'))).toEqual({ reason: 'EAI_FAIL', requestMayHaveBeenSent: false });
  });
});

describe('describeNetworkFailure', () => {
  it.each<[string, unknown, NetworkFailure]>([
    ['a refused connection (fetch)', fetchFailed(systemError('ECONNREFUSED', 'connect')), { reason: 'ECONNREFUSED', requestMayHaveBeenSent: false }],
    ['a refused connection (socket)', systemError('ECONNREFUSED', 'connect'), { reason: 'ECONNREFUSED', requestMayHaveBeenSent: false }],
    ['a reset while connecting', fetchFailed(systemError('ECONNRESET', 'connect')), { reason: 'ECONNRESET', requestMayHaveBeenSent: false }],
    ['a connect timeout', fetchFailed(systemError('ETIMEDOUT', 'connect')), { reason: 'ETIMEDOUT', requestMayHaveBeenSent: false }],
    ["undici's connect timeout", fetchFailed(systemError('UND_ERR_CONNECT_TIMEOUT')), { reason: 'UND_ERR_CONNECT_TIMEOUT', requestMayHaveBeenSent: false }],
    ['a name that does not resolve', fetchFailed(systemError('ENOTFOUND', 'getaddrinfo')), { reason: 'ENOTFOUND', requestMayHaveBeenSent: false }],
    ['a name that cannot be resolved now', fetchFailed(systemError('EAI_AGAIN', 'getaddrinfo')), { reason: 'EAI_AGAIN', requestMayHaveBeenSent: false }],
    ['an unreachable network', systemError('ENETUNREACH'), { reason: 'ENETUNREACH', requestMayHaveBeenSent: false }],
    ['a self-signed certificate', fetchFailed(Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' })), { reason: 'DEPTH_ZERO_SELF_SIGNED_CERT', requestMayHaveBeenSent: false }],
    ['a certificate for another host', systemError('ERR_TLS_CERT_ALTNAME_INVALID'), { reason: 'ERR_TLS_CERT_ALTNAME_INVALID', requestMayHaveBeenSent: false }],
    ['a server that does not speak TLS', fetchFailed(systemError('ERR_SSL_WRONG_VERSION_NUMBER')), { reason: 'ERR_SSL_WRONG_VERSION_NUMBER', requestMayHaveBeenSent: false }],
    [
      'every address refused (AggregateError)',
      Object.assign(new AggregateError([systemError('ECONNREFUSED', 'connect'), systemError('EHOSTUNREACH', 'connect')]), { code: 'ECONNREFUSED' }),
      { reason: 'ECONNREFUSED', requestMayHaveBeenSent: false },
    ],
    ['one address of several reached', new AggregateError([systemError('ECONNREFUSED', 'connect'), systemError('ECONNRESET', 'read')]), { reason: 'ECONNREFUSED', requestMayHaveBeenSent: true }],
    ['a socket closed before writing a byte (undici)', fetchFailed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET', socket: { bytesWritten: 0 } })), { reason: 'UND_ERR_SOCKET', requestMayHaveBeenSent: false }],
    ['a socket closed after writing (undici)', fetchFailed(Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET', socket: { bytesWritten: 233 } })), { reason: 'UND_ERR_SOCKET', requestMayHaveBeenSent: true }],
    ['a reset after the request was written', fetchFailed(systemError('ECONNRESET', 'read')), { reason: 'ECONNRESET', requestMayHaveBeenSent: true }],
    ["node:http's hang-up", Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), { reason: 'ECONNRESET', requestMayHaveBeenSent: true }],
    ['a broken pipe', systemError('EPIPE', 'write'), { reason: 'EPIPE', requestMayHaveBeenSent: true }],
    ['a rarer certificate failure', systemError('CERT_REVOKED'), { reason: 'CERT_REVOKED', requestMayHaveBeenSent: true }],
    ["a browser's fetch, which says nothing more", new TypeError('Failed to fetch'), { reason: 'Failed to fetch', requestMayHaveBeenSent: true }],
    ['a cause without a code', fetchFailed(new Error('something broke')), { reason: 'something broke', requestMayHaveBeenSent: true }],
    ['a thrown string', 'boom', { reason: 'boom', requestMayHaveBeenSent: true }],
    ['nothing at all', undefined, { reason: 'undefined', requestMayHaveBeenSent: true }],
  ])('%s', (_label, error, want) => {
    expect(describeNetworkFailure(error)).toEqual(want);
  });
});
