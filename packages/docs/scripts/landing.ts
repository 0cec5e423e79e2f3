/**
 * The sections added in front of the reference: what the API and the client are, how to get a
 * token, and the table of known error codes. Redoc renders `info.description` as the top of the
 * page and lists its `#` headings in the sidebar.
 *
 * The facts come from the spec (title, operations, security schemes and their `x-signing`,
 * `x-error-codes`), from Huawei Cloud IAM's documentation on obtaining a user token, and from
 * FunctionGraph's developer guide on the function context (auth-samples.ts); nothing here is about
 * one operation.
 */

import { FUNCTION_CONTEXT, TARGET_VARIABLE, type AuthSamples } from './auth-samples.js';
import type { CallPlan } from './call-plan.js';
import { CONVENIENCES } from './client-conveniences.js';
import { CREDENTIAL_VARIABLES } from '../../client/src/auth/environment.js';
import { CLIENT, TOKEN_ENV } from './code-samples.js';
import { isObject, resolveRef, schemaExample, type Json, type JsonObject } from './spec-values.js';

export interface KnownErrorCode {
  readonly code: string;
  readonly status: number | undefined;
  readonly description: string;
}

/** Where a schema declares known codes: `ErrorBody.error_code`, and the codes it lists. */
export interface ErrorCodeTable {
  readonly schema: string;
  readonly property: string;
  readonly codes: readonly KnownErrorCode[];
}

