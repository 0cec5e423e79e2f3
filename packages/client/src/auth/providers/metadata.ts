/**
 * `credentialsFromMetadata`: the temporary access key pair of the agency bound to an ECS instance
 * (or a container on one), from the instance metadata API, asked as the official SDKs ask it: a
 * session token first (`PUT /meta-data/latest/api/token`; a 404 or 405 means the service has none,
 * and the SDKs go on without), then `GET /openstack/latest/securitykey`.
 *
 * Off the cloud nothing answers at 169.254.169.254, and a connection attempt can hang: the whole
 * exchange has one deadline (1 s by default), and an endpoint that never answered is remembered as
 * unreachable for the life of the process, so a laptop pays that second once, whichever client or
 * chain asks. An endpoint that has answered once is always asked again.
 */
import { fail, FunctionGraphCredentialsError } from '../../errors.js';
import type { Credentials, CredentialsProvider } from '../credentials.js';
import { checkOrigin, fetchFailureReason } from './endpoint.js';
import { parseExpiresAt } from './expires-at.js';
import { refreshing, type Expiring } from './refreshing.js';

export interface MetadataOptions {
  /** The metadata service. Default `http://169.254.169.254`; tests and unusual networks point it elsewhere. */
  endpoint?: string;
  /** Milliseconds both requests together may take. Default 1 000. */
  timeoutMs?: number;
}

export const DEFAULT_METADATA_ENDPOINT = 'http://169.254.169.254';
export const DEFAULT_METADATA_TIMEOUT_MS = 1_000;
/** How long the session token is asked to last, as the official SDKs ask (6 h). */
const sessionTokenTtlSeconds = '21600';
const source = 'instance metadata';

/** Per endpoint: `true` once it answered, or why it could not be reached. */
const reachability = new Map<string, true | string>();

/**
 * A provider of the instance's temporary credentials, renewed in the background ahead of their
 * `expires_at` (see refreshing.ts for when, and why), one renewal shared by every caller.
 */
export function credentialsFromMetadata(options: MetadataOptions = {}): CredentialsProvider {
  const endpoint = checkOrigin(options.endpoint ?? DEFAULT_METADATA_ENDPOINT, DEFAULT_METADATA_ENDPOINT);
  const timeoutMs = options.timeoutMs ?? DEFAULT_METADATA_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= 60_000)) fail('timeoutMs', 'must be a number of milliseconds above 0, at most 60 000');
  const current = refreshing(() => fetchSecurityKey(endpoint, timeoutMs));
  return () => current();
}

async function fetchSecurityKey(endpoint: string, timeoutMs: number): Promise<Expiring<Credentials>> {
  const known = reachability.get(endpoint);
  if (typeof known === 'string') throw new FunctionGraphCredentialsError(known, { source, tryNext: true });
  const deadline = AbortSignal.timeout(timeoutMs);
  const started = Date.now();
  /** One request, its body read under the same deadline: a body that stalls or breaks off fails here like a connection that does. */
  const ask = async (what: string, path: string, init: RequestInit): Promise<Answer> => {
    try {
      const response = await fetch(endpoint + path, { ...init, signal: deadline });
      reachability.set(endpoint, true);
      return { status: response.status, ok: response.ok, text: await response.text() };
    } catch (error) {
      const why = deadline.aborted ? `no answer within ${timeoutMs} ms` : `${fetchFailureReason(error)} after ${Date.now() - started} ms`;
      // A service that has answered (in this exchange or an earlier one) is there, only slow or
      // broken this time: it is asked again next time, never remembered as off the cloud.
      if (reachability.get(endpoint) === true) {
        throw new FunctionGraphCredentialsError(`the metadata service at ${endpoint} did not finish answering the ${what} request (${why})`, { source, tryNext: true }, { cause: error });
      }
      const reason = `the metadata service at ${endpoint} is unreachable (${why}): not on a Huawei Cloud instance`;
      reachability.set(endpoint, `${reason}; remembered for this process`);
      throw new FunctionGraphCredentialsError(reason, { source, tryNext: true }, { cause: error });
    }
  };
  const tokenAnswer = await ask('session token', '/meta-data/latest/api/token', { method: 'PUT', headers: { 'X-Metadata-Token-Ttl-Seconds': sessionTokenTtlSeconds } });
  const headers: Record<string, string> = {};
  if (tokenAnswer.ok) headers['X-Metadata-Token'] = tokenAnswer.text.trim();
  else if (tokenAnswer.status !== 404 && tokenAnswer.status !== 405) throw refusal(endpoint, 'session token', tokenAnswer);
  const keyAnswer = await ask('security key', '/openstack/latest/securitykey', { headers });
  if (!keyAnswer.ok) throw refusal(endpoint, 'security key', keyAnswer);
  return readSecurityKey(endpoint, keyAnswer.text);
}

/** An answer, read whole. */
interface Answer {
  readonly status: number;
  readonly ok: boolean;
  readonly text: string;
}

/** A refusal: 401, 403 or 404 to the security key is what an instance without an agency gets. */
function refusal(endpoint: string, what: string, answer: Answer): FunctionGraphCredentialsError {
  const said = answer.text.slice(0, 200).replace(/\s+/g, ' ').trim();
  const noAgency = what === 'security key' && (answer.status === 401 || answer.status === 403 || answer.status === 404);
  const hint = noAgency ? ': no agency is bound to this instance (bind one in the ECS console to get temporary credentials)' : '';
  return new FunctionGraphCredentialsError(`the metadata service at ${endpoint} answered ${answer.status} to the ${what} request${said ? ` (${said})` : ''}${hint}`, { source, tryNext: true });
}

/** `{"credential":{"access","secret","securitytoken","expires_at"}}`; a field that is missing is named, its neighbours' values never shown. */
function readSecurityKey(endpoint: string, text: string): Expiring<Credentials> {
  const broken = (problem: string) => new FunctionGraphCredentialsError(`the metadata service at ${endpoint} sent a security key answer that ${problem}`, { source });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw broken('is not JSON');
  }
  const credential = (parsed as { credential?: Record<string, unknown> } | null)?.credential;
  if (typeof credential !== 'object' || credential === null) throw broken('has no credential object');
  const field = (name: string) => {
    const value = credential[name];
    if (typeof value !== 'string' || value === '') throw broken(`has no credential.${name}`);
    return value;
  };
  const expiresAt = parseExpiresAt(credential.expires_at);
  if (expiresAt === undefined) throw broken('has no readable credential.expires_at');
  return { value: { accessKeyId: field('access'), secretAccessKey: field('secret'), securityToken: field('securitytoken') }, expiresAt };
}
