/**
 * defaultCredentials, and a client made with no auth option on Node (which uses it): the
 * environment, then the profile file, then the instance metadata; the first that has credentials
 * wins; a broken profile stops the search; when none has any, one error lists each source, why it
 * had none, and what to do, before anything is sent. HOME is a temporary folder and the variables
 * are set per test, so nothing of the machine's own leaks in.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createAuthenticator } from '../../../src/auth/authenticator.js';
import { withDefaultAuth, type AuthOptions } from '../../../src/auth/default-auth.js';
import { operationDescriptors, type OperationDescriptor } from '../../../src/generated.js';
import { createFunctionGraphClient, defaultCredentials, FunctionGraphCredentialsError, FunctionGraphInputError } from '../../../src/index.js';
import { PROJECT, rejection, URN } from '../../helpers/calls.js';
import { silentEndpoint as startSilentEndpoint, type SilentEndpoint } from '../../helpers/fake-metadata.js';
import { json } from '../../helpers/loopback-server.js';
import { startVerifyingServer, type KeyPair, type VerifyingServer } from '../../helpers/verifying-server.js';

const FROM_ENV: KeyPair = { accessKeyId: 'FAKEAKCHAINENV01', secretAccessKey: 'fake-sk-chain-env-DO-NOT-LOG' };
const FROM_PROFILE: KeyPair = { accessKeyId: 'FAKEAKCHAINFILE1', secretAccessKey: 'fake-sk-chain-file-DO-NOT-LOG' };
const VARIABLES = ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_CREDENTIALS_FILE'];

let home: string;
let verifier: VerifyingServer;
let silent: SilentEndpoint;
let silentEndpoint: string;

beforeAll(async () => {
  verifier = await startVerifyingServer({ keys: [FROM_ENV, FROM_PROFILE], responder: (_request, res) => json(res, 202, { request_id: 'r-chain' }) });
  silent = await startSilentEndpoint();
  silentEndpoint = silent.url;
});
afterAll(async () => {
  await silent.close();
  await verifier.close();
});

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fgs-chain-'));
  vi.stubEnv('HOME', home);
  for (const name of VARIABLES) vi.stubEnv(name, undefined);
  verifier.reset();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

const profilePath = () => join(home, '.huaweicloud', 'credentials');
async function writeProfile(text: string): Promise<void> {
  await mkdir(join(home, '.huaweicloud'), { recursive: true });
  await writeFile(profilePath(), text);
}
const useEnvironment = (keys: KeyPair) => {
  vi.stubEnv('HUAWEICLOUD_SDK_AK', keys.accessKeyId);
  vi.stubEnv('HUAWEICLOUD_SDK_SK', keys.secretAccessKey);
};
/** The error a provider's call rejects (or throws) with; fails if it resolves. */
const failureOf = (provider: () => unknown): Promise<unknown> => rejection(Promise.resolve().then(provider));
/** A chain whose metadata step asks the silent server, with a short deadline. */
const chain = (timeoutMs = 300) => defaultCredentials({ metadata: { endpoint: silentEndpoint, timeoutMs } });

