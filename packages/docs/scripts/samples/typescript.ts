/**
 * Stage 3: an operation's call as a TypeScript sample with the published client. Every value
 * comes from the plan, that is from the spec and the operation's descriptor; the only names
 * written here are the client's public ones (read/client-api.ts) and those of its conveniences
 * (conveniences.ts).
 */

import { CLIENT, type CredentialVariables, type OperationSigning } from '../read/client-api.js';
import { isObject, type Json } from '../read/spec-values.js';
import type { CallPlan } from '../plan/call-plan.js';
import { convenienceOf, type Convenience, type RequestIdConvenience, type SyncResultConvenience } from './conveniences.js';
import { AUTHENTICATION_SECTION, TOKEN_ENV } from './conventions.js';
import { comment, IDENTIFIER, literal, member, quote, typeOf } from './typescript-text.js';

/** How the sample's client authenticates: the operation's token, or an access key pair that signs. */
export type SampleAuth =
  | { readonly kind: 'token' }
  | { readonly kind: 'credentials'; readonly variables: CredentialVariables };

export interface TypescriptSampleOptions {
  /** The client convenience that reads the answer; by default the one of the operation, if any. */
  readonly convenience?: Convenience;
  readonly auth?: SampleAuth;
}

/** One `if (…) {` branch of the sample's `catch`, before the API error's. */
interface ErrorHandler {
  readonly condition: string;
  readonly lines: readonly string[];
}

/** What a way of reading the answer adds to the sample. */
interface CallAndRead {
  readonly imports: readonly string[];
  /** Declarations before the client. */
  readonly preamble: readonly string[];
  /** The call and what is done with its answer, inside `try`. */
  readonly body: readonly string[];
  readonly handlers: readonly ErrorHandler[];
}

/** The name of the type the sync sample gives `invokeFunction<…>`, declared from the spec's example. */
const RESULT_TYPE = 'FunctionResult';

export function typescriptSample(plan: CallPlan, options: TypescriptSampleOptions = {}): string {
  const convenience = options.convenience ?? convenienceOf(plan);
  const auth = options.auth ?? { kind: 'token' };
  const signing = auth.kind === 'credentials' ? signingOf(plan) : undefined;
  const hoisted = hoistedInputs(plan, convenience);
  const args = callArguments(plan, hoisted);
  const call = convenience?.kind === 'sync-result'
    ? syncResultCall(plan, convenience, args)
    : convenience?.kind === 'request-id'
      ? requestIdCall(plan, convenience, args, hoisted)
      : plainCall(plan, args);
  const signed = auth.kind === 'credentials';
  return assemble({
    imports: [CLIENT.factory, CLIENT.apiError, ...(signed ? [CLIENT.authError, CLIENT.credentialsFromEnv] : []), ...call.imports],
    preamble: call.preamble,
    options: auth.kind === 'credentials' ? signedClientOptions(plan, auth.variables) : tokenClientOptions(plan),
    declarations: hoisted.map((input) => `const ${input} = ${literal(ownInput(plan, input).value)};`),
    body: [...(plan.deprecation ? comment(plan.deprecation, '  ') : []), ...call.body],
    handlers: [...call.handlers, ...(signing ? [rejectedSignatureHandler(signing)] : []), apiErrorHandler()],
  });
}

function signingOf(plan: CallPlan): OperationSigning {
  const { signing } = plan.operation;
  if (!signing) throw new Error(`${plan.operation.id}: the spec gives it no signing scheme, so there is no signed sample of it`);
  return signing;
}

/** Server variables and client defaults: what the client options give every call. */
function sharedOptions(plan: CallPlan): string[] {
  return [
    ...plan.server.variables.map(([name, value]) => member(name, quote(value), '  ')),
    ...plan.parameters.filter((p) => p.clientDefault).map((p) => member(p.input, literal(p.value, 2), '  ')),
  ];
}

