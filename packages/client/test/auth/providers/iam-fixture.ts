/**
 * What the tests of `iamToken` share: a loopback IAM per test (helpers/fake-iam.ts) that knows one
 * user (with two projects) and one agency, and the providers made against it.
 */
import { afterEach, beforeEach } from 'vitest';
import { iamToken, type IamAgencyOptions, type IamPasswordOptions } from '../../../src/index.js';
import { PROJECT, rejection } from '../../helpers/calls.js';
import { startFakeIam, type FakeIam } from '../../helpers/fake-iam.js';

/** The error a provider's answer (a value or a promise) rejects with; fails if it resolves. */
export const failureOf = (answer: unknown): Promise<unknown> => rejection(Promise.resolve(answer));

export const DOMAIN = 'fake-account';
export const USER = 'deployer';
export const PASSWORD = 'fake-iam-password-SECRET-4f2a';
export const AGENCY = { domainName: 'other-account', agencyName: 'fgs-invoker' };
export const OTHER_PROJECT = '9f8e7d6c5b4a43210fedcba987654321';

/** The test's IAM, started before each test and closed after it. */
export let iam: FakeIam;

/** Registers the file's hooks: a fresh IAM per test. */
export function useFakeIam(): void {
  beforeEach(async () => {
    iam = await startFakeIam({ users: [{ domainName: DOMAIN, userName: USER, password: PASSWORD, projectIds: [PROJECT, OTHER_PROJECT] }], agencies: [AGENCY] });
  });
  afterEach(() => iam.close());
}

export const passwordOptions = (options: Partial<IamPasswordOptions> = {}): IamPasswordOptions => ({ endpoint: iam.url, domainName: DOMAIN, userName: USER, password: PASSWORD, projectId: PROJECT, ...options });
export const userToken = (options: Partial<IamPasswordOptions> = {}) => iamToken(passwordOptions(options));
export const agencyToken = (token: IamAgencyOptions['token'], options: Partial<IamAgencyOptions> = {}) => iamToken({ endpoint: iam.url, agency: AGENCY, token, projectId: PROJECT, ...options });
/** Every secret in play: the password and every token IAM issued. */
export const secrets = () => [PASSWORD, ...iam.issued];
