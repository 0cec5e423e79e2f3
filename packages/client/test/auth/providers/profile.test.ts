/**
 * credentialsFromProfile: the `[basic]` section of `~/.huaweicloud/credentials` (or of the file
 * `HUAWEICLOUD_SDK_CREDENTIALS_FILE` or the option names), written to a temporary HOME per test.
 * Signed calls made with what it read are verified by the official signer; every refusal names
 * the file, the line or the key, and never a value.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFunctionGraphClient, credentialsFromProfile, FunctionGraphCredentialsError } from '../../../src/index.js';
import { PROJECT, rejection, URN } from '../../helpers/calls.js';
import { json } from '../../helpers/loopback-server.js';
import { startVerifyingServer, type VerifyingServer } from '../../helpers/verifying-server.js';

const KEYS = { accessKeyId: 'FAKEAKPROFILE0001', secretAccessKey: 'fake-sk-profile-DO-NOT-LOG-7c1d', securityToken: 'fake-st-profile-DO-NOT-LOG-9e2f' };
const SECRETS = [KEYS.secretAccessKey, KEYS.securityToken];
const basic = (extra = '') => `[basic]\nak = ${KEYS.accessKeyId}\nsk = ${KEYS.secretAccessKey}\nsecurity_token = ${KEYS.securityToken}\nproject_id = ${PROJECT}\n${extra}`;

let home: string;
let verifier: VerifyingServer;

beforeAll(async () => {
  verifier = await startVerifyingServer({ keys: [KEYS], responder: (_request, res) => json(res, 202, { request_id: 'r-profile' }) });
});
afterAll(() => verifier.close());

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fgs-profile-'));
  vi.stubEnv('HOME', home);
  vi.stubEnv('HUAWEICLOUD_SDK_CREDENTIALS_FILE', undefined);
  verifier.reset();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

/** Writes `text` as `~/.huaweicloud/credentials` under the test's HOME; returns its path. */
async function writeProfile(text: string, path = join(home, '.huaweicloud', 'credentials')): Promise<string> {
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  return path;
}

/** The provider's refusal, checked to be a credentials error that repeats no secret. */
async function refusal(provider: () => unknown): Promise<FunctionGraphCredentialsError> {
  const error = await rejection(Promise.resolve().then(provider));
  expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
  const shown = `${String(error)}\n${(error as Error).stack}\n${inspect(error)}`;
  for (const secret of SECRETS) expect(shown).not.toContain(secret);
  return error as FunctionGraphCredentialsError;
}

