/**
 * The sections added in front of the reference: what the API and the client are, how to get a
 * token, and the table of known error codes. Redoc renders `info.description` as the top of the
 * page and lists its `#` headings in the sidebar.
 *
 * The facts come from the spec (title, operations, security schemes, `x-error-codes`) and from
 * Huawei Cloud IAM's documentation on obtaining a user token; nothing here is about one operation.
 */

import type { CallPlan } from './call-plan.js';
import { CONVENIENCES } from './client-conveniences.js';
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

export function authenticationSection(document: JsonObject): string {
  const components = isObject(document.components) ? document.components : {};
  const schemes = isObject(components.securitySchemes) ? components.securitySchemes : {};
  const carriers = Object.values(schemes)
    .map((s) => resolveRef(document, s))
    .filter(isObject)
    .filter((s) => s.type === 'apiKey' && s.in === 'header' && typeof s.name === 'string')
    .map((s) => `\`${s.name as string}\``);
  const header = carriers.length > 0 ? carriers.join(' or ') : 'the header the scheme below names';

  return [
    '# Authentication',
    '',
    `Every request carries an IAM token in ${header}. Huawei Cloud IAM documents how to get one`,
    '("Obtaining a User Token" in the IAM API reference): send the user\'s credentials, scoped to a',
    'project, to `POST https://iam.<region>.myhuaweicloud.com/v3/auth/tokens`; the token comes back in',
    'the `X-Subject-Token` response header, not in the body. It is valid for 24 hours, only in the',
    'region it was issued for, and can be revoked earlier (for example when the password changes).',
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
    'The body above is the password method, for orientation only: IAM\'s API reference is the',
    'authority on it and on the other ways to obtain a token. AK/SK request signing is the documented',
    'alternative to tokens; this client does not implement it.',
    '',
    `Keep the token out of source code: the samples on this page read it from \`${TOKEN_ENV}\`. The`,
    'client also accepts a function (sync or async) for `token`, which it calls before each request,',
    'so a long-running process can hand out a fresh token.',
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
  const sections = [aboutSection(input), authenticationSection(input.document), errorsSection(input), changelogSection(input.release)];
  return [original, releaseNote(input.release), ...sections]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}
