/**
 * How to authenticate. What the spec and the client can tell comes from them: which headers a
 * token goes in (each operation's `tokenHeaders`), the schemes' names and descriptions (the spec's
 * security schemes), how requests are signed (each operation's `signing`, the spec's `x-signing`),
 * the variables `credentialsFromEnv` reads (the client's `CREDENTIAL_VARIABLES`). What is written
 * here is what neither can: how to get a token from IAM, which way to choose, and where the
 * FunctionGraph function context's methods are documented.
 */

import { CLIENT, type CredentialVariables, type OperationSigning } from '../read/client-api.js';
import { isObject, resolveRef, type JsonObject } from '../read/spec-values.js';
import type { CallPlan } from '../plan/call-plan.js';
import { FUNCTION_CONTEXT, TARGET_VARIABLE, type AuthSamples } from '../samples/auth-samples.js';
import { AUTHENTICATION_SECTION, TOKEN_ENV } from '../samples/conventions.js';
import { code, fence, firstParagraph } from './markdown.js';

export interface AuthenticationInput {
  readonly document: JsonObject;
  readonly plans: readonly CallPlan[];
  /** The Authentication section's samples; none when no operation can be signed. */
  readonly auth: AuthSamples | undefined;
  readonly variables: CredentialVariables;
}

/** A header a token goes in, and the security scheme of the spec that names it. */
interface TokenScheme {
  readonly header: string;
  readonly name: string | undefined;
  readonly description: string | undefined;
}

export function authenticationSection({ document, plans, auth, variables }: AuthenticationInput): string {
  const tokens = tokenSchemes(document, plans);
  if (!auth && tokens.length === 0) return [`# ${AUTHENTICATION_SECTION}`, '', 'The operations take no credentials.'].join('\n');
  if (!auth) {
    const every = plans.every((p) => p.operation.tokenHeaders?.length);
    return [
      `# ${AUTHENTICATION_SECTION}`,
      '',
      `${every ? 'Every request carries' : 'The operations that take a token carry'} an IAM token in ${headers(tokens)}.`,
      ...tokenPart(tokens),
    ].join('\n');
  }
  return [
    ...bothSchemes(tokens, auth),
    '',
    ...noConfiguration(variables),
    '',
    ...whichOneToUse(auth, variables),
    '',
    '## IAM token',
    '',
    `The token goes in ${headers(tokens)}.`,
    ...tokenPart(tokens),
    '',
    ...iamTokenProvider(),
    '',
    ...signingPart(document, auth, variables),
    ...(auth.functionToFunction ? ['', ...functionToFunctionPart(auth.functionToFunction)] : []),
  ].join('\n');
}

/** The headers the operations' tokens go in, with the spec's scheme for each. */
function tokenSchemes(document: JsonObject, plans: readonly CallPlan[]): TokenScheme[] {
  const components = isObject(document.components) ? document.components : {};
  const schemes = Object.entries(isObject(components.securitySchemes) ? components.securitySchemes : {})
    .map(([name, scheme]) => [name, resolveRef(document, scheme)] as const);
  const found = new Map<string, TokenScheme>();
  for (const header of plans.flatMap((p) => p.operation.tokenHeaders ?? [])) {
    if (found.has(header.toLowerCase())) continue;
    const [name, scheme] = schemes.find(([, s]) => isObject(s) && s.type === 'apiKey' && s.in === 'header' &&
      typeof s.name === 'string' && s.name.toLowerCase() === header.toLowerCase()) ?? [];
    const description = isObject(scheme) && typeof scheme.description === 'string' ? scheme.description.trim() : undefined;
    found.set(header.toLowerCase(), { header, name, description });
  }
  return [...found.values()];
}

function headers(tokens: readonly TokenScheme[]): string {
  return tokens.map((t) => code(t.header)).join(' or ');
}

