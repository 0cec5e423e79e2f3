/**
 * What the API and the client are, how to install the client, a first call, and the list of every
 * operation with its route, its client method and, for a deprecated one, its successor. The list
 * is the page's one statement of which operations exist: it is built from the plans, so it follows
 * the spec and the client.
 */

import { CLIENT } from '../read/client-api.js';
import { isObject, type JsonObject } from '../read/spec-values.js';
import type { CallPlan } from '../plan/call-plan.js';
import { convenienceOf } from '../samples/conveniences.js';
import { AUTHENTICATION_SECTION, TOKEN_ENV } from '../samples/conventions.js';
import { cell, code, fence, operationLink, route } from './markdown.js';

export interface AboutInput {
  readonly document: JsonObject;
  readonly plans: readonly CallPlan[];
  /** The TypeScript sample of the first call shown. */
  readonly firstCall: { readonly plan: CallPlan; readonly source: string };
}

export function aboutSection({ document, plans, firstCall }: AboutInput): string {
  const notes = plans.flatMap((plan) => convenienceOf(plan)?.note ?? []);
  return [
    '# About this API and client',
    '',
    introduction(document),
    ...(notes.length > 0 ? ['', 'Beyond the operations, the client reads some answers for you:', '', ...notes.map((n) => `- ${n}`)] : []),
    '',
    '## Install',
    '',
    fence('sh', `npm install ${CLIENT.packageName}`),
    '',
    '## A first call',
    '',
    ...(firstCall.plan.operation.tokenHeaders?.length
      ? [`With a token in ${code(TOKEN_ENV)} (see [${AUTHENTICATION_SECTION}](#section/${AUTHENTICATION_SECTION})):`, '']
      : []),
    fence('ts', firstCall.source),
    '',
    '## Reference',
    '',
    'Each operation below lists its parameters, its request and response bodies with examples, and',
    'the same call in TypeScript and curl:',
    '',
    ...plans.map(referenceLine),
  ].join('\n');
}

function introduction(document: JsonObject): string {
  const info = isObject(document.info) ? document.info : {};
  const title = typeof info.title === 'string' ? info.title : 'this API';
  const version = typeof info.version === 'string' ? ` ${info.version}` : '';
  return `This page is the reference for **${title}**${version}. It is built from the same ` +
    `OpenAPI description as the TypeScript client ${code(CLIENT.packageName)}, which has one typed ` +
    'method per operation: inputs are checked before anything is sent, answers are typed, and an ' +
    'error answer arrives as an error that carries its status and the typed error body. Every ' +
    'TypeScript sample on this page is type-checked against the client package as built, so it ' +
    'compiles as shown.';
}

/**
 * `- [Summary](#operation/id): `POST /path`, client method `id` (deprecated; use [`other`](…))`; a list
 * operation (`paging` in its descriptor) also names its paginator.
 */
function referenceLine(plan: CallPlan): string {
  const { id, paging } = plan.operation;
  const successor = plan.successor ? `; use [${code(plan.successor.operationId)}](${operationLink(plan.successor.operationId)})` : '';
  const deprecated = plan.deprecation ? ` (deprecated${successor})` : '';
  const paged = paging
    ? `, every page with ${code(`for await (const item of client.paginate.${id}(input, { maxItems }))`)} (or ${code(`.pages()`)}), following ${code(paging.nextMarker)} until the list ends`
    : '';
  return `- [${cell(plan.summary ?? id)}](${operationLink(id)}): ${code(route(plan))}, client method ${code(id)}${deprecated}${paged}`;
}
