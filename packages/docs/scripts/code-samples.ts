/**
 * Prints a call plan as the two samples Redoc shows beside each operation (`x-codeSamples`):
 * TypeScript with the published client, and curl. Every value comes from the plan, that is from
 * the spec; the only names written here are the client's public ones.
 */

import type { CallPlan } from './call-plan.js';
import { CONVENIENCES, type Convenience } from './client-conveniences.js';
import { isObject, type Json } from './spec-values.js';
import { CREDENTIAL_VARIABLES } from '../../client/src/auth/environment.js';

/** The client package's public names that a sample uses. */
export const CLIENT = {
  packageName: '@fgs-openapi/client',
  factory: 'createFunctionGraphClient',
  apiError: 'FunctionGraphApiError',
  /** Reads an access key pair from the environment (`CREDENTIAL_VARIABLES`), returning `{ credentials, projectId? }`. */
  credentialsFromEnv: 'credentialsFromEnv',
  /** The 401 error; `signing` holds what was signed when the gateway rejected a signature. */
  authError: 'AuthenticationError',
  /** The option that signs requests with an access key pair. */
  credentialsOption: 'credentials',
  /** The client's type of an access key pair. */
  credentialsType: 'Credentials',
} as const;

/** The environment variable samples read the token from: never a token-like literal. */
export const TOKEN_ENV = 'HUAWEICLOUD_TOKEN';

/** How a sample's client authenticates: the operation's token, or an access key pair that signs (`credentials`). */
export type SampleAuth = 'token' | 'credentials';

/** The landing section a per-operation sample points to for the other way to authenticate. */
export const AUTHENTICATION_SECTION = 'Authentication';

export interface CodeSample {
  readonly lang: string;
  readonly label: string;
  readonly source: string;
}

export function codeSamples(plan: CallPlan): CodeSample[] {
  return [
    { lang: 'TypeScript', label: CLIENT.packageName, source: typescriptSample(plan) },
    { lang: 'Shell', label: 'curl', source: curlSample(plan) },
  ];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const WIDTH = 100;
/** Comments wrap earlier than code: the sample panel beside the reference is narrow. */
const COMMENT_WIDTH = 80;

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function key(name: string): string {
  return IDENTIFIER.test(name) ? name : quote(name);
}

/** A JSON value as a TypeScript literal: on one line when it fits, else one member per line. */
export function literal(value: Json, indent = 0): string {
  const inline = inlineLiteral(value);
  if (indent + inline.length <= WIDTH - 20 || !(Array.isArray(value) || isObject(value))) return inline;
  const pad = ' '.repeat(indent + 2);
  const close = ' '.repeat(indent);
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => `${pad}${literal(v, indent + 2)},\n`).join('')}${close}]`;
  }
  const members = Object.entries(value).map(([k, v]) => `${pad}${key(k)}: ${literal(v, indent + 2)},\n`);
  return `{\n${members.join('')}${close}}`;
}

function inlineLiteral(value: Json): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inlineLiteral).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => `${key(k)}: ${inlineLiteral(v)}`);
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

/** `text` as `//` comment lines of at most COMMENT_WIDTH columns (a longer word stays whole). */
function comment(text: string, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && indent.length + 3 + line.length + 1 + word.length > COMMENT_WIDTH) {
      lines.push(`${indent}// ${line}`);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(`${indent}// ${line}`);
  return lines;
}

function member(name: string, value: string, indent: string): string {
  return `${indent}${key(name)}: ${value},`;
}

/** A JSON value's shape as a TypeScript type, members one per line below `indent`. */
export function typeOf(value: Json, indent = 0): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    const item = value.length > 0 ? typeOf(value[0]!, indent) : 'unknown';
    return /^[\w.]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return 'Record<string, unknown>';
    const pad = ' '.repeat(indent + 2);
    return `{\n${entries.map(([k, v]) => `${pad}${key(k)}: ${typeOf(v, indent + 2)};\n`).join('')}${' '.repeat(indent)}}`;
  }
  return typeof value;
}

/** `text` parsed as JSON, or undefined when it is not JSON text. */
function parsedJson(text: Json | undefined): Json | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

