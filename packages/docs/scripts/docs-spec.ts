/**
 * The docs copy of the spec that Redocly renders: the bundled spec plus, on every operation,
 * `x-codeSamples` printed from the generated operation descriptors (TypeScript with the client,
 * and curl), and in `info.description` the landing sections (about, install, first call,
 * authentication with its own samples, error codes). Pure: build-docs-spec.ts does the reading and
 * writing.
 */

import {
  planCall,
  specOperations,
  type CallPlan,
  type DescribedOperation,
  type DescribedSecurityScheme,
} from './call-plan.js';
import { authSamples, landingSampleFiles } from './auth-samples.js';
import { codeSamples, type CodeSample } from './code-samples.js';
import { findErrorCodeTables, landingDescription, operationLink } from './landing.js';
import { isObject, type JsonObject } from './spec-values.js';

export interface DocsSpec {
  readonly document: JsonObject;
  /** TypeScript sample source by operationId. */
  readonly samples: ReadonlyMap<string, string>;
  /** The landing sections' TypeScript samples (the Authentication section's), by name. */
  readonly landingSamples: ReadonlyMap<string, string>;
}

/** The docs copy of `spec`; pure, so that tests can run it on any spec. */
export function buildDocsSpec(
  spec: JsonObject,
  descriptors: readonly DescribedOperation[],
  schemes: { readonly [name: string]: DescribedSecurityScheme },
  /** The client version the page documents, and its changelog. */
  release?: { readonly version: string; readonly changelog: string },
): DocsSpec {
  const document = structuredClone(spec);
  const byRoute = new Map(descriptors.map((d) => [`${d.method} ${d.path}`, d]));
  const plans: CallPlan[] = [];
  const samples = new Map<string, string>();

  for (const [path, method, operation] of specOperations(document)) {
    const descriptor = byRoute.get(`${method} ${path}`);
    if (!descriptor) {
      throw new Error(
        `${method.toUpperCase()} ${path} has no generated descriptor: generated/ is out of date (npm run generate)`,
      );
    }
    byRoute.delete(`${method} ${path}`);
    const plan = planCall(document, descriptor, schemes);
    const generated = codeSamples(plan);
    // Samples written into the spec by hand, if any, stay after ours.
    const others = (Array.isArray(operation['x-codeSamples']) ? operation['x-codeSamples'] : []).filter(
      (s) => !(isObject(s) && generated.some((g) => g.label === s.label)),
    );
    operation['x-codeSamples'] = [...generated.map((s) => ({ ...s })), ...others];
    plans.push(plan);
    samples.set(plan.operationId, sourceOf(generated, 'TypeScript'));
  }
  if (byRoute.size > 0) {
    throw new Error(`descriptors without an operation in the spec: ${[...byRoute.keys()].join(', ')}`);
  }
  if (plans.length === 0) throw new Error('the spec has no operations to document');

  for (const plan of plans) {
    if (!plan.deprecation && !plan.successor) continue;
    const operation = specOperations(document).find(([p, m]) => p === plan.path && m === plan.method)![2];
    if (plan.deprecation) {
      // Redoc's sidebar only greys a deprecated operation out; a badge says it in words.
      const badges = Array.isArray(operation['x-badges']) ? operation['x-badges'] : [];
      if (!badges.some((b) => isObject(b) && typeof b.name === 'string' && /^deprecated$/i.test(b.name))) {
        operation['x-badges'] = [...badges, { name: DEPRECATED_BADGE }];
      }
    }
    // A deprecated operation opens with a link to its successor, which must be on the page too.
    if (plan.successor) {
      const { operationId, method, path } = plan.successor;
      const successor = plans.find((p) => p.operationId === operationId);
      if (!successor || successor.method !== method.toLowerCase() || successor.path !== path) {
        throw new Error(
          `${plan.operationId}: x-successor names ${operationId} (${method.toUpperCase()} ${path}), which is not an operation of the spec`,
        );
      }
      const original = typeof operation.description === 'string' ? operation.description : '';
      operation.description = `${successorNote(successor)}\n\n${original}`.trimEnd().concat('\n');
    }
  }

  // The first call on the landing page: an operation that is not deprecated, if there is one.
  const first = plans.find((p) => !p.deprecation) ?? plans[0]!;
  const info = isObject(document.info) ? document.info : (document.info = {});
  const auth = authSamples(first, plans);
  info.description = landingDescription({
    document,
    plans,
    firstCall: { plan: first, source: samples.get(first.operationId)! },
    errorTables: findErrorCodeTables(document),
    authSamples: auth,
    ...(release ? { release } : {}),
  });
  return { document, samples, landingSamples: landingSampleFiles(auth) };
}

/** The sidebar badge of a deprecated operation (Redoc's `x-badges`). */
const DEPRECATED_BADGE = 'Deprecated';

/** The line a deprecated operation's description opens with. */
function successorNote(successor: CallPlan): string {
  const label = successor.summary ?? successor.operationId;
  return `> **Deprecated: use [${label}](${operationLink(successor)}) instead** ` +
    `(\`${successor.operationId}\`, \`${successor.method.toUpperCase()} ${successor.path}\`).`;
}

function sourceOf(samples: readonly CodeSample[], lang: string): string {
  const sample = samples.find((s) => s.lang === lang);
  if (!sample) throw new Error(`no ${lang} sample`);
  return sample.source;
}
