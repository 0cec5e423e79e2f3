/**
 * What the generator checks in a description and how strictly. A problem that breaks the
 * specification outright refuses the document with its file, line and the clause it breaks; what
 * OpenAPI allows but the generator cannot use is a warning. Our own `spec/` is held to far more
 * by `npm run lint` (redocly.yaml); these checks are for any valid document, ours or not.
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
import { createConfig, isMappingRef, lintDocument } from '@redocly/openapi-core';
import type { BaseResolver, Config, Document, NodeType, NormalizedProblem, Plugin } from '@redocly/openapi-core';
import { decodeKey, valueAtKeys } from './json-pointer.js';
import { isObject, type Json } from './json.js';


/** Dialects whose keyword shapes the structural check knows: OpenAPI 3.1's base dialect is JSON Schema 2020-12. */
const knownDialect = /^https?:\/\/(?:spec\.openapis\.org\/oas\/3\.1\/dialect\/base|json-schema\.org\/draft\/2020-12\/schema)\/?#?$/;

interface VisitContext {
  report: (problem: { message: string; location?: unknown }) => void;
  location: { source: { absoluteRef: string }; pointer: string; child: (key: string | string[]) => VisitContext['location']; key: () => unknown };
  specVersion: string;
  type: { name: string; properties: Record<string, unknown> };
}

/** Where a problem is, as one string: file and JSON pointer. */
const whereOf = (absoluteRef: string, pointer: string | undefined) => `${absoluteRef}${pointer ?? '#/'}`;

const parentPointer = (pointer: string) => pointer.slice(0, Math.max(pointer.lastIndexOf('/'), pointer.indexOf('#') + 1));

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

/** The value at a JSON pointer (`#/a/b~1c`) of a parsed document. */
function valueAt(document: unknown, pointer: string | undefined): unknown {
  const path = (pointer ?? '').replace(/^#\/?/, '');
  if (path === '') return document;
  return valueAtKeys(document, path.split('/').map(decodeKey));
}

/** Redocly's names for the nodes it checks, as the specification names its objects. */
const specObjects: Record<string, string> = {
  Root: 'OpenAPI Object',
  Info: 'Info Object',
  Contact: 'Contact Object',
  License: 'License Object',
  Server: 'Server Object',
  ServerVariable: 'Server Variable Object',
  Components: 'Components Object',
  Paths: 'Paths Object',
  PathItem: 'Path Item Object',
  Operation: 'Operation Object',
  ExternalDocs: 'External Documentation Object',
  Parameter: 'Parameter Object',
  RequestBody: 'Request Body Object',
  MediaType: 'Media Type Object',
  Encoding: 'Encoding Object',
  Responses: 'Responses Object',
  Response: 'Response Object',
  Callback: 'Callback Object',
  Example: 'Example Object',
  Link: 'Link Object',
  Header: 'Header Object',
  Tag: 'Tag Object',
  Schema: 'Schema Object',
  Discriminator: 'Discriminator Object',
  Xml: 'XML Object',
  SecurityScheme: 'Security Scheme Object',
  OAuth2Flows: 'OAuth Flows Object',
  SecurityRequirement: 'Security Requirement Object',
};

/** The clause a rule's problems break, when it is the same for every problem of that rule. */
const clauseOfRule: Record<string, string> = {
  'no-unresolved-refs': 'Reference Object',
  'operation-operationId-unique': 'Operation Object',
  'path-parameters-defined': 'Path Templating',
  'generator/operation-has-responses': 'Operation Object',
};

const publishedVersions = new Set(['3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4', '3.1.0', '3.1.1']);

/** `OpenAPI 3.0.3, Operation Object (https://spec.openapis.org/oas/v3.0.3#operation-object)`. */
export function clauseText(openapiVersion: string, section: string): string {
  const version = publishedVersions.has(openapiVersion) ? openapiVersion : openapiVersion.startsWith('3.0') ? '3.0.4' : '3.1.1';
  const anchor = section.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `OpenAPI ${version}, ${section} (https://spec.openapis.org/oas/v${version}#${anchor})`;
}

/** The node a structural problem is about: the node itself for a missing or mistyped node, else the object holding the field. */
function subjectOf(problem: NormalizedProblem): string | undefined {
  const location = problem.location[0];
  if (!location) return undefined;
  const where = whereOf(location.source.absoluteRef, location.pointer);
  return /^(The field|Must contain|Expected type `\w+` \((object|array)\))/.test(problem.message) ? where : parentPointer(where);
}

/**
 * The Redocly type of each wanted node (`file#pointer`), found by one more walk over the document
 * with nothing but a recorder. Only needed when a structural problem was found.
 */
async function typesOf(wanted: Set<string>, root: Document, resolver: BaseResolver): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (wanted.size === 0) return found;
  const locator = {
    id: 'locate',
    rules: {
      oas3: {
        'locate/types': () => ({
          any(_: unknown, ctx: VisitContext) {
            const where = whereOf(ctx.location.source.absoluteRef, ctx.location.pointer);
            if (wanted.has(where) && !found.has(where)) found.set(where, ctx.type.name);
          },
        }),
      },
    },
  } as unknown as Plugin;
  const config = await createConfig({ rules: { 'locate/types': 'warn' } }, { plugins: [locator] });
  await lintDocument({ document: root, config, externalRefResolver: resolver });
  return found;
}