function sameValue(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The name of the type the sync sample gives `invokeFunction<…>`, declared from the spec's example. */
const RESULT_TYPE = 'FunctionResult';

/** The convenience of the client that applies to an operation, if any (packages/docs/scripts/client-conveniences.ts). */
export function convenienceOf(plan: CallPlan): Convenience | undefined {
  return Object.hasOwn(CONVENIENCES, plan.operationId) ? CONVENIENCES[plan.operationId] : undefined;
}

export function typescriptSample(
  plan: CallPlan,
  convenience: Convenience | undefined = convenienceOf(plan),
  auth: SampleAuth = 'token',
): string {
  const signed = auth === 'credentials';
  if (signed && !plan.signing) throw new Error(`${plan.operationId}: the spec gives it no signing scheme, so there is no signed sample of it`);
  const options: string[] = [];
  if (signed) {
    // First, so that the options written after it win over HUAWEICLOUD_SDK_PROJECT_ID.
    options.push(
      ...comment(
        `The access key pair from ${CREDENTIAL_VARIABLES.accessKeyId} and ${CREDENTIAL_VARIABLES.secretAccessKey} (with ` +
          `${CREDENTIAL_VARIABLES.securityToken} for temporary credentials), as the official SDKs read them. ` +
          'Every request is signed with it; the secret key is never sent.',
        '  ',
      ),
      `  ...${CLIENT.credentialsFromEnv}(),`,
    );
  }
  options.push(
    ...plan.serverVariables.map(([name, value]) => member(name, quote(value), '  ')),
    ...plan.parameters.filter((p) => p.clientDefault).map((p) => member(p.input, literal(p.value, 2), '  ')),
  );
  if (plan.credential && !signed) {
    options.push(
      ...comment('Or a function (sync or async) that returns a fresh token.', '  '),
      member('token', `process.env.${TOKEN_ENV}!`, '  '),
    );
    if (plan.signing) {
      options.push(
        ...comment(
          `Or, instead of a token, ${CLIENT.credentialsOption}: an access key pair that signs each request ` +
            `(${plan.signing.signing.algorithm}; see ${AUTHENTICATION_SECTION}).`,
          '  ',
        ),
      );
    }
  }

  // Inputs the sample uses again after the call (the waiter's target) are declared once, before it.
  const hoisted = convenience?.kind === 'request-id' ? convenience.targetInputs : [];
  const declarations: string[] = [];
  for (const input of hoisted) {
    const parameter = plan.parameters.find((p) => p.input === input && !p.clientDefault);
    if (!parameter) throw new Error(`${plan.operationId}: the sample needs the input ${input}, which the operation does not take (packages/docs/scripts/client-conveniences.ts is out of date)`);
    declarations.push(`const ${input} = ${literal(parameter.value)};`);
  }

  const input: string[] = [];
  for (const p of plan.parameters.filter((p) => !p.clientDefault)) {
    if (hoisted.includes(p.input)) input.push(`    ${p.input},`);
    else if (p.sentByDefault !== undefined && sameValue(p.value, p.sentByDefault)) {
      input.push(...comment(`${p.input}: ${literal(p.value)} is sent when the call gives none.`, '    '));
    } else input.push(member(p.input, literal(p.value, 4), '    '));
  }
  if (plan.body) input.push(member('body', literal(plan.body.value, 4), '    '));
  const args = input.length === 0 ? '{}' : `{\n${input.join('\n')}\n  }`;

  const imports: string[] = [CLIENT.factory, CLIENT.apiError];
  if (signed) imports.push(CLIENT.authError, CLIENT.credentialsFromEnv);
  const preamble: string[] = [];
  const body: string[] = [];
  const handlers: string[] = [];

  if (convenience?.kind === 'sync-result') {
    const example = plan.result?.example;
    const shape = parsedJson(isObject(example) ? example[convenience.resultProperty] : undefined);
    const typed = isObject(shape) && Object.keys(shape).length > 0;
    if (typed) {
      preamble.push(
        ...comment("What the function returns, shaped as in the spec's example: declare your own function's result.", ''),
        `interface ${RESULT_TYPE} ${typeOf(shape)}`,
        '',
      );
    }
    const field = typed ? Object.keys(shape).find((k) => IDENTIFIER.test(k)) : undefined;
    const tail = plan.parameters.some((p) => p.input === convenience.logInput.input && sameValue(p.value, convenience.logInput.value));
    body.push(
      `  const run = await client.${plan.operationId}${typed ? `<${RESULT_TYPE}>` : ''}(${args});`,
      '  if (run.functionError) {',
      ...comment('The function itself failed; the call succeeded. Its result says why.', '    '),
      '    console.error(run.functionError.code, run.result);',
      '  } else {',
      ...comment('The result parsed as JSON (undefined when it is not JSON; run.result has the text).', '    '),
      `    console.log(${field ? `run.json?.${field}` : 'run.json'});`,
      '  }',
      '  console.log(run.requestId, run.summary?.durationMs, run.summary?.memoryUsedMb);',
      ...(tail ? [...comment(`The log tail, decoded (${convenience.logInput.input}: ${literal(convenience.logInput.value)}).`, '  '), '  console.log(run.log);'] : []),
    );
  } else if (convenience?.kind === 'request-id') {
    imports.push(convenience.waiter.runError, convenience.waiter.name);
    const target = [...hoisted, 'requestId'].join(', ');
    body.push(
      `  const requestId = await client.${plan.operationId}(${args});`,
      '  console.log(requestId);',
      ...comment('Wait for the run to end. Its record exists only when the function has asynchronous invocation status persistence on.', '  '),
      `  const record = await ${convenience.waiter.name}(client, { ${target} }, { timeoutMs: 600_000 });`,
      '  console.log(record.status, record.end_time);',
    );
    handlers.push(
      `  if (error instanceof ${convenience.waiter.runError}) {`,
      ...comment('The run ended FAIL or DISCARD; its record says why.', '    '),
      '    console.error(error.status, error.errorCode, error.errorMessage);',
    );
  } else if (plan.result) {
    body.push(
      `  const result = await client.${plan.operationId}(${args});`,
      plan.result.property ? `  console.log(result.${plan.result.property});` : '  console.log(result);',
    );
  } else {
    body.push(`  await client.${plan.operationId}(${args});`);
  }
  if (signed) {
    const { rejectionCode } = plan.signing!.signing;
    handlers.push(
      `${handlers.length > 0 ? '  } else if' : '  if'} (error instanceof ${CLIENT.authError} && error.signing) {`,
      ...comment(
        `The gateway rejected the signature${rejectionCode ? ` (${rejectionCode})` : ''}; the message says what to check. ` +
          'Set what the client signed beside what the gateway computed: the first line that differs is the culprit.',
        '    ',
      ),
      '    console.error(error.message);',
      '    console.error(error.signing.canonicalRequest, error.signing.serverCanonicalRequest);',
    );
  }

  const lines = [
    `import { ${imports.join(', ')} } from '${CLIENT.packageName}';`,
    '',
    ...preamble,
    `const client = ${CLIENT.factory}(${options.length === 0 ? '' : `{\n${options.join('\n')}\n}`});`,
    ...declarations,
    '',
    'try {',
    ...(plan.deprecation ? comment(plan.deprecation, '  ') : []),
    ...body,
    '} catch (error) {',
  ];
  // The handlers of lib's own errors come first, then the API error, then anything else is rethrown.
  const open = handlers.length > 0 ? '  } else if' : '  if';
  lines.push(
    ...handlers,
    `${open} (error instanceof ${CLIENT.apiError}) {`,
    ...comment('An error answer: match on errorCode; quote requestId in a support ticket.', '    '),
    '    console.error(error.status, error.errorCode, error.errorMsg, error.requestId);',
    '  } else {',
    '    throw error;',
    '  }',
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/** A word for a POSIX shell, in single quotes unless it is plain. */
function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * A parameter value as it travels in a URL: a path segment keeps the characters RFC 3986 §3.3
 * allows in one (`:`, `@`, `!`, `$`, …) and percent-encodes the rest; a query value also encodes
 * `&`, `=` and `+`.
 */
function urlText(value: Json, where: 'path' | 'query'): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const encoded = encodeURIComponent(text);
  return where === 'query' ? encoded : encoded.replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

export function curlSample(plan: CallPlan): string {
  const values = new Map(plan.parameters.map((p) => [`${p.in}:${p.name}`, p.value]));
  const path = plan.path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const value = values.get(`path:${name}`);
    return value === undefined ? whole : urlText(value, 'path');
  });
  const query = plan.parameters
    .filter((p) => p.in === 'query')
    .map((p) => `${encodeURIComponent(p.name)}=${urlText(p.value, 'query')}`);
  const headers = plan.parameters
    .filter((p) => p.in === 'header')
    .map((p) => shellWord(`${p.name}: ${typeof p.value === 'string' ? p.value : JSON.stringify(p.value)}`));
  const cookies = plan.parameters
    .filter((p) => p.in === 'cookie')
    .map((p) => `${p.name}=${typeof p.value === 'string' ? p.value : JSON.stringify(p.value)}`);

  const credential = plan.credential;
  if (credential?.in === 'header') headers.unshift(`"${credential.name}: ${credential.prefix}$${TOKEN_ENV}"`);
  if (credential?.in === 'cookie') cookies.push(`${credential.name}=$${TOKEN_ENV}`);

  const url = `${plan.serverUrl.replace(/\/$/, '')}${path}${query.length > 0 ? `?${query.join('&')}` : ''}`;
  // The query credential is added outside the quotes, so the shell expands the variable.
  const urlWord = credential?.in === 'query'
    ? `${shellWord(`${url}${query.length > 0 ? '&' : '?'}${credential.name}=`)}"$${TOKEN_ENV}"`
    : `'${url.replace(/'/g, `'\\''`)}'`;

  const lines = [`curl -X ${plan.method.toUpperCase()} ${urlWord}`];
  for (const header of headers) lines.push(`-H ${header}`);
  if (cookies.length > 0) lines.push(`-b "${cookies.join('; ')}"`);
  if (plan.body) {
    lines.push(`-H ${shellWord(`Content-Type: ${plan.body.mediaType}`)}`);
    const data = typeof plan.body.value === 'string' ? plan.body.value : JSON.stringify(plan.body.value);
    lines.push(`-d ${shellWord(data)}`);
  }
  return `${lines.join(' \\\n  ')}\n`;
}
