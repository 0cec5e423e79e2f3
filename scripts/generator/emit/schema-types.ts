/**
 * Emits `schema.gen.ts`: the one door to openapi-typescript (in maintenance mode upstream): bundled
 * document in, TypeScript source for `paths`, `components` and `operations` out. Replacing the library means
 * rewriting this file only; nothing else imports it.
 *
 * `openapiTS()` would parse, lint and bundle the document again with its own copy of Redocly; the
 * document here is validated and bundled already, so its transform is called directly with the
 * context `openapiTS()` builds from the same options.
 */
import { createRequire } from 'node:module';
import type { GlobalContext, OpenAPI3, OpenAPITSOptions } from 'openapi-typescript';
import { pointerKeys, valueAtKeys } from '../json-pointer.js';
import { isObject, type Json } from '../json.js';

// The CommonJS build, through require(): it loads TypeScript through require() too. The ESM build
// makes Node scan TypeScript's 9 MB for export names first (about 0.7 s of CPU); same code otherwise.
const { astToString, resolveRef, scanDiscriminators, transformSchema } = createRequire(import.meta.url)('openapi-typescript') as typeof import('openapi-typescript');


const options = {
  silent: true,
  alphabetize: false,
  defaultNonNullable: true,
} satisfies OpenAPITSOptions;

/** `openapiTS()`'s context for `options`: every other setting at the library's default. */
function contextFor(document: OpenAPI3): GlobalContext {
  return {
    additionalProperties: false,
    alphabetize: options.alphabetize,
    arrayLength: false,
    defaultNonNullable: options.defaultNonNullable,
    discriminators: scanDiscriminators(document, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    // Only `openapiTS()` itself reads the Redocly config (to validate and bundle, skipped here).
    redoc: undefined as unknown as GlobalContext['redoc'],
    silent: options.silent,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve($ref) {
      return resolveRef(document, $ref, { silent: options.silent });
    },
  };
}

/** A reference to a schema inside an operation (`#/paths/~1a/post/requestBody/content/…/schema/…`). */
const isPathSchemaRef = (ref: unknown): ref is string => typeof ref === 'string' && ref.startsWith('#/paths/') && pointerKeys(ref).includes('schema');

/**
 * Works around openapi-typescript writing a `$ref` to a schema inside `#/paths/…` as an indexed
 * access on `paths` that follows the document's layout (`…['requestBody']['content'][…]['schema']…`);
 * the generated `paths` type has another shape (optional bodies, no `schema` level), so the access
 * does not exist and the file does not compile. Such a reference is replaced by a copy of the
 * schema it points to; a chain of them is followed, and one that comes back to itself becomes
 * an unconstrained schema (`unknown`). References to whole path items or operations are fine.
 */
function inlinePathReferences(document: Json): void {
  const follow = (ref: string, seen: string[]): unknown => {
    if (seen.includes(ref)) return {};
    const target = valueAtKeys(document, pointerKeys(ref));
    if (isObject(target) && isPathSchemaRef(target.$ref)) return follow(target.$ref, [...seen, ref]);
    return isObject(target) ? rewrite(structuredClone(target), [...seen, ref]) : (target ?? {});
  };
  const rewrite = (node: unknown, seen: string[]): unknown => {
    if (Array.isArray(node)) {
      for (let index = 0; index < node.length; index++) {
        const rewritten = rewrite(node[index], seen);
        if (rewritten !== node[index]) node[index] = rewritten;
      }
      return node;
    }
    if (!isObject(node)) return node;
    if (isPathSchemaRef(node.$ref)) return follow(node.$ref, seen);
    for (const key in node) {
      const value = node[key];
      if (typeof value !== 'object' || value === null) continue;
      const rewritten = rewrite(value, seen);
      if (rewritten !== value) node[key] = rewritten;
    }
    return node;
  };
  rewrite(document, []);
}

/**
 * The schema types of a bundled document. The document is left as it was: openapi-typescript
 * patches discriminator targets in place and the workaround above rewrites references, so both
 * work on a copy of their own.
 */
export function emitSchemaTypes(document: Record<string, unknown>): string {
  const copy = structuredClone(document);
  inlinePathReferences(copy);
  const schema = copy as unknown as OpenAPI3;
  return astToString(transformSchema(schema, contextFor(schema)));
}
