/**
 * Generated signing cases: requests of the shapes this client sends, built from the generated
 * operation descriptors the way the runtime builds them (path values checked and encoded by the
 * runtime's own path-encoding, query and header values turned into wire text by its value rules,
 * the query encoded with encodeURIComponent, the body as JSON text), each paired with the same
 * request as the official SDK's signer takes it (endpoint, raw query values, header names as the
 * spec spells them, the body object). Used by the differential test and the Web Crypto test.
 */
import fc from 'fast-check';
import { operationDescriptors, servers, type OperationDescriptor, type ParameterDescriptor } from '../../src/generated.js';
import { encodePathParameter, pathParameterCheck } from '../../src/runtime/path-encoding.js';
import { sdkDate } from '../../src/auth/signing/sdk-date.js';
import type { SigningKey, SigningRequest } from '../../src/auth/signing/sign-request.js';
import { valueCheck } from '../../src/runtime/value-rules.js';

/** The request as `AKSKSigner.sign` takes it. */
export interface OfficialRequest {
  method: string;
  endpoint: string;
  queryParams: Record<string, string | string[]>;
  headers: Record<string, string>;
  data: unknown;
}

export interface SigningCase {
  operationId: string;
  key: SigningKey;
  securityToken: string | undefined;
  /** What our client sends, and signs. */
  request: SigningRequest;
  /** The same request for the official signer; headers fetch may add on its own are not in it. */
  official: OfficialRequest;
}

export const SIGNING_OPTIONS = { algorithm: 'SDK-HMAC-SHA256', dateHeader: 'X-Sdk-Date', redact: ['x-security-token'] } as const;

const operations = Object.values(operationDescriptors) as readonly OperationDescriptor[];
const regions = servers[0].variables.region.enum;

/**
 * Characters that make query values interesting: the ones the issue names (space `:` `/` `%` `+`
 * `~`), the rest of the reserved and sub-delim set, quotes, and non-ASCII up to astral.
 */
const queryChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(' ', ':', '/', '%', '+', '~', 'é', '中', '😀') },
  { weight: 2, arbitrary: fc.constantFrom(...'!#$&\'()*,;=?@[]"<>\\^`{|}-_.'.split('')) },
  { weight: 3, arbitrary: fc.constantFrom(...'aZ09'.split('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);
const queryText = (maxLength: number) => fc.oneof(fc.constant(''), fc.string({ unit: queryChar, maxLength: Math.min(maxLength, 24) }));

/**
 * Characters allowed raw in a path value (and sent raw or encoded by the runtime). Not `'`: the
 * official signer's `url.parse` escapes it before signing (`%2527`) though fetch sends it raw, a
 * quirk the unit tests pin instead (test/auth/signing/).
 */
const pathChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcxyzABC019'.split('')) },
  { weight: 2, arbitrary: fc.constantFrom(...'!()*~-_.@&=+$,;[]"<>\\^`{|}'.split('')) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ß', '中', '😀', '\u0000', '\u007f') },
);
const pathPart = (allowBang: boolean) =>
  fc.string({ unit: pathChar, minLength: 1, maxLength: 12 }).filter((text) => /^[^:/?#%\s]+$/u.test(text) && (allowBang || !text.includes('!')));

/** A project id: usually the documented 32 lower-case hex, sometimes odd visible ASCII (it is also the X-Project-Id header value). */
const projectId = fc.oneof(
  { weight: 3, arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/) },
  {
    weight: 1,
    // Not `.` or `..`, which the runtime refuses (a dot segment).
    arbitrary: fc.string({ unit: fc.constantFrom(...'abc019!()*~-_.:@&=+$,;'.split('')), minLength: 1, maxLength: 16 }).filter((text) => text !== '.' && text !== '..'),
  },
);

/** A function URN: a version, an `!alias`, or neither, with parts full of characters the shape allows. */
const functionUrn = (project: string) =>
  fc
    .record({
      region: fc.constantFrom(...regions),
      // The URN's project part allows no `:`; the path's project_id does.
      project: project.includes(':') ? pathPart(true) : fc.oneof(fc.constant(project), pathPart(true)),
      package: fc.oneof(fc.constant('default'), pathPart(true)),
      name: fc.stringMatching(/^[A-Za-z]([A-Za-z0-9_-]{0,10}[A-Za-z0-9])?$/),
      qualifier: fc.oneof(
        fc.constant(''),
        fc.constantFrom(':latest', ':v1', ':!prod', ':!blue-green'),
        pathPart(false).map((text) => `:${text}`),
        pathPart(false).map((text) => `:!${text}`),
      ),
    })
    .map(({ region, project: part, package: pkg, name, qualifier }) => `urn:fss:${region}:${part}:function:${pkg}:${name}${qualifier}`);

/** One value of a parameter, shaped by its rules (the runtime refuses anything else before sending). */
function valueOf(parameter: ParameterDescriptor): fc.Arbitrary<string | number> {
  const rules = parameter.rules;
  if (rules?.enum) return fc.constantFrom(...(rules.enum as readonly (string | number)[]));
  if (rules?.type === 'integer') return fc.integer({ min: rules.minimum ?? -1e6, max: rules.maximum ?? 1e6 });
  if (rules?.pattern?.startsWith('^[0-9]{4}-')) {
    return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 19));
  }
  const maxLength = rules?.maxLength ?? 40;
  const pattern = rules?.pattern === undefined ? undefined : new RegExp(rules.pattern, 'u');
  return queryText(maxLength).filter((text) => [...text].length >= (rules?.minLength ?? 0) && [...text].length <= maxLength && (!pattern || pattern.test(text)));
}

/** A scalar, or (sometimes) several values: the runtime repeats the key for each. */
const queryValue = (parameter: ParameterDescriptor) =>
  fc.oneof({ weight: 3, arbitrary: valueOf(parameter) }, { weight: 1, arbitrary: fc.array(valueOf(parameter), { minLength: 2, maxLength: 4 }) });

/** Extra headers a caller may pass per call (`CallOptions.headers`): lower-case `x-` names, visible ASCII values with inner spaces. */
const callHeaders = fc.dictionary(
  fc.stringMatching(/^x-[a-z0-9]{1,6}(-[a-z0-9]{1,6})?$/).filter((name) => !['x-sdk-date', 'x-project-id', 'x-security-token'].includes(name) && !name.startsWith('x-cff-')),
  fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,20}[\x21-\x7e])?$/),
  { maxKeys: 2 },
);
/** Headers fetch may add or change by itself: sent by us, left unsigned, and never given to the official signer. */
const unsignedHeaders = fc.subarray([
  ['user-agent', 'fgs-openapi-test/1.0'],
  ['accept', 'application/json'],
  ['accept-encoding', 'gzip'],
] as const);

