/**
 * `credentialsFromEnv`: the access key pair (and project) from the variables the official Huawei
 * Cloud SDKs read. The client never reads the environment by itself; calling this is the choice.
 */
import type { Credentials } from './credentials.js';
import { fail } from '../errors.js';
import { isVisibleAscii, notAllowedInHeader } from '../runtime/header-syntax.js';

/** What `credentialsFromEnv` returns: spread it into the client's options. */
export interface EnvironmentCredentials {
  credentials: Credentials;
  /** From `HUAWEICLOUD_SDK_PROJECT_ID`, when set. An option written after the spread wins. */
  projectId?: string;
}

/** The variables read, as the official SDKs name them. */
export const CREDENTIAL_VARIABLES = {
  accessKeyId: 'HUAWEICLOUD_SDK_AK',
  secretAccessKey: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
  credentialsFile: 'HUAWEICLOUD_SDK_CREDENTIALS_FILE',
} as const;

/**
 * Reads `HUAWEICLOUD_SDK_AK` and `HUAWEICLOUD_SDK_SK` (required), `HUAWEICLOUD_SDK_SECURITY_TOKEN`
 * (temporary credentials) and `HUAWEICLOUD_SDK_PROJECT_ID`, from `env` (default: `process.env`).
 * A missing variable is named in the error; no value is ever repeated.
 *
 * ```ts
 * const client = createFunctionGraphClient({ region: 'cn-north-4', ...credentialsFromEnv() });
 * ```
 */
export function credentialsFromEnv(env?: Readonly<Record<string, string | undefined>>): EnvironmentCredentials {
  const source = env ?? processEnvironment();
  if (!source) fail('env', 'is required where there is no process.env (in a browser, say): pass the variables as an object');
  const read = readEnvironment(source);
  if ('missing' in read) {
    const { missing } = read;
    fail(missing[0]!, `is not set${missing.length > 1 ? ` (nor ${missing[1]})` : ''}: credentialsFromEnv needs ${CREDENTIAL_VARIABLES.accessKeyId} and ${CREDENTIAL_VARIABLES.secretAccessKey}`);
  }
  return read;
}

/** `process.env`, where there is one. */
export const processEnvironment = (): Readonly<Record<string, string | undefined>> | undefined =>
  (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;

/**
 * The pair (and project) in `source`, or the required variables that are not set (an empty
 * value counts as unset). A value that cannot be a header is refused under its variable's name.
 */
export function readEnvironment(source: Readonly<Record<string, string | undefined>>): EnvironmentCredentials | { missing: string[] } {
  const read = (name: string) => (source[name] === '' ? undefined : source[name]);
  const missing = [CREDENTIAL_VARIABLES.accessKeyId, CREDENTIAL_VARIABLES.secretAccessKey].filter((name) => read(name) === undefined);
  if (missing.length > 0) return { missing };
  const credentials = {} as Credentials;
  for (const field of ['accessKeyId', 'secretAccessKey', 'securityToken'] as const) {
    const value = read(CREDENTIAL_VARIABLES[field]);
    if (value === undefined) continue;
    // Checked here, under the variable's name, by the rule checkCredentials applies to the field;
    // the value is never repeated: it may be the secret.
    if (!isVisibleAscii(value)) fail(CREDENTIAL_VARIABLES[field], notAllowedInHeader);
    credentials[field] = value;
  }
  const projectId = read(CREDENTIAL_VARIABLES.projectId);
  return projectId === undefined ? { credentials } : { credentials, projectId };
}
