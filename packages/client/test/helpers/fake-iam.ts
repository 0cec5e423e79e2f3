/**
 * A loopback stand-in for IAM's `POST /v3/auth/tokens` (facts §5d), for the tests of `iamToken`:
 *
 * - password tokens: the body's user, password and domain must match a user the test gave, and the
 *   scope must be one of its projects (`{"project":{"id":…}}`);
 * - agency tokens (`assume_role`): the request must carry, as `X-Auth-Token`, a token this fake
 *   issued and has not revoked, and name an agency the test gave;
 * - expiry: every token ends `lifetimeMs` after it is issued, written in `token.expires_at` as IAM
 *   writes it (ISO UTC with microseconds), unless the test sets the exact text;
 * - refusals: IAM's own 401 shape `{"error":{"code":401,"message":…,"title":"Unauthorized"}}`;
 * - revocation (`revoke`), as a password change does, which `isValid` (for a FunctionGraph stand-in)
 *   and later agency requests see.
 *
 * Tokens are fake, several KB long like real ones, and say DO-NOT-LOG so a leak is easy to find.
 * Every request is recorded with its parsed body. 127.0.0.1 only, port chosen by the OS, closed by
 * the test.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { closeServer, json, listenOnLoopback, recordingServer, type RecordedRequest } from './loopback-server.js';

export const TOKENS_PATH = '/v3/auth/tokens';
export const TOKEN_MARK = 'DO-NOT-LOG';

export interface IamUser {
  domainName: string;
  userName: string;
  password: string;
  /** Projects a token of this user may be scoped to. */
  projectIds: readonly string[];
}

export interface IamAgency {
  domainName: string;
  agencyName: string;
}

/** One token request as it arrived, with what the fake made of it. */
export interface IamRequest extends RecordedRequest {
  /** The body parsed, or undefined when it was not JSON. */
  json: unknown;
  /** `password`, `assume_role`, or what else the body named. */
  method: string;
  /** The status it was answered with. */
  status: number;
  /** The token issued, when one was. */
  issued?: string;
}

interface Issued {
  readonly kind: 'password' | 'assume_role';
  readonly projectId: string;
  readonly expiresAt: number;
  revoked: boolean;
}

export interface FakeIam {
  /** `http://127.0.0.1:<port>`: `iamToken`'s `endpoint`. */
  readonly url: string;
  readonly requests: IamRequest[];
  /** Every token issued, oldest first. */
  readonly issued: string[];
  /** How long tokens issued from now on last (default 24 h, as IAM's). */
  lifetimeMs: number;
  /** When set, the exact `token.expires_at` text of tokens issued from now on (overrides `lifetimeMs` in the body). */
  expiresAtText: string | undefined;
  /** Milliseconds every answer waits before it is written. */
  delayMs: number;
  /** When set, every request is answered with it, whatever it asks (an outage, say). */
  outage: { status: number; body: string } | undefined;
  /** Whether `token` was issued here, is not revoked and has not expired. */
  isValid(token: string | undefined): boolean;
  /** Revokes one token, or every token issued so far. */
  revoke(token?: string): void;
  /** How many requests of each identity method arrived since the start or the last `forget()`. */
  count(): { password: number; assumeRole: number; all: number };
  forget(): void;
  close(): Promise<void>;
}