/** Bodies: nested JSON objects with unicode keys and values (astral characters, and lone surrogates that JSON escapes). */
const body = fc.oneof(
  fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }), { maxKeys: 5 }),
  fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }), fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }), { maxKeys: 3 }),
);

const credentials = fc.record({
  accessKeyId: fc.stringMatching(/^[A-Z0-9]{20}$/),
  secretAccessKey: fc.oneof(
    { weight: 3, arbitrary: fc.stringMatching(/^[A-Za-z0-9]{40}$/) },
    // HMAC keys longer than a SHA-256 block (64 bytes) are hashed first; non-ASCII is UTF-8.
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }) },
  ),
  // Temporary credentials carry a long token; permanent ones none.
  securityToken: fc.oneof(fc.constant(undefined), fc.stringMatching(/^[A-Za-z0-9+/=_-]{16,1200}$/)),
});

const baseUrl = fc.oneof(
  fc.constantFrom(...regions).map((region) => servers[0].url.replace('{region}', region)),
  fc.integer({ min: 1024, max: 65535 }).map((port) => `http://127.0.0.1:${port}`),
);

const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => sdkDate(d));

function caseOf(descriptor: OperationDescriptor): fc.Arbitrary<SigningCase> {
  const query = descriptor.parameters.filter((p) => p.in === 'query');
  const headers = descriptor.parameters.filter((p) => p.in === 'header');
  return projectId.chain((project) =>
    fc
      .record({
        project: fc.constant(project),
        urn: functionUrn(project),
        base: baseUrl,
        date,
        credentials,
        query: fc.record(Object.fromEntries(query.map((p) => [p.name, queryValue(p)])), { requiredKeys: [] }),
        headers: fc.record(Object.fromEntries(headers.map((p) => [p.name, valueOf(p)])), { requiredKeys: [] }),
        callHeaders,
        unsignedHeaders,
        body: descriptor.requestBody ? body : fc.constant(undefined),
      })
      .map((drawn) => build(descriptor, drawn)),
  );
}