function tokenClientOptions(plan: CallPlan): string[] {
  const options = sharedOptions(plan);
  if (!plan.operation.tokenHeaders?.length) return options;
  options.push(
    ...comment('Or a function (sync or async) that returns a fresh token.', '  '),
    member(CLIENT.tokenOption, `process.env.${TOKEN_ENV}!`, '  '),
  );
  const { signing } = plan.operation;
  if (signing) {
    options.push(
      ...comment(
        `Or, instead of a token, ${CLIENT.credentialsOption}: an access key pair that signs each request ` +
          `(${signing.algorithm}; see ${AUTHENTICATION_SECTION}).`,
        '  ',
      ),
    );
  }
  return options;
}

function signedClientOptions(plan: CallPlan, variables: CredentialVariables): string[] {
  // First, so that the options written after it win over the project id variable.
  return [
    ...comment(
      `The access key pair from ${variables.accessKeyId} and ${variables.secretAccessKey} (with ` +
        `${variables.securityToken} for temporary credentials), as the official SDKs read them. ` +
        'Every request is signed with it; the secret key is never sent.',
      '  ',
    ),
    `  ...${CLIENT.credentialsFromEnv}(),`,
    ...sharedOptions(plan),
  ];
}

/** Inputs the sample uses again after the call (the waiter's target): declared once, before it. */
function hoistedInputs(plan: CallPlan, convenience: Convenience | undefined): readonly string[] {
  const hoisted = convenience?.kind === 'request-id' ? convenience.targetInputs : [];
  for (const input of hoisted) ownInput(plan, input);
  return hoisted;
}

/** The parameter the call itself passes under `input`; an error in the conveniences when there is none. */
function ownInput(plan: CallPlan, input: string): CallPlan['parameters'][number] {
  const parameter = plan.parameters.find((p) => p.input === input && !p.clientDefault);
  if (!parameter) {
    throw new Error(`${plan.operation.id}: the sample needs the input ${input}, which the operation does not take (packages/docs/scripts/samples/conveniences.ts is out of date)`);
  }
  return parameter;
}

/** The call's argument: each input the call gives, the body last. */
function callArguments(plan: CallPlan, hoisted: readonly string[]): string {
  const input: string[] = [];
  for (const p of plan.parameters.filter((p) => !p.clientDefault)) {
    if (hoisted.includes(p.input)) input.push(`    ${p.input},`);
    else if (p.sentByDefault !== undefined && sameValue(p.value, p.sentByDefault)) {
      input.push(...comment(`${p.input}: ${literal(p.value)} is sent when the call gives none.`, '    '));
    } else input.push(member(p.input, literal(p.value, 4), '    '));
  }
  if (plan.body) input.push(member('body', literal(plan.body.value, 4), '    '));
  return input.length === 0 ? '{}' : `{\n${input.join('\n')}\n  }`;
}

/** `invokeFunction`: the run read for you, its result typed from the spec's example. */
function syncResultCall(plan: CallPlan, convenience: SyncResultConvenience, args: string): CallAndRead {
  const example = plan.result?.example;
  const shape = parsedJson(isObject(example) ? example[convenience.resultProperty] : undefined);
  const typed = isObject(shape) && Object.keys(shape).length > 0;
  const field = typed ? Object.keys(shape).find((k) => IDENTIFIER.test(k)) : undefined;
  const { input, value } = convenience.logInput;
  const tail = plan.parameters.some((p) => p.input === input && sameValue(p.value, value));
  return {
    imports: [],
    preamble: typed
      ? [...comment("What the function returns, shaped as in the spec's example: declare your own function's result.", ''), `interface ${RESULT_TYPE} ${typeOf(shape)}`, '']
      : [],
    body: [
      `  const run = await client.${plan.operation.id}${typed ? `<${RESULT_TYPE}>` : ''}(${args});`,
      '  if (run.functionError) {',
      ...comment('The function itself failed; the call succeeded. Its result says why.', '    '),
      '    console.error(run.functionError.code, run.result);',
      '  } else {',
      ...comment('The result parsed as JSON (undefined when it is not JSON; run.result has the text).', '    '),
      `    console.log(${field ? `run.json?.${field}` : 'run.json'});`,
      '  }',
      '  console.log(run.requestId, run.summary?.durationMs, run.summary?.memoryUsedMb);',
      ...(tail ? [...comment(`The log tail, decoded (${input}: ${literal(value)}).`, '  '), '  console.log(run.log);'] : []),
    ],
    handlers: [],
  };
}

