/**
 * `credentialsFromProfile`: the access key pair in the profile file the official Go and Python
 * SDKs read, `~/.huaweicloud/credentials` (or the file `HUAWEICLOUD_SDK_CREDENTIALS_FILE` names).
 * The file is INI; its sections are credential types, and FunctionGraph needs `[basic]`
 * (project-level): keys `ak`, `sk`, `security_token`, `project_id`. Read once, on first use; a
 * file that could not be read is read again on the next call.
 */
import { FunctionGraphCredentialsError } from '../../errors.js';
import { nodeBuiltin } from '../../runtime/node-builtin.js';
import { isVisibleAscii, notAllowedInHeader } from '../../runtime/header-syntax.js';
import type { Credentials, CredentialsProvider } from '../credentials.js';
import { CREDENTIAL_VARIABLES, processEnvironment } from '../environment.js';
import { IniSyntaxError, parseIni } from './ini.js';

export interface ProfileOptions {
  /** The file to read. Default: `HUAWEICLOUD_SDK_CREDENTIALS_FILE`, else `~/.huaweicloud/credentials`. */
  file?: string;
  /** The section to read. Default `basic`. */
  section?: string;
}

const source = 'profile file';

/** The key of each field in a section. */
const profileKeys = { accessKeyId: 'ak', secretAccessKey: 'sk', securityToken: 'security_token', projectId: 'project_id' } as const;

interface NodeFs {
  promises: { readFile(path: string, encoding: 'utf8'): Promise<string> };
}
interface NodeOs {
  homedir(): string;
}
interface NodePath {
  join(...parts: string[]): string;
}

/** The file a provider reads: the option, the variable, or the default under the home folder. */
export function profilePath(file: string | undefined): string {
  if (file !== undefined) return file;
  const env = processEnvironment();
  const fromVariable = env?.[CREDENTIAL_VARIABLES.credentialsFile];
  if (fromVariable) return fromVariable;
  const os = nodeBuiltin<NodeOs>('node:os');
  const path = nodeBuiltin<NodePath>('node:path');
  if (!os || !path) throw new FunctionGraphCredentialsError('credentialsFromProfile needs a file system (Node): this runtime has none', { source, tryNext: true });
  // HOME as the process sees it, as the Go SDK reads it: os.homedir() reads the environment the
  // process started with, which a worker thread's changes to process.env never reach.
  return path.join(env?.HOME || env?.USERPROFILE || os.homedir(), '.huaweicloud', 'credentials');
}

/**
 * A provider of the pair in a profile file's section.
 */
export function credentialsFromProfile(options: ProfileOptions = {}): CredentialsProvider {
  const section = (options.section ?? 'basic').toLowerCase();
  let read: Promise<Credentials> | undefined;
  return () =>
    (read ??= readProfile(profilePath(options.file), section).catch((error: unknown) => {
      read = undefined;
      throw error;
    }));
}

async function readProfile(file: string, section: string): Promise<Credentials> {
  const fs = nodeBuiltin<NodeFs>('node:fs');
  if (!fs) throw new FunctionGraphCredentialsError('credentialsFromProfile needs a file system (Node): this runtime has none', { source, tryNext: true });
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    const absent = code === 'ENOENT' || code === 'ENOTDIR';
    const problem = absent ? 'does not exist' : `could not be read (${code ?? String(error)})`;
    throw new FunctionGraphCredentialsError(`${file} ${problem}`, { source, tryNext: absent });
  }
  let sections;
  try {
    sections = parseIni(text);
  } catch (error) {
    if (!(error instanceof IniSyntaxError)) throw error;
    throw new FunctionGraphCredentialsError(`${file}:${error.line}: ${error.problem}`, { source });
  }
  const values = sections.get(section);
  if (!values) throw new FunctionGraphCredentialsError(`${file} has no [${section}] section`, { source, tryNext: true });
  const credentials: Record<string, string> = {};
  for (const [field, key] of Object.entries(profileKeys)) {
    const value = values.get(key);
    if (value === undefined || value === '') {
      if (field === 'accessKeyId' || field === 'secretAccessKey') throw new FunctionGraphCredentialsError(`${file} [${section}] has no ${key} key`, { source });
      continue;
    }
    // Named by its key; the value is never repeated: it may be the secret.
    if (!isVisibleAscii(value)) throw new FunctionGraphCredentialsError(`${file} [${section}] ${key} ${notAllowedInHeader}`, { source });
    credentials[field] = value;
  }
  return credentials as unknown as Credentials;
}