interface Drawn {
  project: string;
  urn: string;
  base: string;
  date: string;
  credentials: { accessKeyId: string; secretAccessKey: string; securityToken: string | undefined };
  query: Partial<Record<string, string | number | (string | number)[]>>;
  headers: Partial<Record<string, string | number>>;
  callHeaders: Record<string, string>;
  unsignedHeaders: (readonly [string, string])[];
  body: unknown;
}

/** Builds the request as the runtime does (invoke.ts prepareRequest), and the official signer's view of it. */
function build(descriptor: OperationDescriptor, drawn: Drawn): SigningCase {
  const inputs: Record<string, string> = { project_id: drawn.project, function_urn: drawn.urn };
  let path = descriptor.path;
  for (const p of descriptor.parameters.filter((p) => p.in === 'path')) {
    path = path.replace(`{${p.name}}`, encodePathParameter(pathParameterCheck(p.rules)(p.input, inputs[p.name])));
  }
  let query = '';
  const queryParams: Record<string, string | string[]> = {};
  for (const p of descriptor.parameters.filter((p) => p.in === 'query')) {
    const value = drawn.query[p.name];
    if (value === undefined) continue;
    const texts = (Array.isArray(value) ? value : [value]).map((item) => valueCheck(p.rules)(p.input, item));
    for (const text of texts) query += `${query ? '&' : '?'}${encodeURIComponent(p.name)}=${encodeURIComponent(text)}`;
    queryParams[p.name] = Array.isArray(value) ? texts : texts[0]!;
  }
  const headers: Record<string, string> = {};
  const officialHeaders: Record<string, string> = {};
  for (const p of descriptor.parameters.filter((p) => p.in === 'header')) {
    const value = drawn.headers[p.name] ?? p.sentByDefault;
    if (value === undefined) continue;
    const text = valueCheck(p.rules)(p.input, value);
    headers[p.name.toLowerCase()] = text;
    officialHeaders[p.name] = text;
  }
  const bodyText = drawn.body === undefined ? undefined : JSON.stringify(drawn.body);
  if (bodyText !== undefined) {
    headers['content-type'] = descriptor.requestBody!.mediaType;
    officialHeaders['Content-Type'] = descriptor.requestBody!.mediaType;
  }
  for (const [name, value] of Object.entries(drawn.callHeaders)) {
    headers[name] = value;
    officialHeaders[name] = value;
  }
  // What the runtime adds per attempt when signing (CONTRACT-10): the date, the project, the token.
  headers['x-sdk-date'] = drawn.date;
  officialHeaders['X-Sdk-Date'] = drawn.date;
  headers['x-project-id'] = drawn.project;
  officialHeaders['X-Project-Id'] = drawn.project;
  const { securityToken, ...key } = drawn.credentials;
  if (securityToken !== undefined) {
    headers['x-security-token'] = securityToken;
    officialHeaders['X-Security-Token'] = securityToken;
  }
  for (const [name, value] of drawn.unsignedHeaders) headers[name] = value;
  const signingCase: SigningCase = {
    operationId: descriptor.id,
    key,
    securityToken,
    request: { method: descriptor.method.toUpperCase(), url: drawn.base + path + query, headers, body: bodyText },
    official: { method: descriptor.method.toUpperCase(), endpoint: drawn.base + path, queryParams, headers: officialHeaders, data: drawn.body },
  };
  // A counterexample is printed with the (fake) secret key and token left out; the seed and path replay it.
  Object.defineProperty(signingCase, fc.toStringMethod, { value: () => describeCase(signingCase) });
  return signingCase;
}

const hidden = (text: string) => `<fake, ${text.length} characters>`;
function describeCase(c: SigningCase): string {
  const token = c.securityToken === undefined ? {} : { 'x-security-token': hidden(c.securityToken) };
  return JSON.stringify({
    ...c,
    key: { accessKeyId: c.key.accessKeyId, secretAccessKey: hidden(c.key.secretAccessKey) },
    securityToken: c.securityToken === undefined ? undefined : hidden(c.securityToken),
    request: { ...c.request, headers: { ...c.request.headers, ...token } },
    official: { ...c.official, headers: { ...c.official.headers, ...(c.securityToken === undefined ? {} : { 'X-Security-Token': hidden(c.securityToken) }) } },
  });
}

/** Every operation in the descriptors, equally often. */
export const signingCase: fc.Arbitrary<SigningCase> = fc.oneof(...operations.map(caseOf));
export const operationIds = operations.map((descriptor) => descriptor.id);
