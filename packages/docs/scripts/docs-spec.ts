/**
 * Stage 5: the docs copy of the spec that Redocly renders. The bundled spec plus, on every
 * operation, `x-codeSamples` printed from its call plan (TypeScript with the client, and curl), a
 * badge and a link to the successor on a deprecated operation, and in `info.description` the
 * landing sections. Pure: build.ts does the reading and writing, so tests can run it on any spec.
 */

import { CLIENT, type OperationDescriptor } from './read/client-api.js';
import type { DocsInputs } from './read/docs-inputs.js';
import { isObject, resolveRef, type JsonObject } from './read/spec-values.js';
import { planCall, specOperation, type CallPlan } from './plan/call-plan.js';
import { authSamples, landingSampleFiles } from './samples/auth-samples.js';
import { curlSample } from './samples/curl.js';
import { typescriptSample } from './samples/typescript.js';
import { landingDescription } from './landing/landing.js';
import { code, operationLink, route } from './landing/markdown.js';

export interface DocsSpec {
  readonly document: JsonObject;
  /** TypeScript sample source by operationId. */
  readonly samples: ReadonlyMap<string, string>;
  /** The landing sections' TypeScript samples (the Authentication section's), by name. */
  readonly landingSamples: ReadonlyMap<string, string>;
}

/** The label Redoc shows for the TypeScript sample; packages/docs/redocly.yaml lists the same. */
const TYPESCRIPT_LABEL = CLIENT.packageName;

/** The sidebar badge of a deprecated operation (Redoc's `x-badges`). */
const DEPRECATED_BADGE = 'Deprecated';

export function buildDocsSpec({ spec, client, release }: DocsInputs): DocsSpec {
  const document = structuredClone(spec);
  const undescribed = undescribedOperations(document, client.operations);
  if (undescribed.length > 0) {
    throw new Error(`${undescribed.join(', ')}: no operation descriptor in the client: generated/ is out of date (npm run generate)`);
  }
  if (client.operations.length === 0) throw new Error('the spec has no operations to document');

  const plans = client.operations.map((operation) => planCall(document, operation));
  const samples = new Map<string, string>();
  for (const plan of plans) {
    const operation = specOperation(document, plan.operation).spec;
    const typescript = typescriptSample(plan);
    addCodeSamples(operation, [
      { lang: 'TypeScript', label: TYPESCRIPT_LABEL, source: typescript },
      { lang: 'Shell', label: 'curl', source: curlSample(plan) },
    ]);
    if (plan.deprecation) markDeprecated(operation, plan, plans);
    samples.set(plan.operation.id, typescript);
  }

  // The first call on the landing page: an operation that is not deprecated, if there is one.
  const first = plans.find((p) => !p.deprecation) ?? plans[0]!;
  const auth = authSamples(first, plans, client.credentialVariables);
  const info = isObject(document.info) ? document.info : (document.info = {});
  info.description = landingDescription({
    document,
    plans,
    firstCall: { plan: first, source: samples.get(first.operation.id)! },
    auth,
    credentialVariables: client.credentialVariables,
    knownErrorCodes: client.knownErrorCodes,
    release,
  });
  return { document, samples, landingSamples: landingSampleFiles(auth) };
}

/**
 * The spec's operations that no descriptor names, as `METHOD /path`. A Path Item's object-valued
 * fields other than extensions are its operations (OpenAPI 3.1 §4.8.9), so no list of methods is
 * needed to find them.
 */
function undescribedOperations(document: JsonObject, operations: readonly OperationDescriptor[]): string[] {
  const described = new Set(operations.map((o) => `${o.method} ${o.path}`));
  const paths = isObject(document.paths) ? document.paths : {};
  return Object.entries(paths).flatMap(([path, raw]) => {
    const item = resolveRef(document, raw);
    if (!isObject(item)) return [];
    return Object.entries(item)
      .filter(([field, value]) => !field.startsWith('x-') && isObject(value) && !described.has(`${field} ${path}`))
      .map(([method]) => `${method.toUpperCase()} ${path}`);
  });
}

/** Our samples first; samples written into the spec by hand, if any, stay after them. */
function addCodeSamples(operation: JsonObject, ours: readonly { lang: string; label: string; source: string }[]): void {
  const others = (Array.isArray(operation['x-codeSamples']) ? operation['x-codeSamples'] : []).filter(
    (s) => !(isObject(s) && ours.some((o) => o.label === s.label)),
  );
  operation['x-codeSamples'] = [...ours.map((s) => ({ ...s })), ...others];
}

/**
 * Redoc's sidebar only greys a deprecated operation out: a badge says it in words. A successor
 * named by `x-successor` is linked at the top of the description, and must be on the page too.
 */
function markDeprecated(operation: JsonObject, plan: CallPlan, plans: readonly CallPlan[]): void {
  const badges = Array.isArray(operation['x-badges']) ? operation['x-badges'] : [];
  if (!badges.some((b) => isObject(b) && typeof b.name === 'string' && /^deprecated$/i.test(b.name))) {
    operation['x-badges'] = [...badges, { name: DEPRECATED_BADGE }];
  }
  if (!plan.successor) return;
  const { operationId, method, path } = plan.successor;
  const successor = plans.find((p) => p.operation.id === operationId);
  if (!successor || successor.operation.method !== method.toLowerCase() || successor.operation.path !== path) {
    throw new Error(
      `${plan.operation.id}: x-successor names ${operationId} (${method.toUpperCase()} ${path}), which is not an operation of the spec`,
    );
  }
  const label = successor.summary ?? operationId;
  const note = `> **Deprecated: use [${label}](${operationLink(operationId)}) instead** ` +
    `(${code(operationId)}, ${code(route(successor))}).`;
  const original = typeof operation.description === 'string' ? operation.description : '';
  operation.description = `${note}\n\n${original}`.trimEnd().concat('\n');
}