describe('credentialsFromProfile reads', () => {
  it('~/.huaweicloud/credentials [basic]: ak, sk, security_token, project_id', async () => {
    await writeProfile(`# written by hcloud\n[global]\nak = GLOBALAK\nsk = global-sk\n\n${basic()}`);
    expect(await credentialsFromProfile()()).toEqual({ ...KEYS, projectId: PROJECT });
  });

  it('the file HUAWEICLOUD_SDK_CREDENTIALS_FILE names, and the file the option names before it', async () => {
    const named = await writeProfile(basic(), join(home, 'elsewhere.ini'));
    vi.stubEnv('HUAWEICLOUD_SDK_CREDENTIALS_FILE', named);
    expect((await credentialsFromProfile()()).accessKeyId).toBe(KEYS.accessKeyId);
    const chosen = await writeProfile('[basic]\nak = OPTIONAK\nsk = option-sk\n', join(home, 'chosen.ini'));
    expect(await credentialsFromProfile({ file: chosen })()).toEqual({ accessKeyId: 'OPTIONAK', secretAccessKey: 'option-sk' });
  });

  it('an empty security_token or project_id as none', async () => {
    await writeProfile(`[basic]\nak = ${KEYS.accessKeyId}\nsk = ${KEYS.secretAccessKey}\nsecurity_token =\nproject_id =\n`);
    expect(await credentialsFromProfile()()).toStrictEqual({ accessKeyId: KEYS.accessKeyId, secretAccessKey: KEYS.secretAccessKey });
  });

  it('the file under USERPROFILE when HOME is not set, as on Windows', async () => {
    vi.stubEnv('HOME', undefined);
    vi.stubEnv('USERPROFILE', home);
    await writeProfile(basic());
    expect((await credentialsFromProfile()()).accessKeyId).toBe(KEYS.accessKeyId);
  });

  it('another section when asked', async () => {
    await writeProfile(`${basic()}[global]\nak = GLOBALAK\nsk = global-sk\n`);
    expect(await credentialsFromProfile({ section: 'global' })()).toEqual({ accessKeyId: 'GLOBALAK', secretAccessKey: 'global-sk' });
  });

  it('once: every caller, concurrent or later, gets the pair read first', async () => {
    const path = await writeProfile(basic());
    const provider = credentialsFromProfile();
    const first = await Promise.all(Array.from({ length: 20 }, () => provider()));
    expect(new Set(first).size).toBe(1);
    await writeFile(path, '[basic]\nak = CHANGED\nsk = changed-sk\n');
    expect(await provider()).toBe(first[0]);
  });

  it('again after a failure: a file written after the first try is read on the next', async () => {
    const provider = credentialsFromProfile();
    await refusal(provider);
    await writeProfile(basic());
    expect((await provider()).accessKeyId).toBe(KEYS.accessKeyId);
  });

  it('a pair that signs: the official signer accepts the call', async () => {
    await writeProfile(basic());
    const client = createFunctionGraphClient({ baseUrl: verifier.url, credentials: credentialsFromProfile() });
    expect(await client.asyncInvokeFunction({ functionUrn: URN, body: { k: 'v' } })).toBe('r-profile');
    expect(verifier.requests[0]!.verdict).toMatchObject({ accepted: true, accessKeyId: KEYS.accessKeyId });
    expect(verifier.requests[0]!.headers['x-security-token']).toBe(KEYS.securityToken);
    expect(inspect(client, { depth: 5, showHidden: true })).not.toMatch(new RegExp(SECRETS.join('|')));
  });
});

describe('credentialsFromProfile refuses, naming the file, the line or the key', () => {
  it('a missing file: the chain may go on', async () => {
    const error = await refusal(credentialsFromProfile());
    expect(error.message).toBe(`${join(home, '.huaweicloud', 'credentials')} does not exist`);
    expect(error).toMatchObject({ source: 'profile file', tryNext: true });
  });

  it('a file where the folder should be: the file does not exist, the chain may go on', async () => {
    await writeFile(join(home, '.huaweicloud'), 'not a folder\n');
    const error = await refusal(credentialsFromProfile());
    expect(error.message).toBe(`${join(home, '.huaweicloud', 'credentials')} does not exist`);
    expect(error).toMatchObject({ source: 'profile file', tryNext: true });
  });

  it('a file with no [basic] section: the chain may go on', async () => {
    const path = await writeProfile('[global]\nak = A\nsk = S\n');
    const error = await refusal(credentialsFromProfile());
    expect(error.message).toBe(`${path} has no [basic] section`);
    expect(error.tryNext).toBe(true);
  });

  it.each([
    ['a malformed line, by number and never quoted', basic(`${KEYS.secretAccessKey}\n`), ':6: expected `key = value`'],
    ['a missing sk', `[basic]\nak = ${KEYS.accessKeyId}\n`, ' [basic] has no sk key'],
    ['a missing ak', `[basic]\nsk = ${KEYS.secretAccessKey}\n`, ' [basic] has no ak key'],
    ['an empty ak', `[basic]\nak =\nsk = ${KEYS.secretAccessKey}\n`, ' [basic] has no ak key'],
    ['an sk with a space in it', `[basic]\nak = A\nsk = ${KEYS.secretAccessKey} x\n`, ' [basic] sk has characters not allowed in a header'],
  ])('%s: the chain stops there', async (_name, text, problem) => {
    const path = await writeProfile(text);
    const error = await refusal(credentialsFromProfile());
    expect(error.message).toContain(`${path}${problem}`);
    expect(error).toMatchObject({ source: 'profile file', tryNext: false });
  });

  it('a folder where the file should be, saying it could not be read', async () => {
    await mkdir(join(home, '.huaweicloud', 'credentials'), { recursive: true });
    const error = await refusal(credentialsFromProfile());
    expect(error.message).toMatch(/credentials could not be read \(EISDIR\)$/);
    expect(error.tryNext).toBe(false);
  });
});