/** `asyncInvokeFunction`: the request id, handed to the waiter. */
function requestIdCall(plan: CallPlan, convenience: RequestIdConvenience, args: string, hoisted: readonly string[]): CallAndRead {
  const { waiter } = convenience;
  return {
    imports: [waiter.runError, waiter.name],
    preamble: [],
    body: [
      `  const requestId = await client.${plan.operation.id}(${args});`,
      '  console.log(requestId);',
      ...comment('Wait for the run to end. Its record exists only when the function has asynchronous invocation status persistence on.', '  '),
      `  const record = await ${waiter.name}(client, { ${[...hoisted, 'requestId'].join(', ')} }, { timeoutMs: 600_000 });`,
      '  console.log(record.status, record.end_time);',
    ],
    handlers: [{
      condition: `error instanceof ${waiter.runError}`,
      lines: [...comment('The run ended FAIL or DISCARD; its record says why.', '    '), '    console.error(error.status, error.errorCode, error.errorMessage);'],
    }],
  };
}

/** Any other operation: the answer printed (a property of it when one is worth it), or awaited when it has no body. */
function plainCall(plan: CallPlan, args: string): CallAndRead {
  const { id } = plan.operation;
  const body = plan.result
    ? [`  const result = await client.${id}(${args});`, plan.result.property ? `  console.log(result.${plan.result.property});` : '  console.log(result);']
    : [`  await client.${id}(${args});`];
  return { imports: [], preamble: [], body, handlers: [] };
}

function rejectedSignatureHandler({ rejectionCode }: OperationSigning): ErrorHandler {
  return {
    condition: `error instanceof ${CLIENT.authError} && error.signing`,
    lines: [
      ...comment(
        `The gateway rejected the signature${rejectionCode ? ` (${rejectionCode})` : ''}; the message says what to check. ` +
          'Set what the client signed beside what the gateway computed: the first line that differs is the culprit.',
        '    ',
      ),
      '    console.error(error.message);',
      '    console.error(error.signing.canonicalRequest, error.signing.serverCanonicalRequest);',
    ],
  };
}

function apiErrorHandler(): ErrorHandler {
  return {
    condition: `error instanceof ${CLIENT.apiError}`,
    lines: [
      ...comment('An error answer: match on errorCode; quote requestId in a support ticket.', '    '),
      '    console.error(error.status, error.errorCode, error.errorMsg, error.requestId);',
    ],
  };
}

/** The sample's text: imports, client, the call in `try`, the handlers in order and a rethrow of anything else. */
function assemble(parts: {
  imports: readonly string[];
  preamble: readonly string[];
  options: readonly string[];
  declarations: readonly string[];
  body: readonly string[];
  handlers: readonly ErrorHandler[];
}): string {
  const branches = parts.handlers.flatMap((handler, index) => [`  ${index === 0 ? 'if' : '} else if'} (${handler.condition}) {`, ...handler.lines]);
  const lines = [
    `import { ${parts.imports.join(', ')} } from '${CLIENT.packageName}';`,
    '',
    ...parts.preamble,
    `const client = ${CLIENT.factory}(${parts.options.length === 0 ? '' : `{\n${parts.options.join('\n')}\n}`});`,
    ...parts.declarations,
    '',
    'try {',
    ...parts.body,
    '} catch (error) {',
    ...branches,
    '  } else {',
    '    throw error;',
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
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
