/**
 * The checks EVERY description the generator reads must pass, ours or not: what the generator
 * needs in order to generate, as a Redocly config with a plugin of its own (id `generator`).
 * Not to be confused with our conventions for OUR spec (`npm run lint`: redocly.yaml and the
 * `conventions` plugin in scripts/lint/), which hold spec/ to far more.
 *
 * A problem that breaks the specification outright refuses the document with its file, line and
 * the clause it breaks; what OpenAPI allows but the generator cannot use is a warning
 * (classify-problems.ts applies this):
 *
 * - OpenAPI 3.1 makes an operation's `responses` optional: such an operation generates with an
 *   unknown result and a warning. In 3.0 `responses` is required: refused.
 * - A 3.1 Schema Object is JSON Schema 2020-12, where unknown keywords are allowed: a keyword the
 *   structural check does not know (a leftover `nullable`, a vendor keyword) is a warning. A schema
 *   under another dialect (`$schema`, `jsonSchemaDialect`) is not checked against 2020-12's shapes.
 * - Specification extensions (`x-…`) are free-form: Redocly's shapes for ReDoc's own extensions
 *   (`x-codeSamples`, `x-logo`, …) are not applied.
 * - A discriminator mapping value may be a schema name instead of a reference (OpenAPI 3.0 and 3.1,
 *   Discriminator Object); Redocly reports those as unresolved references.
 */
import { createConfig } from '@redocly/openapi-core';
import type { Config, NodeType, Plugin } from '@redocly/openapi-core';
import { isObject, type Json } from '../json.js';

/** What Redocly hands a rule's visitor (not in its public typings). */
export interface VisitContext {
  report: (problem: { message: string; location?: unknown }) => void;
  location: { source: { absoluteRef: string }; pointer: string; child: (key: string | string[]) => VisitContext['location']; key: () => unknown };
  specVersion: string;
  type: { name: string; properties: Record<string, unknown> };
}

function stripVendorExtensionShapes(types: Record<string, NodeType>): Record<string, NodeType> {
  return Object.fromEntries(
    Object.entries(types).map(([name, type]) => {
      const properties = Object.fromEntries(Object.entries(type.properties ?? {}).filter(([key]) => !key.startsWith('x-')));
      return [name, { ...type, properties }];
    }),
  );
}

function createPlugin(): Plugin {
  return {
    id: 'generator',
    typeExtension: {
      oas3(types: Record<string, NodeType>, version: string) {
        const stripped = stripVendorExtensionShapes(types);
        if (version !== 'oas3_1' || !stripped.Schema) return stripped;
        // Any keyword is allowed by JSON Schema 2020-12; `generator/schema-keyword` still names it.
        return { ...stripped, Schema: { ...stripped.Schema, additionalProperties: {} } };
      },
    },
    rules: {
      oas3: {
        // Plugins handed over as objects are not prefixed by Redocly, so the keys carry the plugin id.
        'generator/operation-has-responses': () => ({
          Operation(operation: Json, ctx: VisitContext) {
            const responses = operation.responses;
            if (isObject(responses) && Object.keys(responses).length === 0) {
              ctx.report({ message: 'Operation has an empty `responses` object: it must list at least one response.', location: ctx.location.child('responses') });
            } else if (responses === undefined && ctx.specVersion === 'oas3_0') {
              ctx.report({ message: 'Operation has no `responses`: OpenAPI 3.0 requires them.', location: ctx.location.key() });
            }
          },
        }),
        'generator/operation-without-responses': () => ({
          Operation(operation: Json, ctx: VisitContext) {
            if (operation.responses === undefined && ctx.specVersion !== 'oas3_0') {
              ctx.report({ message: 'Operation has no `responses` (allowed in OpenAPI 3.1): its result is typed as unknown.', location: ctx.location.key() });
            }
          },
        }),
        'generator/schema-keyword': () => ({
          Schema(schema: Json, ctx: VisitContext) {
            if (ctx.specVersion === 'oas3_0') return;
            for (const key of Object.keys(schema)) {
              if (key.startsWith('x-') || Object.hasOwn(ctx.type.properties, key)) continue;
              ctx.report({
                message: `Keyword \`${key}\` is not part of OpenAPI 3.1's Schema Object (JSON Schema 2020-12); the generator ignores it.`,
                location: ctx.location.child(key).key(),
              });
            }
          },
        }),
      },
    },
  } as unknown as Plugin;
}

let checks: Promise<Config> | undefined;

/** The Redocly config with the generator's checks, made once per process. */
export function validationConfig(): Promise<Config> {
  checks ??= createConfig(
    {
      rules: {
        struct: 'error',
        'no-unresolved-refs': 'error',
        'operation-operationId-unique': 'error',
        'path-parameters-defined': 'error',
        'generator/operation-has-responses': 'error',
        'generator/operation-without-responses': 'warn',
        'generator/schema-keyword': 'warn',
      },
    },
    { plugins: [createPlugin()] },
  );
  return checks;
}