describe('defaultCredentials: the first source with credentials wins', () => {
  it('the environment before the profile file, with HUAWEICLOUD_SDK_PROJECT_ID as the project', async () => {
    useEnvironment(FROM_ENV);
    vi.stubEnv('HUAWEICLOUD_SDK_PROJECT_ID', PROJECT);
    await writeProfile(`[basic]\nak = ${FROM_PROFILE.accessKeyId}\nsk = ${FROM_PROFILE.secretAccessKey}\n`);
    expect(await chain()()).toEqual({ ...FROM_ENV, projectId: PROJECT });
  });

  it('the environment: the pair alone when HUAWEICLOUD_SDK_PROJECT_ID is not set', async () => {
    useEnvironment(FROM_ENV);
    expect(await chain()()).toStrictEqual({ accessKeyId: FROM_ENV.accessKeyId, secretAccessKey: FROM_ENV.secretAccessKey });
  });

  it('the profile file when the variables are not set; its project_id before the variable', async () => {
    vi.stubEnv('HUAWEICLOUD_SDK_PROJECT_ID', 'ffffffffffffffffffffffffffffffff');
    await writeProfile(`[basic]\nak = ${FROM_PROFILE.accessKeyId}\nsk = ${FROM_PROFILE.secretAccessKey}\nproject_id = ${PROJECT}\n`);
    expect(await chain()()).toEqual({ ...FROM_PROFILE, projectId: PROJECT });
  });

  it('the source that won is asked again on later calls, the others never', async () => {
    await writeProfile(`[basic]\nak = ${FROM_PROFILE.accessKeyId}\nsk = ${FROM_PROFILE.secretAccessKey}\n`);
    const provider = chain();
    const all = await Promise.all(Array.from({ length: 50 }, () => provider()));
    expect(new Set(all.map((credentials) => credentials.accessKeyId))).toEqual(new Set([FROM_PROFILE.accessKeyId]));
    // Set now, the variables do not displace the profile the chain already chose.
    useEnvironment(FROM_ENV);
    expect((await provider()).accessKeyId).toBe(FROM_PROFILE.accessKeyId);
  });

  it('a step turned off is not tried', async () => {
    useEnvironment(FROM_ENV);
    await writeProfile(`[basic]\nak = ${FROM_PROFILE.accessKeyId}\nsk = ${FROM_PROFILE.secretAccessKey}\n`);
    expect((await defaultCredentials({ environment: false, metadata: false })()).accessKeyId).toBe(FROM_PROFILE.accessKeyId);
    const other = join(home, 'other.ini');
    await writeFile(other, `[basic]\nak = OTHERAK\nsk = other-sk\n`);
    expect((await defaultCredentials({ environment: false, profile: { file: other }, metadata: false })()).accessKeyId).toBe('OTHERAK');
  });

  it('refuses an option it does not know, naming it and the one meant', async () => {
    const error = await failureOf(defaultCredentials({ Metadata: false } as never));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as Error).message).toBe('Metadata is not an option of defaultCredentials (did you mean metadata?): the options are environment, profile, metadata');
  });
});

describe('defaultCredentials: when no source has credentials', () => {
  it('fails with a checklist of every source, why it had none and how to provide it', async () => {
    const error = await failureOf(chain());
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    const { message, failures } = error as FunctionGraphCredentialsError;
    expect(failures.map((failure) => failure.source)).toEqual(['environment', 'profile file', 'instance metadata']);
    expect(message.split('\n')).toEqual([
      'no credentials found. Tried, in order:',
      '- environment: HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK are not set; set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys).',
      `- profile file: ${profilePath()} does not exist; write ak and sk under [basic] in ~/.huaweicloud/credentials (or the file HUAWEICLOUD_SDK_CREDENTIALS_FILE names).`,
      `- instance metadata: the metadata service at ${silentEndpoint} is unreachable (no answer within 300 ms): not on a Huawei Cloud instance; on an ECS instance, bind an agency to it.`,
      'Or give the client `credentials` (an access key pair or provider) or `token` (an IAM token, or iamToken(…)).',
    ]);
  });

  it('pays the metadata deadline once per process: a second chain fails at once', async () => {
    // A silent endpoint of its own: the file's other tests have already paid for the shared one.
    const own = await startSilentEndpoint();
    onTestFinished(() => own.close());
    const endpoint = `${own.url}/`;
    let started = performance.now();
    await failureOf(defaultCredentials({ metadata: { endpoint, timeoutMs: 400 } }));
    const first = performance.now() - started;
    started = performance.now();
    const again = await failureOf(defaultCredentials({ metadata: { endpoint, timeoutMs: 400 } }));
    const second = performance.now() - started;
    expect(first).toBeGreaterThanOrEqual(390);
    expect(first).toBeLessThan(2_000);
    expect(second).toBeLessThan(150);
    expect((again as FunctionGraphCredentialsError).failures[2]!.reason).toMatch(/no answer within 400 ms\): not on a Huawei Cloud instance; remembered for this process/);
  });

  it('names the one variable that is missing when the other is set', async () => {
    vi.stubEnv('HUAWEICLOUD_SDK_AK', FROM_ENV.accessKeyId);
    const error = await failureOf(chain());
    expect((error as FunctionGraphCredentialsError).failures[0]).toEqual({
      source: 'environment',
      reason: 'HUAWEICLOUD_SDK_SK is not set; set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (and HUAWEICLOUD_SDK_SECURITY_TOKEN for temporary keys)',
    });
  });

  it('searches again on the next call: a profile file written since is found', async () => {
    const provider = chain();
    expect(await failureOf(provider)).toBeInstanceOf(FunctionGraphCredentialsError);
    await writeProfile(`[basic]\nak = ${FROM_PROFILE.accessKeyId}\nsk = ${FROM_PROFILE.secretAccessKey}\n`);
    expect(await provider()).toEqual(FROM_PROFILE);
  });

  it('stops at a broken profile file instead of passing over it, naming the file and line', async () => {
    await writeProfile('[basic]\nak = A\nsk\n');
    const error = await failureOf(chain());
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as Error).message).toBe(`${profilePath()}:3: expected \`key = value\`, a [section] or a comment`);
  });

  it('says every source was turned off', async () => {
    const error = await failureOf(defaultCredentials({ environment: false, profile: false, metadata: false }));
    expect((error as Error).message.split('\n')[0]).toBe('no credentials found: every source of defaultCredentials is turned off.');
  });
});