/** The two schemes side by side. */
function bothSchemes(tokens: readonly TokenScheme[], auth: AuthSamples): string[] {
  const { signing } = auth;
  const tokenNames = tokens.flatMap((t) => (t.name ? [code(t.name)] : [])).join(' or ') || 'the token scheme';
  const added = [
    `${code(signing.dateHeader)} (the signing time)`,
    ...(signing.projectIdHeader ? [`${code(signing.projectIdHeader)} (the project)`] : []),
    ...(signing.securityTokenHeader ? [`${code(signing.securityTokenHeader)} (with temporary credentials)`] : []),
  ];
  const accept = auth.everyOperation ? 'Every operation accepts' : `The operations that name ${code(signing.scheme)} accept`;
  return [
    `# ${AUTHENTICATION_SECTION}`,
    '',
    `${accept} either of two security schemes, and the client uses the one its options give:`,
    '',
    `| | IAM token (${tokenNames}) | AK/SK signing (${code(signing.scheme)}) |`,
    '| --- | --- | --- |',
    `| client option | ${code(CLIENT.tokenOption)} | ${code(CLIENT.credentialsOption)} |`,
    `| on the wire | the token itself, in ${headers(tokens)} | \`Authorization: ${signing.algorithm} Access=<AK>, SignedHeaders=…, Signature=…\` and ${added.join(', ')}; the secret key is never sent |`,
    '| what you hold | a token from IAM | an access key pair (AK/SK) of an IAM user, or a temporary pair with its security token |',
    `| needs | a fresh token when the last one expires | a clock${skew(signing)} of the gateway's |`,
    '',
    `Give the client one of them: ${code(CLIENT.tokenOption)} and ${code(CLIENT.credentialsOption)} together are refused when it is`,
    'created. Without either, a client on Node finds an access key pair by itself (see "No configuration"',
    'below); where there is nothing to search (a browser), without either every call fails before anything',
    'is sent, with an error naming both.',
    'Each operation shows both schemes, with their full descriptions, under "Security" ("View security',
    'details").',
  ];
}

function skew(signing: OperationSigning): string {
  return signing.clockSkewMinutes === undefined ? '' : ` within ${signing.clockSkewMinutes} minutes`;
}

/** The default chain: where a client with neither option looks, in order, and the providers that choose one source. */
function noConfiguration(variables: CredentialVariables): string[] {
  return [
    '## No configuration',
    '',
    `On Node, a client given neither ${code(CLIENT.credentialsOption)} nor ${code(CLIENT.tokenOption)} signs with the first access key pair it`,
    'finds where the official Huawei Cloud SDKs look, in their order:',
    '',
    `1. the variables ${code(variables.accessKeyId)} and ${code(variables.secretAccessKey)} (with ${code(variables.securityToken)} for`,
    `   temporary keys, and ${code(variables.projectId)});`,
    `2. the profile file \`~/.huaweicloud/credentials\` (or the file ${code(variables.credentialsFile)} names), section`,
    '   `[basic]`, keys `ak`, `sk`, `security_token`, `project_id`;',
    '3. the instance metadata of an ECS instance with an agency bound to it (temporary keys, renewed',
    '   in the background before they expire).',
    '',
    'So: set the variables or write the file, then `createFunctionGraphClient({ region })`. When no source',
    `has credentials, the first call fails before sending with a ${code(CLIENT.credentialsError)} that lists each`,
    'source, why it had none and how to provide it. Off the cloud the metadata step costs at most one',
    'second, once per process.',
    '',
    `Each source is also a provider for ${code(CLIENT.credentialsOption)}: \`${CLIENT.credentialsFromProfile}()\`, \`${CLIENT.credentialsFromMetadata}()\`,`,
    `\`${CLIENT.credentialsFromContext}(context)\` (a function calling another function) and \`${CLIENT.defaultCredentials}(options)\`, the`,
    'chain itself (`{ metadata: false }` skips the metadata step).',
  ];
}

function whichOneToUse(auth: AuthSamples, variables: CredentialVariables): string[] {
  return [
    '## Which one to use',
    '',
    '- **AK/SK signing** for services and anything that runs for long: a key pair never has to be',
    '  renewed like a token, and is not tied to the region a token was issued for. The official SDKs',
    '  sign this way (they cannot send a token): code moving from them keeps its key pair and its',
    `  ${code(variables.accessKeyId)}/${code(variables.secretAccessKey)} variables.`,
    ...(auth.functionToFunction
      ? ['  A function calling another function gets temporary AK/SK from its context: see [Calling a function from a function](#section/Authentication/Calling-a-function-from-a-function).']
      : []),
    '- **An IAM token** for a quick script or a one-off call when you have a token at hand.',
  ];
}

/** The token schemes' own descriptions, then how to get a token from IAM. */
function tokenPart(tokens: readonly TokenScheme[]): string[] {
  const descriptions = tokens.flatMap((t) => (t.description ? ['', t.description] : []));
  return [
    ...descriptions,
    '',
    'Huawei Cloud IAM documents how to get a token ("Obtaining a User Token" in the IAM API reference):',
    "send the user's credentials, scoped to a project, to",
    '`POST https://iam.<region>.myhuaweicloud.com/v3/auth/tokens`; the token comes back in a response',
    'header, not in the body:',
    '',
    fence(
      'sh',
      [
        "curl -si -X POST 'https://iam.<region>.myhuaweicloud.com/v3/auth/tokens' \\",
        "  -H 'Content-Type: application/json' \\",
        `  -d '{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"<IAM user>","password":"<password>","domain":{"name":"<account>"}}}},"scope":{"project":{"name":"<region>"}}}}' \\`,
        "  | grep -i '^x-subject-token:'",
      ].join('\n'),
    ),
    '',
    "The body above is the password method, for orientation only: IAM's API reference is the",
    'authority on it and on the other ways to obtain a token.',
    '',
    `Keep the token out of source code: the samples on this page read it from ${code(TOKEN_ENV)}. The`,
    `client also accepts a function (sync or async) for ${code(CLIENT.tokenOption)}, which it calls before each request,`,
    'so a long-running process can hand out a fresh token.',
  ];
}

