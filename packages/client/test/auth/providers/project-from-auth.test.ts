/**
 * Where a call's project comes from when its operation takes no function URN (listFunctions): the
 * call, then the client, then the credentials' source (a profile's `project_id`,
 * `HUAWEICLOUD_SDK_PROJECT_ID`) or `iamToken`'s `projectId`. Signed calls are checked by the
 * official signer (the project is signed, in the path and in `X-Project-Id`).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFunctionGraphClient, credentialsFromProfile, FunctionGraphInputError, iamToken } from '../../../src/index.js';
import { PROJECT, rejection } from '../../helpers/calls.js';
import { startFakeIam, type FakeIam } from '../../helpers/fake-iam.js';
import { json, startLoopbackServer, type LoopbackServer } from '../../helpers/loopback-server.js';
import { startVerifyingServer, type KeyPair, type VerifyingServer } from '../../helpers/verifying-server.js';

const KEYS: KeyPair = { accessKeyId: 'FAKEAKPROJECT0001', secretAccessKey: 'fake-sk-project-DO-NOT-LOG' };
const CLIENT_PROJECT = '11111111111111111111111111111111';
const CALL_PROJECT = '22222222222222222222222222222222';
const EMPTY_LIST = { functions: [], next_marker: 0, count: 0 };

let home: string;
let verifier: VerifyingServer;
let gateway: LoopbackServer;
let iam: FakeIam;

beforeAll(async () => {
  verifier = await startVerifyingServer({ keys: [KEYS], responder: (_request, res) => json(res, 200, EMPTY_LIST) });
  gateway = await startLoopbackServer((_request, res) => json(res, 200, EMPTY_LIST));
  iam = await startFakeIam({ users: [{ domainName: 'fake-account', userName: 'deployer', password: 'fake-password-DO-NOT-LOG', projectIds: [PROJECT] }] });
});
afterAll(async () => {
  await Promise.all([verifier.close(), gateway.close(), iam.close()]);
});
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'fgs-project-'));
  vi.stubEnv('HOME', home);
  for (const name of ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_PROJECT_ID', 'HUAWEICLOUD_SDK_CREDENTIALS_FILE']) vi.stubEnv(name, undefined);
  verifier.reset();
  gateway.reset();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(home, { recursive: true, force: true });
});

async function writeProfile(projectLine: string): Promise<void> {
  await mkdir(join(home, '.huaweicloud'), { recursive: true });
  await writeFile(join(home, '.huaweicloud', 'credentials'), `[basic]\nak = ${KEYS.accessKeyId}\nsk = ${KEYS.secretAccessKey}\n${projectLine}`);
}

/** The project a signed request went to, from its path, and what it signed in X-Project-Id. */
const signedProject = () => {
  const request = verifier.requests.at(-1)!;
  expect(request.verdict.accepted, request.verdict.reason).toBe(true);
  return [/^\/v2\/([^/]+)\//.exec(request.url)?.[1], request.headers['x-project-id']];
};

describe("a call's project when its operation takes no URN", () => {
  it("comes from the profile's project_id, for the default chain and for credentialsFromProfile", async () => {
    await writeProfile(`project_id = ${PROJECT}\n`);
    await createFunctionGraphClient({ baseUrl: verifier.url }).listFunctions({});
    expect(signedProject()).toEqual([PROJECT, PROJECT]);
    await createFunctionGraphClient({ baseUrl: verifier.url, credentials: credentialsFromProfile() }).listFunctions({});
    expect(signedProject()).toEqual([PROJECT, PROJECT]);
  });

  it('comes from HUAWEICLOUD_SDK_PROJECT_ID when the source names none', async () => {
    await writeProfile('');
    vi.stubEnv('HUAWEICLOUD_SDK_PROJECT_ID', PROJECT);
    await createFunctionGraphClient({ baseUrl: verifier.url }).listFunctions({});
    expect(signedProject()).toEqual([PROJECT, PROJECT]);
  });

  it("gives way to the client's projectId, and that to the call's", async () => {
    await writeProfile(`project_id = ${PROJECT}\n`);
    const client = createFunctionGraphClient({ baseUrl: verifier.url, projectId: CLIENT_PROJECT });
    await client.listFunctions({});
    expect(signedProject()).toEqual([CLIENT_PROJECT, CLIENT_PROJECT]);
    await client.listFunctions({ projectId: CALL_PROJECT });
    expect(signedProject()).toEqual([CALL_PROJECT, CALL_PROJECT]);
  });

  it("comes from the projectId of credentials given as an object", async () => {
    await createFunctionGraphClient({ baseUrl: verifier.url, credentials: { ...KEYS, projectId: PROJECT } }).listFunctions({});
    expect(signedProject()).toEqual([PROJECT, PROJECT]);
  });

  it("comes from iamToken's projectId, the token's own scope", async () => {
    const token = iamToken({ endpoint: iam.url, domainName: 'fake-account', userName: 'deployer', password: 'fake-password-DO-NOT-LOG', projectId: PROJECT });
    await createFunctionGraphClient({ baseUrl: gateway.url, token }).listFunctions({});
    expect(gateway.requests.at(-1)!.url).toBe(`/v2/${PROJECT}/fgs/functions`);
  });

  it('is required, before anything is sent, when no source names one', async () => {
    await writeProfile('');
    const error = await rejection(createFunctionGraphClient({ baseUrl: verifier.url }).listFunctions({}));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('projectId');
    expect((error as Error).message).toBe('projectId is required: give it to the call or to the client, or use credentials whose source names it');
    expect(verifier.requests).toHaveLength(0);
  });

  it.each([
    ['a fixed token', { token: 'fake-token-DO-NOT-LOG' }],
    ['a credentials provider that returns nothing', { credentials: () => undefined as never }],
  ])('is required, before anything is sent, with %s', async (_label, auth) => {
    const error = await rejection(createFunctionGraphClient({ baseUrl: gateway.url, ...auth }).listFunctions({}));
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as Error).message).toBe('projectId is required: give it to the call or to the client, or use credentials whose source names it');
    expect(gateway.requests).toHaveLength(0);
  });

  it('fails, before anything is sent, with a credentials provider that throws: an input error naming the option, the error as its cause', async () => {
    const sealed = new Error('vault sealed');
    const error = await rejection(
      createFunctionGraphClient({
        baseUrl: gateway.url,
        credentials: () => {
          throw sealed;
        },
      }).listFunctions({}),
    );
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect(error).toMatchObject({ argument: 'credentials', message: 'credentials provider threw; see `cause`', cause: sealed });
    expect(gateway.requests).toHaveLength(0);
  });
});
