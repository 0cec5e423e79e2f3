/**
 * Differential test: our signer against the official one (`@huaweicloud/huaweicloud-sdk-core`,
 * `AKSKSigner.sign`), on at least 1,000 generated requests of the shapes this client sends
 * (helpers/signing-cases.ts: every operation in the descriptors, URNs with versions and `!aliases`,
 * query values with spaces, `: / % + ~`, non-ASCII and empty strings, repeated keys, every optional
 * header, nested unicode JSON bodies, temporary and permanent credentials). For the same date,
 * `Authorization`, `X-Sdk-Date` and the set of signed headers must be equal byte for byte.
 *
 * The seed is printed on success (`differential: N cases, seed S`) and is in the failure message;
 * `FGS_SIGNING_SEED=S` replays a run (and `FGS_SIGNING_PATH=P`, from the message, goes straight to the
 * shrunk counterexample). A counterexample is printed without its fake secret key and token.
 */
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../src/auth/signing/sign-request.js';
import { operationIds, SIGNING_OPTIONS, signingCase, type SigningCase } from './helpers/signing-cases.js';

const NUM_RUNS = 1_000;
const seed = process.env.FGS_SIGNING_SEED === undefined ? (Date.now() ^ (Math.random() * 0x1_0000_0000)) | 0 : Number(process.env.FGS_SIGNING_SEED);

/** The official signer's output for one case: its headers, with `Authorization` among them. */
function officialSign(c: SigningCase): Record<string, string> {
  const { official, key } = c;
  // It sorts array values in place: give it copies, so the case stays as generated.
  const queryParams = Object.fromEntries(Object.entries(official.queryParams).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]));
  return AKSKSigner.sign({ ...official, queryParams } as never, { getAk: () => key.accessKeyId, getSk: () => key.secretAccessKey } as never) as Record<string, string>;
}

/** What must agree, side by side, for the assertion message. */
async function compare(c: SigningCase) {
  const ours = await signRequest(c.request, c.key, SIGNING_OPTIONS);
  const theirs = officialSign(c);
  return {
    ours: {
      authorization: ours.authorization,
      date: c.request.headers['x-sdk-date'],
      signedHeaders: ours.signedHeaders.split(';'),
    },
    official: {
      authorization: theirs.Authorization,
      date: theirs['X-Sdk-Date'],
      signedHeaders: Object.keys(theirs)
        .filter((name) => name !== 'Authorization')
        .map((name) => name.toLowerCase())
        .sort(),
    },
  };
}

describe('our signer agrees with the official signer byte for byte', () => {
  it(`on ${NUM_RUNS} generated requests over every operation`, async () => {
    let cases = 0;
    const seen = new Map<string, number>();
    let temporary = 0;
    let withQuery = 0;
    let repeatedKeys = 0;
    await fc.assert(
      fc.asyncProperty(signingCase, async (c) => {
        cases++;
        seen.set(c.operationId, (seen.get(c.operationId) ?? 0) + 1);
        if (c.securityToken !== undefined) temporary++;
        if (c.request.url.includes('?')) withQuery++;
        if (Object.values(c.official.queryParams).some(Array.isArray)) repeatedKeys++;
        const { ours, official } = await compare(c);
        expect(ours).toEqual(official);
      }),
      { numRuns: NUM_RUNS, seed, ...(process.env.FGS_SIGNING_PATH ? { path: process.env.FGS_SIGNING_PATH } : {}) },
    );
    // The generator really covered what the issue names; a generator that drifted would pass vacuously.
    expect([...seen.keys()].sort()).toEqual([...operationIds].sort());
    expect(temporary).toBeGreaterThan(NUM_RUNS / 4);
    expect(NUM_RUNS - temporary).toBeGreaterThan(NUM_RUNS / 4);
    expect(withQuery).toBeGreaterThan(NUM_RUNS / 10);
    expect(repeatedKeys).toBeGreaterThan(NUM_RUNS / 50);
    console.log(`differential: ${cases} cases, seed ${seed}`);
  });
});
