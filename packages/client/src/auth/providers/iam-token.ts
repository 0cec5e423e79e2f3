/**
 * `iamToken`: a token provider that gets project-scoped IAM tokens itself (`POST
 * /v3/auth/tokens?nocatalog=true`), with an IAM user's password or by assuming an agency with
 * another token, and keeps each until shortly before its `expires_at` (refreshing.ts says when it
 * is renewed, and why). Concurrent callers share one request; a token the API refused is replaced
 * once for all of them. Neither the password nor a token appears in any message.
 */
import { AuthenticationError, fail, FunctionGraphApiError, FunctionGraphConnectionError, FunctionGraphCredentialsError, FunctionGraphTimeoutError } from '../../errors.js';
import { isRegionId, regionRule } from '../../runtime/server-url.js';
import type { FetchFunction } from '../../transport/fetch.js';
import { resolveToken, type TokenOption, type TokenProvider } from '../token.js';
import { checkOrigin, fetchFailureReason } from './endpoint.js';
import { parseExpiresAt } from './expires-at.js';
import { refreshing, type Expiring } from './refreshing.js';

interface IamTokenCommon {
  /** The project the token is scoped to, and the client's `projectId` when nothing else names one. */
  projectId: string;
  /** IAM's region (`https://iam.<region>.myhuaweicloud.com`); or `endpoint`. */
  region?: string;
  /** IAM's base URL, for private endpoints and tests; takes precedence over `region`. */
  endpoint?: string;
  /** Milliseconds the token request may take. Default 10 000. */
  timeoutMs?: number;
  /** A fetch implementation for the requests to IAM. Default `globalThis.fetch`. */
  fetch?: FetchFunction;
}

/** An IAM user's password; the token is the user's. */
export interface IamPasswordOptions extends IamTokenCommon {
  /** The account (domain) the user belongs to. */
  domainName: string;
  userName: string;
  password: string;
  agency?: undefined;
}

/** An agency of another account, assumed with the delegating user's token. */
export interface IamAgencyOptions extends IamTokenCommon {
  agency: {
    /** The account that created the agency. */
    domainName: string;
    agencyName: string;
  };
  /** The token of the user who assumes the agency: a string, or a provider such as another `iamToken(…)`. */
  token: TokenOption;
}

export type IamTokenOptions = IamPasswordOptions | IamAgencyOptions;

/** A token provider that also names the project its tokens are scoped to. */
export type IamTokenProvider = TokenProvider & { readonly projectId: string };

/** IAM tokens last 24 hours; used when an answer does not say when its token ends. */
const documentedLifetimeMs = 24 * 60 * 60_000;

/** A `token` provider backed by IAM (lazy-providers.ts exports it). */
export function iamToken(options: IamTokenOptions): TokenProvider {
  const request = checkIamOptions(options);
  const current = refreshing(() => requestToken(request));
  return (asked) => current(asked?.refused);
}

/** What a token request needs, checked once. */
interface TokenRequestPlan {
  readonly url: string;
  readonly fetch: FetchFunction;
  readonly timeoutMs: number;
  /** Who asks, for messages: `user deployer of domain my-account`, or `agency ops of domain other`. */
  readonly who: string;
  readonly body: string;
  readonly delegating: TokenOption | undefined;
}

function checkIamOptions(options: IamTokenOptions): TokenRequestPlan {
  if (typeof options !== 'object' || options === null) fail('options', 'of iamToken must be an object');
  const text = (argument: string, value: unknown) => {
    if (typeof value !== 'string' || value.trim() === '') fail(argument, 'must be a non-empty string');
    return value;
  };
  const projectId = text('projectId', options.projectId);
  const url = `${iamEndpoint(options)}/v3/auth/tokens?nocatalog=true`;
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0 && timeoutMs <= 2 ** 31 - 1)) fail('timeoutMs', 'must be a number of milliseconds above 0');
  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  if (typeof fetch !== 'function') fail('fetch', 'must be a function');
  const scope = { project: { id: projectId } };
  if (options.agency !== undefined) {
    const domainName = text('agency.domainName', options.agency?.domainName);
    const agencyName = text('agency.agencyName', options.agency.agencyName);
    if (options.token === undefined) fail('token', 'is required with agency: the token of the user who assumes it');
    const identity = { methods: ['assume_role'], assume_role: { domain_name: domainName, xrole_name: agencyName } };
    return { url, fetch, timeoutMs, who: `agency ${agencyName} of domain ${domainName}`, body: JSON.stringify({ auth: { identity, scope } }), delegating: options.token };
  }
  const domainName = text('domainName', options.domainName);
  const userName = text('userName', options.userName);
  const password = text('password', options.password);
  const identity = { methods: ['password'], password: { user: { name: userName, password, domain: { name: domainName } } } };
  return { url, fetch, timeoutMs, who: `user ${userName} of domain ${domainName}`, body: JSON.stringify({ auth: { identity, scope } }), delegating: undefined };
}

