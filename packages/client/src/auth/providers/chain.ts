/**
 * `defaultCredentials`: where the official Go and Python SDKs look, in their order: the
 * environment, then the profile file, then the instance metadata. The first source that has
 * credentials wins and is kept (later calls go straight to it, so credentials it renews are
 * picked up); a source that simply has none here is passed over; a source that is there but
 * broken (a malformed profile file) stops the search, since going on would hide the mistake.
 * When every source comes up empty, one error lists each and how to provide it.
 *
 * This module reaches Node's file system and the network only through the providers, on first
 * use; a client made with no auth option on Node loads it by dynamic `import()`.
 */
import { FunctionGraphCredentialsError, type CredentialsSourceFailure } from '../../errors.js';
import { knownKeys, refuseUnknownKeys } from '../../runtime/unknown-keys.js';
import type { Credentials, CredentialsProvider } from '../credentials.js';
import { CREDENTIAL_VARIABLES, processEnvironment, readEnvironment } from '../environment.js';
import { credentialsFromMetadata, type MetadataOptions } from './metadata.js';
import { credentialsFromProfile, type ProfileOptions } from './profile.js';

export interface DefaultCredentialsOptions {
  /** `false` skips the variables `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_SECURITY_TOKEN`. */
  environment?: false;
  /** `false` skips the profile file; an object chooses its file or section (see `credentialsFromProfile`). */
  profile?: false | ProfileOptions;
  /** `false` skips the instance metadata (off the cloud it costs at most its timeout, once per process); an object sets its endpoint or timeout. */
  metadata?: false | MetadataOptions;
}

interface Step {
  readonly source: string;
  readonly provider: CredentialsProvider;
  /** What to do about it, said after the source's own reason. */
  readonly remedy: string;
}

const chainOptions = knownKeys([['environment'], ['profile'], ['metadata']]);

const environmentStep: CredentialsProvider = () => {
  const read = readEnvironment(processEnvironment() ?? {});
  if ('missing' in read) {
    throw new FunctionGraphCredentialsError(`${read.missing.join(' and ')} ${read.missing.length > 1 ? 'are' : 'is'} not set`, { source: 'environment', tryNext: true });
  }
  return read.projectId === undefined ? read.credentials : { ...read.credentials, projectId: read.projectId };
};

function steps(options: DefaultCredentialsOptions): Step[] {
  const chosen: Step[] = [];
  if (options.environment !== false) {
    chosen.push({ source: 'environment', provider: environmentStep, remedy: `set ${CREDENTIAL_VARIABLES.accessKeyId} and ${CREDENTIAL_VARIABLES.secretAccessKey} (and ${CREDENTIAL_VARIABLES.securityToken} for temporary keys)` });
  }
  if (options.profile !== false) {
    chosen.push({ source: 'profile file', provider: credentialsFromProfile(options.profile ?? {}), remedy: `write ak and sk under [basic] in ~/.huaweicloud/credentials (or the file ${CREDENTIAL_VARIABLES.credentialsFile} names)` });
  }
  if (options.metadata !== false) {
    chosen.push({ source: 'instance metadata', provider: credentialsFromMetadata(options.metadata ?? {}), remedy: 'on an ECS instance, bind an agency to it' });
  }
  return chosen;
}

/**
 * A provider that finds credentials where the official SDKs do. On Node, a client made with
 * neither `credentials` nor `token` uses `defaultCredentials()`.
 */
export function defaultCredentials(options: DefaultCredentialsOptions = {}): CredentialsProvider {
  refuseUnknownKeys(options, chainOptions, 'option', 'defaultCredentials');
  const tried = steps(options);
  let found: CredentialsProvider | undefined;
  let searching: Promise<Credentials> | undefined;

  const search = async (): Promise<Credentials> => {
    const failures: CredentialsSourceFailure[] = [];
    for (const step of tried) {
      try {
        const credentials = await step.provider();
        found = step.provider;
        return credentials;
      } catch (error) {
        if (!(error instanceof FunctionGraphCredentialsError) || !error.tryNext) throw error;
        failures.push({ source: step.source, reason: `${error.message}; ${step.remedy}` });
      }
    }
    throw new FunctionGraphCredentialsError(checklist(failures), { source: 'default chain', failures });
  };

  return async () => {
    const credentials = found ? await found() : await (searching ??= search().finally(() => (searching = undefined)));
    return withEnvironmentProject(credentials);
  };
}

/** The chain's error: each source tried, what it lacked, and what to do. */
function checklist(failures: readonly CredentialsSourceFailure[]): string {
  const lines = failures.map(({ source, reason }) => `- ${source}: ${reason}.`);
  return [
    failures.length === 0 ? 'no credentials found: every source of defaultCredentials is turned off.' : 'no credentials found. Tried, in order:',
    ...lines,
    'Or give the client `credentials` (an access key pair or provider) or `token` (an IAM token, or iamToken(…)).',
  ].join('\n');
}

/** `HUAWEICLOUD_SDK_PROJECT_ID` names the project when the source did not. */
function withEnvironmentProject(credentials: Credentials): Credentials {
  if (credentials.projectId !== undefined) return credentials;
  const projectId = processEnvironment()?.[CREDENTIAL_VARIABLES.projectId];
  return projectId ? { ...credentials, projectId } : credentials;
}
