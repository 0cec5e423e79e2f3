/**
 * What the tests of `credentialsFromMetadata` share: a loopback metadata service per test
 * (helpers/fake-metadata.ts), the credentials a served key should become, and servers kept bound
 * until the file ends. Unreachable endpoints are remembered per process (each test file runs in its
 * own), so a case that makes one uses its own endpoint, and it stays bound so that no later server
 * of the file can be given its port.
 */
import { afterAll, afterEach, beforeEach, vi } from 'vitest';
import type { Credentials } from '../../../src/index.js';
import { rejection } from '../../helpers/calls.js';
import { startFakeMetadata, type FakeMetadata, type MetadataKey } from '../../helpers/fake-metadata.js';
import type { KeyPair } from '../../helpers/verifying-server.js';

/** The error a provider's answer (a value or a promise) rejects with; fails if it resolves. */
export const failureOf = (answer: unknown): Promise<unknown> => rejection(Promise.resolve(answer));

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** What the provider should make of a key the service served. */
export const credentialsOf = (key: MetadataKey): Credentials => ({ accessKeyId: key.access, secretAccessKey: key.secret, securityToken: key.securitytoken });
/** The same key as the verifying server knows it: temporary, refused after its `expires_at`. */
export const keyPairOf = (key: MetadataKey, expiresAt?: Date): KeyPair => ({ ...credentialsOf(key), ...(expiresAt ? { expiresAt } : {}) });
/** Every secret a key carries, to look for in anything printed. */
export const secretsOf = (...keys: MetadataKey[]) => keys.flatMap((key) => [key.secret, key.securitytoken]);

/** Servers and endpoints that outlive their test: those marked unreachable keep their port until the file ends. */
export const keptUntilTheEnd: { close(): Promise<void> }[] = [];

/** The test's metadata service, started before each test and closed after it (with real timers back). */
export let service: FakeMetadata;

/** Registers the file's hooks: a fresh service per test, and the kept servers closed at the end. */
export function useMetadataService(): void {
  beforeEach(async () => {
    service = await startFakeMetadata();
  });
  afterEach(async () => {
    vi.useRealTimers();
    await service.close();
  });
  afterAll(async () => {
    await Promise.all(keptUntilTheEnd.map((server) => server.close()));
  });
}