function iamEndpoint(options: IamTokenOptions): string {
  if (options.endpoint !== undefined) {
    return checkOrigin(options.endpoint, 'https://iam.cn-north-4.myhuaweicloud.com');
  }
  if (typeof options.region !== 'string' || !isRegionId(options.region)) fail('region', options.region === undefined ? 'or endpoint is required: where IAM is' : regionRule);
  return `https://iam.${options.region}.myhuaweicloud.com`;
}

/** One token from IAM; a delegating token IAM refuses is replaced once and the request repeated. */
async function requestToken(plan: TokenRequestPlan): Promise<Expiring<string>> {
  let refused: string | undefined;
  for (let attempt = 1; ; attempt++) {
    const headers: Record<string, string> = { 'Content-Type': 'application/json;charset=utf8' };
    const delegating = plan.delegating === undefined ? undefined : await resolveToken(plan.delegating, refused === undefined ? undefined : { refused });
    if (delegating !== undefined) headers['X-Auth-Token'] = delegating;
    const answer = await send(plan, headers, attempt);
    if (answer.response.ok) return readToken(plan, answer);
    if (answer.response.status === 401 && delegating !== undefined && typeof plan.delegating === 'function' && attempt === 1) {
      refused = delegating;
      continue;
    }
    throw refusal(plan, answer, attempt);
  }
}

/** IAM's answer, its body read whole. */
interface Answer {
  readonly response: Response;
  readonly text: string;
}

/**
 * One request; the body is read under the same deadline, so one that stalls or breaks off fails
 * here as a timeout or a connection error, saying which part was awaited.
 */
async function send(plan: TokenRequestPlan, headers: Record<string, string>, attempts: number): Promise<Answer> {
  const deadline = AbortSignal.timeout(plan.timeoutMs);
  const origin = new URL(plan.url).origin;
  let response: Response | undefined;
  try {
    response = await plan.fetch(plan.url, { method: 'POST', headers, body: plan.body, signal: deadline });
    return { response, text: await response.text() };
  } catch (error) {
    const facts = { operationId: 'iamToken', attempts };
    const phase = response ? 'body' : 'response';
    const late = phase === 'response' ? 'did not answer' : 'did not finish its answer';
    if (deadline.aborted) throw new FunctionGraphTimeoutError(`iamToken: IAM at ${origin} ${late} within ${plan.timeoutMs} ms`, { ...facts, timeoutMs: plan.timeoutMs, phase });
    const reason = fetchFailureReason(error);
    // A token request is never retried blindly, so the conservative answer costs nothing here.
    throw new FunctionGraphConnectionError(`iamToken: no answer from IAM at ${origin} (${reason})`, { ...facts, requestMayHaveBeenSent: true }, { cause: error });
  }
}

function readToken(plan: TokenRequestPlan, { response: answer, text }: Answer): Expiring<string> {
  const token = answer.headers.get('x-subject-token');
  if (!token) throw new FunctionGraphCredentialsError(`IAM answered ${answer.status} for ${plan.who} without an X-Subject-Token header`, { source: 'IAM' });
  let expiresAt: number | undefined;
  try {
    expiresAt = parseExpiresAt((JSON.parse(text) as { token?: { expires_at?: unknown } } | null)?.token?.expires_at);
  } catch {
    // A body that is not JSON says nothing about the expiry; the documented lifetime applies.
  }
  return { value: token, expiresAt: expiresAt ?? Date.now() + documentedLifetimeMs };
}

/** IAM's refusal as an API error: a 401 is an `AuthenticationError` that names IAM and who asked. */
function refusal(plan: TokenRequestPlan, { response: answer, text }: Answer, attempts: number): FunctionGraphApiError {
  const bodyText = text.slice(0, 500);
  let body: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
  } catch {
    // Not JSON (a gateway's page, say): the status and the text say what there is.
  }
  // IAM writes {"error":{"code","message","title"}}; some gateways {"error_code","error_msg"}.
  const nested = body?.error as { code?: unknown; message?: unknown } | undefined;
  const errorCode = (body?.error_code ?? nested?.code) as string | undefined;
  const errorMsg = (body?.error_msg ?? nested?.message) as string | undefined;
  const said = errorMsg === undefined ? '' : `: ${String(errorMsg)}`;
  const what = answer.status === 401 ? 'refused the credentials of' : `answered ${answer.status} to the token request of`;
  const message = `iamToken: IAM ${what} ${plan.who}${said}`;
  const facts = {
    operationId: 'iamToken',
    attempts,
    status: answer.status,
    headers: answer.headers,
    requestId: answer.headers.get('x-request-id') ?? undefined,
    bodyText,
    errorCode: errorCode === undefined ? undefined : String(errorCode),
    errorMsg: errorMsg === undefined ? undefined : String(errorMsg),
    body: body as never,
    retryAfterMs: undefined,
  } as const;
  return answer.status === 401 ? new AuthenticationError(message, facts) : FunctionGraphApiError.from(message, facts);
}