/** The client's IAM token provider. */
function iamTokenProvider(): string[] {
  return [
    `The client's \`${CLIENT.iamToken}({ region, domainName, userName, password, projectId })\` does this for you: it gets`,
    'project-scoped tokens (or assumes an agency with another token), keeps each until shortly before',
    'it expires, and shares one request to IAM between concurrent calls. When the API answers 401 to a',
    'call made with a provider\'s token, the client asks the provider for a new token and repeats the',
    'call once: a 401 means the function did not run.',
  ];
}

/** The signing scheme's own summary, the client's `credentials`, the signed client, a rejected signature. */
function signingPart(document: JsonObject, auth: AuthSamples, variables: CredentialVariables): string[] {
  const { signing } = auth;
  const description = schemeDescription(document, signing.scheme);
  return [
    '## AK/SK signing',
    '',
    ...(description ? [firstParagraph(description), ''] : []),
    `${code(CLIENT.credentialsOption)} is an access key pair, \`{ accessKeyId, secretAccessKey, securityToken? }\`, or a function (sync`,
    'or async) returning one. The client signs every request with it, each retry afresh with a new date;',
    'a function is called for every request, so rotating temporary credentials are used at once, and',
    'concurrent requests share one pending call of it. ' +
      `\`${CLIENT.credentialsFromEnv}()\` reads the official SDKs' variables (${code(variables.accessKeyId)}, ${code(variables.secretAccessKey)},`,
    `${code(variables.securityToken)}, and ${code(variables.projectId)} for \`projectId\`) and names the one`,
    'that is missing. The first call again, signed:',
    '',
    fence('ts', auth.signedClient),
    '',
    `A signature the gateway rejects${signing.rejectionCode ? ` (401 ${code(signing.rejectionCode)})` : ''} fails the call with an ${code(CLIENT.authError)} whose`,
    `message says what to check (the clock is${skew(signing)} of the gateway's, the secret key belongs to the`,
    "access key id, the security token goes with the pair and has not expired) and shows the gateway's",
    'canonical request, from its error message. `error.signing` holds `accessKeyId`, `date`,',
    '`signedHeaders`, `canonicalRequest` (what the client signed) and `serverCanonicalRequest` (what the',
    'gateway computed): the first line where they differ says what changed on the way. Neither the',
    'secret key nor the security token ever appears in an error, a message or a log.',
  ];
}

function schemeDescription(document: JsonObject, name: string): string | undefined {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const scheme = resolveRef(document, schemes[name]);
  return isObject(scheme) && typeof scheme.description === 'string' ? scheme.description : undefined;
}

/** A function with an agency calling another, and where the context's method names come from. */
function functionToFunctionPart(source: string): string[] {
  const c = FUNCTION_CONTEXT;
  return [
    '## Calling a function from a function',
    '',
    'A function with an **agency** (an IAM delegation set in its configuration, allowed to invoke',
    `functions) gets temporary AK/SK and a security token from its context. \`${CLIENT.credentialsFromContext}(context)\``,
    'signs with them, reading them afresh for every request, and fails before sending, saying the',
    "function has no agency, when the context has none. Leave out `region` and `projectId`: the target's",
    'URN names both.',
    '',
    fence('ts', source),
    '',
    `Where the names come from: \`${c.accessKeyId}()\`, \`${c.secretAccessKey}()\`, \`${c.securityToken}()\``,
    `and \`${c.userData}(key)\` are in the "SDK APIs" table of Huawei's FunctionGraph developer guide for`,
    `Node.js, page "Developing an Event Function" (functiongraph_02_0410: [English](${c.source}),`,
    `[Chinese](${c.sourceZh})), which says the three keys need an agency and are valid for 24 hours, and`,
    'that `getAccessKey()` and `getSecretKey()` are no longer maintained and cannot give temporary keys.',
    "Not confirmed by Huawei's table: that the methods return empty strings without an agency, and",
    "that their values are cached for 10 minutes; both come from Open Telekom Cloud's republication of",
    'the runtime (repository `opentelekomcloud-community/otc-functiongraph-nodejs-runtime`). The table has',
    'no method for the project or the region; the sample needs neither. ' +
      `${code(TARGET_VARIABLE)} is a name of the sample's own choosing.`,
  ];
}