/** Walks `components.schemas` for properties carrying `x-error-codes`. */
export function findErrorCodeTables(document: JsonObject): ErrorCodeTable[] {
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const tables: ErrorCodeTable[] = [];

  const visit = (schemaName: string, where: string, node: Json | undefined, depth: number): void => {
    if (!isObject(node) || depth > 10 || typeof node.$ref === 'string') return;
    if (Array.isArray(node['x-error-codes'])) {
      const codes = node['x-error-codes']
        .filter(isObject)
        .filter((entry) => typeof entry.code === 'string')
        .map((entry) => ({
          code: entry.code as string,
          status: typeof entry.status === 'number' ? entry.status : undefined,
          description: typeof entry.description === 'string' ? entry.description : '',
        }))
        .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
      tables.push({ schema: schemaName, property: where, codes });
    }
    if (isObject(node.properties)) {
      for (const [name, property] of Object.entries(node.properties)) {
        visit(schemaName, where ? `${where}.${name}` : name, property, depth + 1);
      }
    }
    visit(schemaName, `${where}[]`, node.items, depth + 1);
    for (const combiner of ['allOf', 'oneOf', 'anyOf'] as const) {
      const parts = node[combiner];
      if (Array.isArray(parts)) for (const part of parts) visit(schemaName, where, part, depth + 1);
    }
  };

  for (const [name, schema] of Object.entries(schemas)) visit(name, '', schema, 0);
  return tables;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

/** Redoc's link to an operation in the reference. */
export function operationLink(plan: CallPlan): string {
  return `#operation/${plan.operationId}`;
}

function fence(lang: string, code: string): string {
  return `\`\`\`${lang}\n${code.trimEnd()}\n\`\`\``;
}

export interface LandingInput {
  readonly document: JsonObject;
  readonly plans: readonly CallPlan[];
  /** The TypeScript sample of the first call shown. */
  readonly firstCall: { readonly plan: CallPlan; readonly source: string };
  readonly errorTables: readonly ErrorCodeTable[];
  readonly release?: ClientRelease;
  /** The Authentication section's samples (auth-samples.ts); none when the spec has no signing scheme. */
  readonly authSamples?: AuthSamples;
}

export function aboutSection({ document, plans, firstCall }: LandingInput): string {
  const info = isObject(document.info) ? document.info : {};
  const title = typeof info.title === 'string' ? info.title : 'this API';
  const version = typeof info.version === 'string' ? ` ${info.version}` : '';
  const notes = plans
    .filter((plan) => Object.hasOwn(CONVENIENCES, plan.operationId))
    .map((plan) => CONVENIENCES[plan.operationId]!.note);
  const operations = plans.map((plan) => {
    const label = plan.summary ?? plan.operationId;
    const successor = plan.successor ? `; use [\`${plan.successor.operationId}\`](#operation/${plan.successor.operationId})` : '';
    const deprecated = plan.deprecation ? ` (deprecated${successor})` : '';
    return `- [${cell(label)}](${operationLink(plan)}): \`${plan.method.toUpperCase()} ${plan.path}\`, client method \`${plan.operationId}\`${deprecated}`;
  });

  return [
    '# About this API and client',
    '',
    `This page is the reference for **${title}**${version}. It is built from the same ` +
      `OpenAPI description as the TypeScript client \`${CLIENT.packageName}\`, which has one typed ` +
      'method per operation: inputs are checked before anything is sent, answers are typed, and an ' +
      'error answer arrives as an error that carries its status and the typed error body. Every ' +
      'TypeScript sample on this page is type-checked against the client package as built, so it ' +
      'compiles as shown.',
    ...(notes.length > 0 ? ['', 'Beyond the operations, the client reads some answers for you:', '', ...notes.map((n) => `- ${n}`)] : []),
    '',
    '## Install',
    '',
    fence('sh', `npm install ${CLIENT.packageName}`),
    '',
    '## A first call',
    '',
    `With a token in \`${TOKEN_ENV}\` (see [Authentication](#section/Authentication)):`,
    '',
    fence('ts', firstCall.source),
    '',
    '## Reference',
    '',
    'Each operation below lists its parameters, its request and response bodies with examples, and',
    'the same call in TypeScript and curl:',
    '',
    ...operations,
  ].join('\n');
}

/** A scheme's name and how it is shown: `name` in code. */
const code = (text: string) => `\`${text}\``;

/** The token how-to, the same whether or not the spec also offers signing. */
function tokenHowTo(): string[] {
  return [
    'Huawei Cloud IAM documents how to get a token ("Obtaining a User Token" in the IAM API reference):',
    "send the user's credentials, scoped to a project, to",
    '`POST https://iam.<region>.myhuaweicloud.com/v3/auth/tokens`; the token comes back in the',
    '`X-Subject-Token` response header, not in the body. It is valid for 24 hours, only in the region it',
    'was issued for, and can be revoked earlier (for example when the password changes).',
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
    `Keep the token out of source code: the samples on this page read it from \`${TOKEN_ENV}\`. The`,
    'client also accepts a function (sync or async) for `token`, which it calls before each request,',
    'so a long-running process can hand out a fresh token.',
  ];
}

/**
 * How to authenticate. With a token scheme only: how to get a token. With a signing scheme too
 * (`x-signing` on an `http` scheme): both ways side by side, when to use which, the signed client,
 * what a rejected signature looks like, and a function calling a function with its context's
 * temporary credentials.
 */
export function authenticationSection(document: JsonObject, auth: AuthSamples | undefined): string {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const tokenSchemes = Object.entries(schemes)
    .map(([name, s]) => [name, resolveRef(document, s)] as const)
    .filter((entry): entry is readonly [string, JsonObject] => isObject(entry[1]))
    .filter(([, s]) => s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string');
  const carriers = tokenSchemes.map(([, s]) => code(s.name as string));
  const header = carriers.length > 0 ? carriers.join(' or ') : 'the header the scheme below names';
  if (!auth) {
    return ['# Authentication', '', `Every request carries an IAM token in ${header}.`, ...tokenHowTo()].join('\n');
  }

  const { scheme } = auth;
  const { signing } = scheme;
  const tokenName = tokenSchemes.map(([name]) => code(name)).join(' or ') || 'the token scheme';
  const skew = signing.clockSkewMinutes === undefined ? '' : ` within ${signing.clockSkewMinutes} minutes`;
  const added = [
    `${code(signing.dateHeader)} (the signing time)`,
    ...(signing.projectIdHeader ? [`${code(signing.projectIdHeader)} (the project)`] : []),
    ...(signing.securityTokenHeader ? [`${code(signing.securityTokenHeader)} (with temporary credentials)`] : []),
  ];
  const f2f = auth.functionToFunction;
  const c = FUNCTION_CONTEXT;

  return [
    '# Authentication',
    '',
    `${auth.everyOperation ? 'Every operation accepts' : `The operations that name ${code(scheme.name)} accept`} either of two security schemes, and the client uses the one its options give:`,
    '',
    `| | IAM token (${tokenName}) | AK/SK signing (${code(scheme.name)}) |`,
    '| --- | --- | --- |',
    `| client option | \`token\` | \`${CLIENT.credentialsOption}\` |`,
    `| on the wire | the token itself, in ${header} | \`Authorization: ${signing.algorithm} Access=<AK>, SignedHeaders=…, Signature=…\` and ${added.join(', ')}; the secret key is never sent |`,
    '| what you hold | a token from IAM | an access key pair (AK/SK) of an IAM user, or a temporary pair with its security token |',
    '| valid | 24 hours, in the region and project it was issued for | as long as the key (a temporary pair: until it expires), wherever its user has permissions |',
    `| needs | a new token every day | a clock${skew} of the gateway's |`,
    '',
    `Give the client one of them: \`token\` and \`${CLIENT.credentialsOption}\` together are refused when it is`,
    'created, and without either every call fails before anything is sent, with an error naming both.',
    'Each operation shows both schemes, with their full descriptions, under "Security" ("View security',
    'details").',
    '',
    '## Which one to use',
    '',
    '- **AK/SK signing** for services and anything that runs for long: a key pair never has to be',
    '  renewed like a token, and is not tied to the region a token was issued for. Huawei Cloud IAM',
    '  recommends it over tokens, and the official SDKs sign this way (they cannot send a token): code',
    `  moving from them keeps its key pair and its \`${CREDENTIAL_VARIABLES.accessKeyId}\`/\`${CREDENTIAL_VARIABLES.secretAccessKey}\` variables.`,
    ...(f2f ? ['  A function calling another function gets temporary AK/SK from its context: see [Calling a function from a function](#section/Authentication/Calling-a-function-from-a-function).'] : []),
    '- **An IAM token** for a quick script or a one-off call when you have a token at hand.',
    '',
    '## IAM token',
    '',
    `The token goes in ${header}.`,
    ...tokenHowTo(),
    '',
    '## AK/SK signing',
    '',
    `\`${CLIENT.credentialsOption}\` is an access key pair, \`{ accessKeyId, secretAccessKey, securityToken? }\`, or a function (sync`,
    'or async) returning one. The client signs every request with it, each retry afresh with a new date;',
    'a function is called for every request, so rotating temporary credentials are used at once, and',
    'concurrent requests share one pending call of it. ' +
      `\`${CLIENT.credentialsFromEnv}()\` reads the official SDKs' variables (\`${CREDENTIAL_VARIABLES.accessKeyId}\`, \`${CREDENTIAL_VARIABLES.secretAccessKey}\`,`,
    `\`${CREDENTIAL_VARIABLES.securityToken}\`, and \`${CREDENTIAL_VARIABLES.projectId}\` for \`projectId\`) and names the one`,
    'that is missing; the client never reads the environment by itself. The first call again, signed:',
    '',
    fence('ts', auth.signedClient),
    '',
    `A signature the gateway rejects${signing.rejectionCode ? ` (401 \`${signing.rejectionCode}\`)` : ''} fails the call with an \`${CLIENT.authError}\` whose`,
    `message says what to check (the clock is${skew} of the gateway's, the secret key belongs to the`,
    "access key id, the security token goes with the pair and has not expired) and shows the gateway's",
    'canonical request, from its error message. `error.signing` holds `accessKeyId`, `date`,',
    '`signedHeaders`, `canonicalRequest` (what the client signed) and `serverCanonicalRequest` (what the',
    'gateway computed): the first line where they differ says what changed on the way. Neither the',
    'secret key nor the security token ever appears in an error, a message or a log.',
    ...(f2f
      ? [
          '',
          '## Calling a function from a function',
          '',
          'A function with an **agency** (an IAM delegation set in its configuration, allowed to invoke',
          'functions) gets temporary AK/SK and a security token from its context. Give them to the client',
          'through a provider, so that every request reads them afresh, and leave out `region` and',
          "`projectId`: the target's URN names both.",
          '',
          fence('ts', f2f),
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
            `\`${TARGET_VARIABLE}\` is a name of the sample's own choosing.`,
        ]
      : []),
  ].join('\n');
}

export function errorsSection({ document, errorTables }: LandingInput): string {
  if (errorTables.length === 0) return '';
  const components = isObject(document.components) ? document.components : {};
  const schemas = isObject(components.schemas) ? components.schemas : {};
  const parts = ['# Errors', ''];
  for (const table of errorTables) {
    const schema = resolveRef(document, schemas[table.schema]);
    const example = schemaExample(document, schema);
    parts.push(
      `An error answer has the body \`${table.schema}\`; \`${table.property}\` says what went wrong. The codes`,
      'below are the ones the reference documents; the set is open, so expect others too.',
      '',
    );
    if (example !== undefined) parts.push(fence('json', JSON.stringify(example, null, 2)), '');
    parts.push(
      // Codes as plain text, not code spans: a code span may break inside the code in a narrow column.
      '| Code | HTTP status | Meaning |',
      '| --- | --- | --- |',
      ...table.codes.map((c) => `| ${cell(c.code)} | ${c.status ?? ''} | ${cell(c.description)} |`),
      '',
    );
  }
  return parts.join('\n').trimEnd();
}

/** The client release this page documents: its version and its changelog (CHANGELOG.md). */
export interface ClientRelease {
  readonly version: string;
  readonly changelog: string;
}

/** Redoc's link to the `# Changelog` section of the landing text. */
export const changelogLink = '#section/Changelog';

/** The line at the top of the page: which version of the client it documents. */
export function releaseNote(release: ClientRelease | undefined): string {
  if (!release) return '';
  return `This page documents \`${CLIENT.packageName}\` **${release.version}**. What changed in each version is in the [changelog](${changelogLink}).`;
}

/**
 * The package's CHANGELOG.md under a `# Changelog` heading: its own title dropped, its version
 * headings kept (`##`), so Redoc lists the section in the sidebar and the note above links it.
 */
export function changelogSection(release: ClientRelease | undefined): string {
  if (!release) return '';
  const body = release.changelog.replace(/^#\s[^\n]*\n+/, '').trim();
  return ['# Changelog', '', body || `No entries yet: ${release.version} is the first version.`].join('\n');
}

/** The spec's own description, followed by the added sections. */
export function landingDescription(input: LandingInput): string {
  const info = isObject(input.document.info) ? input.document.info : {};
  const original = typeof info.description === 'string' ? info.description.trimEnd() : '';
  const sections = [
    aboutSection(input),
    authenticationSection(input.document, input.authSamples),
    errorsSection(input),
    changelogSection(input.release),
  ];
  return [original, releaseNote(input.release), ...sections]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}
