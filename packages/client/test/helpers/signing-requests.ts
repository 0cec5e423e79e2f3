/**
 * What the unit tests of the signing steps share: fake keys (never real, and kept out of every
 * message), the request the runtime sends for a synchronous invocation signed with temporary
 * credentials, and the official signer on the same request, for rows that pin a value against it.
 */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { createHash } from 'node:crypto';
import { encodePathParameter } from '../../src/runtime/path-encoding.js';
import type { SigningKey, SigningRequest } from '../../src/auth/signing/sign-request.js';
import { SIGNING_OPTIONS } from './signing-cases.js';

export const options = SIGNING_OPTIONS;
/** Fake credentials: never real, and still kept out of every message. */
export const key: SigningKey = { accessKeyId: 'AKFAKE0000EXAMPLE000', secretAccessKey: 'fakeSecretKeyForTests0000000000000000000' };
export const token = 'FAKE-security-token-' + 'x'.repeat(400);
export const project = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
export const urn = `urn:fss:cn-north-4:${project}:function:default:thumbnail-maker:!prod`;
export const base = 'https://functiongraph.cn-north-4.myhuaweicloud.com';
export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The request the runtime sends for a synchronous invocation, signed with temporary credentials. */
export function invokeRequest(overrides: Partial<SigningRequest> = {}): SigningRequest {
  return {
    method: 'POST',
    url: `${base}/v2/${project}/fgs/functions/${encodePathParameter(urn)}/invocations`,
    headers: {
      'content-type': 'application/json',
      'x-cff-request-version': 'v1',
      'x-project-id': project,
      'x-sdk-date': '20261201T010203Z',
      'x-security-token': token,
    },
    body: '{"key":"value","ünï":"😀"}',
    ...overrides,
  };
}

/** The official signer's Authorization for the same request. */
export function official(request: SigningRequest, queryParams: Record<string, string | string[]> = {}, data?: unknown, signingKey: SigningKey = key): string {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name === 'x-sdk-date' ? 'X-Sdk-Date' : name] = value;
  const signed = AKSKSigner.sign(
    { method: request.method, endpoint: url.origin + url.pathname, queryParams, headers, data } as never,
    { getAk: () => signingKey.accessKeyId, getSk: () => signingKey.secretAccessKey } as never,
  ) as Record<string, string>;
  return signed.Authorization!;
}

/** The official signer's canonical query, a protected static in its typings. */
export const officialQuery = (AKSKSigner as unknown as { CanonicalQueryString(request: { queryParams: Record<string, string | string[]> }): string }).CanonicalQueryString.bind(
  AKSKSigner,
);
