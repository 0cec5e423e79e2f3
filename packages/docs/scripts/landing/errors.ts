/**
 * The error answers: the body they share, described and exemplified by the spec's own schema, and
 * the table of the codes the client knows (`knownErrorCodes`, which the generator collects from
 * the spec's `x-error-codes`).
 */

import { CLIENT, type KnownErrorCodes } from '../read/client-api.js';
import { isObject, resolveRef, schemaExample, type Json, type JsonObject } from '../read/spec-values.js';
import { specOperation, type CallPlan } from '../plan/call-plan.js';
import { cell, code, fence } from './markdown.js';

export function errorsSection(document: JsonObject, plans: readonly CallPlan[], codes: KnownErrorCodes): string {
  const bodies = errorBodies(document, plans);
  const rows = Object.entries(codes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (bodies.length === 0 && rows.length === 0) return '';
  const parts = ['# Errors', ''];
  for (const { name, schema } of bodies) {
    parts.push(`An error answer has the body ${code(name)}.`, '');
    if (typeof schema.description === 'string') parts.push(schema.description.trim(), '');
    const example = schemaExample(document, schema);
    if (example !== undefined) parts.push(fence('json', JSON.stringify(example, null, 2)), '');
  }
  if (rows.length > 0) {
    parts.push(
      `The codes the reference documents, which the client exports as ${code(CLIENT.knownErrorCodes)}:`,
      '',
      // Codes as plain text, not code spans: a code span may break inside the code in a narrow column.
      '| Code | HTTP status | Meaning |',
      '| --- | --- | --- |',
      ...rows.map(([c, { status, description }]) => `| ${cell(c)} | ${status ?? ''} | ${cell(description)} |`),
    );
  }
  return parts.join('\n').trimEnd();
}

/** The named schemas of the operations' error answers (4xx, 5xx, default), in the order first met. */
function errorBodies(document: JsonObject, plans: readonly CallPlan[]): { name: string; schema: JsonObject }[] {
  const found = new Map<string, JsonObject>();
  for (const plan of plans) {
    const { spec } = specOperation(document, plan.operation);
    const responses = isObject(spec.responses) ? spec.responses : {};
    for (const [status, response] of Object.entries(responses)) {
      if (!/^([45](\d\d|XX)|default)$/i.test(status)) continue;
      const resolved = resolveRef(document, response);
      const content = isObject(resolved) && isObject(resolved.content) ? resolved.content : {};
      for (const [mediaType, media] of Object.entries(content)) {
        const named = /json/i.test(mediaType) ? namedSchema(document, resolveRef(document, media)) : undefined;
        if (named && !found.has(named.name)) found.set(named.name, named.schema);
      }
    }
  }
  return [...found].map(([name, schema]) => ({ name, schema }));
}

/** A media type's schema when it is a `$ref` to `#/components/schemas/<name>`. */
function namedSchema(document: JsonObject, media: Json | undefined): { name: string; schema: JsonObject } | undefined {
  const declared = isObject(media) ? media.schema : undefined;
  const reference = isObject(declared) ? declared.$ref : undefined;
  const name = typeof reference === 'string' ? /^#\/components\/schemas\/([^/]+)$/.exec(reference)?.[1] : undefined;
  const schema = name === undefined ? undefined : resolveRef(document, declared);
  return name !== undefined && isObject(schema) ? { name: decodeURIComponent(name), schema } : undefined;
}
