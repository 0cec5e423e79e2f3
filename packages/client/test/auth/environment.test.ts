/**
 * credentialsFromEnv: the variables the official SDKs read, each refusal naming the variable and
 * never its value; and what importing it costs a bundle (no signer, no credential checks).
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createFunctionGraphClient, credentialsFromEnv, FunctionGraphInputError } from '../../src/index.js';
import { SIGNER_MARKER } from '../../bench/measure-size.mjs';
import { INPUT, PROJECT } from '../helpers/calls.js';
import { useSigningLoopback } from '../helpers/signing-client.js';

const loopback = useSigningLoopback();

describe('credentialsFromEnv', () => {
  const env = { HUAWEICLOUD_SDK_AK: 'FAKEAK-ENV', HUAWEICLOUD_SDK_SK: 'fake-sk-env', HUAWEICLOUD_SDK_SECURITY_TOKEN: 'fake-st-env', HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };

  it('reads the variables the official SDKs read', () => {
    expect(credentialsFromEnv(env)).toEqual({ credentials: { accessKeyId: 'FAKEAK-ENV', secretAccessKey: 'fake-sk-env', securityToken: 'fake-st-env' }, projectId: PROJECT });
    // A variable not set is a key left out, not a key set to undefined (which a spread would copy over an earlier option).
    expect(credentialsFromEnv({ HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: 'S' })).toStrictEqual({ credentials: { accessKeyId: 'A', secretAccessKey: 'S' } });
  });

  it('reads process.env by default', () => {
    const saved = { ...process.env };
    try {
      Object.assign(process.env, env);
      expect(credentialsFromEnv().credentials.accessKeyId).toBe('FAKEAK-ENV');
    } finally {
      for (const key of Object.keys(env)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('asks for the variables as an object where there is no process (a browser)', () => {
    const host = globalThis as { process?: unknown };
    const own = host.process;
    let error: unknown;
    // Synchronous between taking process away and putting it back: nothing else runs meanwhile.
    host.process = undefined;
    try {
      credentialsFromEnv();
    } catch (caught) {
      error = caught;
    } finally {
      host.process = own;
    }
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe('env');
    expect(String(error)).toMatch(/env is required where there is no process\.env \(in a browser, say\): pass the variables as an object/);
    expect(credentialsFromEnv({ HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: 'S' }).credentials.accessKeyId).toBe('A');
  });

  it.each([
    ['the access key id', { HUAWEICLOUD_SDK_SK: 'S' }, 'HUAWEICLOUD_SDK_AK', /HUAWEICLOUD_SDK_AK is not set: credentialsFromEnv needs HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/],
    ['the secret key (empty)', { HUAWEICLOUD_SDK_AK: 'A', HUAWEICLOUD_SDK_SK: '' }, 'HUAWEICLOUD_SDK_SK', /HUAWEICLOUD_SDK_SK is not set/],
    ['both', {}, 'HUAWEICLOUD_SDK_AK', /HUAWEICLOUD_SDK_AK is not set \(nor HUAWEICLOUD_SDK_SK\)/],
  ])('names the variable when %s is missing', (_label, vars, argument, rule) => {
    let error: unknown;
    try {
      credentialsFromEnv(vars);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    expect((error as FunctionGraphInputError).argument).toBe(argument);
    expect(String(error)).toMatch(rule);
  });

  it('names the variable that holds a bad value, without repeating it', () => {
    expect(() => credentialsFromEnv({ ...env, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'fake st env' })).toThrow(/^HUAWEICLOUD_SDK_SECURITY_TOKEN has characters not allowed in a header/);
    expect(() => credentialsFromEnv({ ...env, HUAWEICLOUD_SDK_SECURITY_TOKEN: 'fake st env' })).not.toThrow(/fake st env/);
  });

  it('gives options to spread, where a projectId written after wins', async () => {
    const other = 'ffffeeeeddddccccbbbbaaaa99998888';
    const options = { baseUrl: loopback.server.url, ...credentialsFromEnv(env), projectId: other };
    expect(options.projectId).toBe(other);
    // Without HUAWEICLOUD_SDK_PROJECT_ID, a projectId written before the spread stays.
    const { HUAWEICLOUD_SDK_PROJECT_ID: _project, ...withoutProject } = env;
    expect({ projectId: other, ...credentialsFromEnv(withoutProject) }.projectId).toBe(other);
    await createFunctionGraphClient({ baseUrl: loopback.server.url, ...credentialsFromEnv(env) }).asyncInvokeFunction(INPUT);
    expect(loopback.server.requests[0]!.headers['x-project-id']).toBe(PROJECT);
  });
});

describe('what credentialsFromEnv costs a bundle', () => {
  it('carries neither the signer nor the credential checks that load with it', async () => {
    const source = fileURLToPath(new URL('../../src/auth/environment.ts', import.meta.url));
    const result = await build({
      stdin: { contents: `export { credentialsFromEnv } from ${JSON.stringify(source)};`, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]!.text;
    expect(code).toContain('HUAWEICLOUD_SDK_AK');
    expect(code).not.toContain(SIGNER_MARKER);
    expect(code).not.toContain('provider threw');
    expect(code).not.toContain('must be an object with accessKeyId');
  });
});