/** `token.expires_at` as IAM writes it: `2026-12-05T10:00:00.000000Z`. */
export function iamTime(at: number): string {
  return new Date(at).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** IAM's refusal body. */
export function iamError(code: number, message: string, title: string): { error: { code: number; message: string; title: string } } {
  return { error: { code, message, title } };
}

/** A token about 6 KB long, recognisable, unique. Visible ASCII only, as a header value must be. */
function newToken(kind: string, n: number): string {
  const head = `fake-iam-token-${kind}-${n}-${TOKEN_MARK}-`;
  return head + randomBytes(4_500).toString('base64url').slice(0, 6_000 - head.length);
}

export async function startFakeIam(setup: { users?: readonly IamUser[]; agencies?: readonly IamAgency[] } = {}): Promise<FakeIam> {
  const users = [...(setup.users ?? [])];
  const agencies = [...(setup.agencies ?? [])];
  const requests: IamRequest[] = [];
  const issuedTokens: string[] = [];
  const tokens = new Map<string, Issued>();
  const settings = { lifetimeMs: 24 * 60 * 60_000, expiresAtText: undefined as string | undefined, delayMs: 0, outage: undefined as { status: number; body: string } | undefined };

  const isValid = (token: string | undefined) => {
    const found = token === undefined ? undefined : tokens.get(token);
    return found !== undefined && !found.revoked && Date.now() < found.expiresAt;
  };

  /** Decides the answer to one request: [status, body, the token issued]. */
  const decide = (recorded: RecordedRequest, parsed: unknown, method: string): [number, unknown, string?] => {
    const path = recorded.url.split('?')[0];
    if (recorded.method !== 'POST' || path !== TOKENS_PATH) return [404, iamError(404, `no route ${recorded.method} ${path}`, 'Not Found')];
    if (settings.outage) return [settings.outage.status, settings.outage.body];
    if (parsed === undefined) return [400, iamError(400, 'The request body is not JSON.', 'Bad Request')];
    const auth = (parsed as { auth?: { identity?: Record<string, unknown>; scope?: { project?: { id?: unknown } } } }).auth;
    const projectId = auth?.scope?.project?.id;
    if (typeof projectId !== 'string') return [400, iamError(400, 'The request must be scoped to a project by id.', 'Bad Request')];
    const identity = auth?.identity ?? {};
    if (method === 'password') {
      const user = (identity.password as { user?: { name?: unknown; password?: unknown; domain?: { name?: unknown } } } | undefined)?.user;
      const known = users.find((u) => u.userName === user?.name && u.domainName === user?.domain?.name && u.password === user?.password);
      if (!known) return [401, iamError(401, 'The username or password is wrong.', 'Unauthorized')];
      if (!known.projectIds.includes(projectId)) return [400, iamError(400, `Project ${projectId} is not a project of the user.`, 'Bad Request')];
      return [201, undefined, issue('password', projectId)];
    }
    if (method === 'assume_role') {
      if (!isValid(String(recorded.headers['x-auth-token'] ?? ''))) return [401, iamError(401, 'The request you have made requires authentication.', 'Unauthorized')];
      const role = identity.assume_role as { domain_name?: unknown; xrole_name?: unknown } | undefined;
      if (!agencies.some((a) => a.domainName === role?.domain_name && a.agencyName === role?.xrole_name)) {
        return [403, iamError(403, 'You have no permission to assume this agency.', 'Forbidden')];
      }
      return [201, undefined, issue('assume_role', projectId)];
    }
    return [400, iamError(400, `Unsupported identity method ${method}.`, 'Bad Request')];
  };

  const issue = (kind: Issued['kind'], projectId: string): string => {
    const token = newToken(kind === 'password' ? 'user' : 'agency', issuedTokens.length + 1);
    tokens.set(token, { kind, projectId, expiresAt: Date.now() + settings.lifetimeMs, revoked: false });
    issuedTokens.push(token);
    return token;
  };

  const answer = (res: ServerResponse, status: number, body: unknown, token: string | undefined) => {
    const send = () => {
      if (res.destroyed) return;
      if (token === undefined) return json(res, status, body);
      const held = tokens.get(token)!;
      const expires_at = settings.expiresAtText ?? iamTime(held.expiresAt);
      json(res, status, { token: { methods: [held.kind], expires_at, issued_at: iamTime(Date.now()), project: { id: held.projectId } } }, { 'X-Subject-Token': token });
    };
    if (settings.delayMs > 0) setTimeout(send, settings.delayMs);
    else send();
  };

  const server = recordingServer((recorded, _req, res) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(recorded.body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const methods = (parsed as { auth?: { identity?: { methods?: unknown } } } | undefined)?.auth?.identity?.methods;
    const method = Array.isArray(methods) ? String(methods[0]) : '';
    const [status, body, token] = decide(recorded, parsed, method);
    requests.push({ ...recorded, json: parsed, method, status, ...(token === undefined ? {} : { issued: token }) });
    answer(res, status, body, token);
  });
  const port = await listenOnLoopback(server);

  // The settings object is the fake itself: what a test sets on it, the next answer reads.
  return Object.assign(settings, {
    url: `http://127.0.0.1:${port}`,
    requests,
    issued: issuedTokens,
    isValid,
    revoke(token) {
      for (const [value, held] of tokens) if (token === undefined || value === token) held.revoked = true;
    },
    count: () => ({
      password: requests.filter((r) => r.method === 'password').length,
      assumeRole: requests.filter((r) => r.method === 'assume_role').length,
      all: requests.length,
    }),
    forget() {
      requests.length = 0;
    },
    close: () => closeServer(server),
  } satisfies Omit<FakeIam, keyof typeof settings>);
}