/** The JSON Schema dialect a schema is written in, when it is one the structural check does not know. */
async function foreignDialectAt(where: string, root: Document, resolver: BaseResolver): Promise<string | undefined> {
  const hash = where.indexOf('#');
  const file = await resolver.resolveDocument(null, where.slice(0, hash), true);
  const parsed = 'parsed' in file ? file.parsed : undefined;
  // The nearest enclosing `$schema` decides; without one, the document's `jsonSchemaDialect`.
  const segments = where.slice(hash + 1).split('/').filter(Boolean);
  for (let length = segments.length; length >= 0; length--) {
    const node = valueAt(parsed, `#/${segments.slice(0, length).join('/')}`);
    if (isObject(node) && typeof node.$schema === 'string') return knownDialect.test(node.$schema) ? undefined : node.$schema;
  }
  const dialect = (root.parsed as Json).jsonSchemaDialect;
  return typeof dialect === 'string' && !knownDialect.test(dialect) ? dialect : undefined;
}

export interface CheckedProblems {
  /** Refusals, each with the clause of the specification it breaks when one is known. */
  errors: { problem: NormalizedProblem; clause?: string }[];
  warnings: NormalizedProblem[];
}

/**
 * Splits Redocly's problems into refusals and warnings, applying the leniency described at the
 * top of this file. `root` is the document as parsed (before bundling).
 */
export async function classifyProblems(problems: NormalizedProblem[], root: Document, resolver: BaseResolver): Promise<CheckedProblems> {
  const version = String((root.parsed as Json).openapi);
  const schemaNames = new Set(Object.keys((valueAt(root.parsed, '#/components/schemas') as Json | undefined) ?? {}));
  const ours = new Set(
    problems.filter((p) => p.ruleId.startsWith('generator/') && p.location[0]).map((p) => whereOf(p.location[0]!.source.absoluteRef, p.location[0]!.pointer)),
  );
  const structural = problems.filter((p) => p.ruleId === 'struct' && p.severity === 'error');
  const types = await typesOf(new Set(structural.map(subjectOf).filter((where): where is string => where !== undefined)), root, resolver);

  const result: CheckedProblems = { errors: [], warnings: [] };
  for (const problem of problems) {
    const location = problem.location[0];
    if (problem.severity !== 'error') {
      result.warnings.push(problem);
      continue;
    }
    if (problem.ruleId === 'struct') {
      const subject = subjectOf(problem);
      const type = subject && types.get(subject);
      // Our own rule says the same thing there, in words that name what the generator needs.
      if (location && ours.has(whereOf(location.source.absoluteRef, location.pointer)) && problem.message.startsWith('The field `responses`')) continue;
      const dialect = type === 'Schema' && version.startsWith('3.1') && subject ? await foreignDialectAt(subject, root, resolver) : undefined;
      if (dialect) {
        result.warnings.push({
          ...problem,
          ruleId: 'generator/schema-dialect',
          message: `${problem.message.replace(/\.$/, '')}: the schema is written in JSON Schema dialect ${dialect}, which the generator does not check (it checks OpenAPI 3.1's dialect, JSON Schema 2020-12).`,
        });
        continue;
      }
      const section = type ? specObjects[type] : undefined;
      result.errors.push({ problem, clause: section && clauseText(version, section) });
      continue;
    }
    let section = clauseOfRule[problem.ruleId];
    if (problem.ruleId === 'no-unresolved-refs' && location && /\/discriminator\/mapping\/[^/]+$/.test(location.pointer ?? '')) {
      const file = await resolver.resolveDocument(null, location.source.absoluteRef, true);
      const value = 'parsed' in file ? valueAt(file.parsed, location.pointer) : undefined;
      // A schema name (not a reference) that names a schema of the document is what the spec allows.
      if (typeof value === 'string' && !isMappingRef(value) && schemaNames.has(value)) continue;
      section = 'Discriminator Object';
      if (typeof value === 'string' && !isMappingRef(value)) {
        const message = `Discriminator mapping value \`${value}\` names no schema in components/schemas (a mapping value is a schema name or a reference).`;
        result.errors.push({ problem: { ...problem, message }, clause: clauseText(version, section) });
        continue;
      }
    }
    if (problem.ruleId === 'generator/operation-has-responses' && problem.message.includes('empty')) section = 'Responses Object';
    result.errors.push({ problem, clause: section && clauseText(version, section) });
  }
  return result;
}