describe('a client with neither credentials nor token, on Node', () => {
  it('signs with the variables, as the official SDKs read them', async () => {
    useEnvironment(FROM_ENV);
    const client = createFunctionGraphClient({ baseUrl: verifier.url });
    expect(await client.asyncInvokeFunction({ functionUrn: URN, body: {} })).toBe('r-chain');
    expect(verifier.requests[0]!.verdict).toMatchObject({ accepted: true, accessKeyId: FROM_ENV.accessKeyId });
  });

  it('signs with the profile file when the variables are not set', async () => {
    await writeProfile(`[basic]\nak = ${FROM_PROFILE.accessKeyId}\nsk = ${FROM_PROFILE.secretAccessKey}\n`);
    const client = createFunctionGraphClient({ baseUrl: verifier.url });
    expect(await client.asyncInvokeFunction({ functionUrn: URN, body: {} })).toBe('r-chain');
    expect(verifier.requests[0]!.verdict).toMatchObject({ accepted: true, accessKeyId: FROM_PROFILE.accessKeyId });
  });

  it('counts the chain as found by itself: an operation it cannot sign still asks for credentials or a token', async () => {
    const settings = withDefaultAuth<AuthOptions>({});
    expect(settings.credentials).toBeTypeOf('function');
    // asyncInvokeFunction as if the spec secured it with a token only.
    const { signing: _signing, tokenHeaders: _tokenHeaders, ...rest } = operationDescriptors.asyncInvokeFunction as OperationDescriptor;
    const tokenOnly: OperationDescriptor = { ...rest, security: [['iamToken']], tokenHeaders: ['X-Auth-Token'] };
    const attempt = { method: 'POST', url: `${verifier.url}/v2/${PROJECT}/fgs/functions/f/invocations-async`, headers: {}, body: '{}', pathValues: { project_id: PROJECT } };
    const error = await rejection(createAuthenticator(settings)(tokenOnly).apply(attempt));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as Error).message).toBe('credentials or token is required by asyncInvokeFunction: give the client `credentials` (an access key pair) or `token` (an IAM token)');
  });

  it('fails before sending when no source has credentials, within about the metadata deadline (1 s)', async () => {
    const client = createFunctionGraphClient({ baseUrl: verifier.url });
    const started = performance.now();
    const error = await rejection(client.asyncInvokeFunction({ functionUrn: URN, body: {} }));
    // Off the cloud the default endpoint either does not answer (1 s deadline) or refuses at once.
    expect(performance.now() - started).toBeLessThan(2_500);
    expect(error).toBeInstanceOf(FunctionGraphCredentialsError);
    expect((error as FunctionGraphCredentialsError).failures.map((failure) => failure.source)).toEqual(['environment', 'profile file', 'instance metadata']);
    expect((error as Error).message).toMatch(/the metadata service at http:\/\/169\.254\.169\.254 /);
    expect(verifier.requests).toHaveLength(0);
  });
});
