/**
 * What the description checks found, split into refusals and warnings by the leniency described in
 * description-checks.ts: a structural problem is a refusal with the clause it breaks, unless the
 * schema it is in is written in another JSON Schema dialect; a discriminator mapping may name a
 * schema instead of referencing it.
 */
import { createConfig, isMappingRef, lintDocument } from '@redocly/openapi-core';
import type { BaseResolver, Document, NormalizedProblem, Plugin } from '@redocly/openapi-core';
import { decodeKey, valueAtKeys } from '../json-pointer.js';
import { isObject, type Json } from '../json.js';
import { clauseText, specObjects } from '../spec-clauses.js';
import type { VisitContext } from './description-checks.js';

/** Dialects whose keyword shapes the structural check knows: OpenAPI 3.1's base dialect is JSON Schema 2020-12. */
const knownDialect = /^https?:\/\/(?:spec\.openapis\.org\/oas\/3\.1\/dialect\/base|json-schema\.org\/draft\/2020-12\/schema)\/?#?$/;

/** Where a problem is, as one string: file and JSON pointer. */
const whereOf = (absoluteRef: string, pointer: string | undefined) => `${absoluteRef}${pointer ?? '#/'}`;

const parentPointer = (pointer: string) => pointer.slice(0, Math.max(pointer.lastIndexOf('/'), pointer.indexOf('#') + 1));

/** The value at a JSON pointer (`#/a/b~1c`) of a parsed document. */
function valueAt(document: unknown, pointer: string | undefined): unknown {
  const path = (pointer ?? '').replace(/^#\/?/, '');
  if (path === '') return document;
  return valueAtKeys(document, path.split('/').map(decodeKey));
}

/** The clause a rule's problems break, when it is the same for every problem of that rule. */
const clauseOfRule: Record<string, string> = {
  'no-unresolved-refs': 'Reference Object',
  'operation-operationId-unique': 'Operation Object',
  'path-parameters-defined': 'Path Templating',
  'generator/operation-has-responses': 'Operation Object',
};

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

/** What classifying a problem needs to know about the whole description. */
interface Classification {
  root: Document;
  resolver: BaseResolver;
  version: string;
  schemaNames: Set<string>;
  /** Where the generator's own rules reported something (`file#pointer`). */
  ours: Set<string>;
  /** The Redocly type of each node a structural problem is about. */
  types: Map<string, string>;
  result: CheckedProblems;
}

/**
 * Splits Redocly's problems into refusals and warnings, applying the leniency described in
 * description-checks.ts. `root` is the document as parsed (before bundling).
 */
export async function classifyProblems(problems: NormalizedProblem[], root: Document, resolver: BaseResolver): Promise<CheckedProblems> {
  const structural = problems.filter((p) => p.ruleId === 'struct' && p.severity === 'error');
  const classification: Classification = {
    root,
    resolver,
    version: String((root.parsed as Json).openapi),
    schemaNames: new Set(Object.keys((valueAt(root.parsed, '#/components/schemas') as Json | undefined) ?? {})),
    ours: new Set(
      problems.filter((p) => p.ruleId.startsWith('generator/') && p.location[0]).map((p) => whereOf(p.location[0]!.source.absoluteRef, p.location[0]!.pointer)),
    ),
    types: await typesOf(new Set(structural.map(subjectOf).filter((where): where is string => where !== undefined)), root, resolver),
    result: { errors: [], warnings: [] },
  };
  for (const problem of problems) {
    if (problem.severity !== 'error') classification.result.warnings.push(problem);
    else if (problem.ruleId === 'struct') await classifyStructural(problem, classification);
    else await classifyRuleProblem(problem, classification);
  }
  return classification.result;
}

/** A structural problem: refused with the clause of the object it is in, unless another rule or dialect says otherwise. */
async function classifyStructural(problem: NormalizedProblem, { root, resolver, version, ours, types, result }: Classification): Promise<void> {
  const location = problem.location[0];
  const subject = subjectOf(problem);
  const type = subject && types.get(subject);
  // Our own rule says the same thing there, in words that name what the generator needs.
  if (location && ours.has(whereOf(location.source.absoluteRef, location.pointer)) && problem.message.startsWith('The field `responses`')) return;
  const dialect = type === 'Schema' && version.startsWith('3.1') && subject ? await foreignDialectAt(subject, root, resolver) : undefined;
  if (dialect) {
    result.warnings.push({
      ...problem,
      ruleId: 'generator/schema-dialect',
      message: `${problem.message.replace(/\.$/, '')}: the schema is written in JSON Schema dialect ${dialect}, which the generator does not check (it checks OpenAPI 3.1's dialect, JSON Schema 2020-12).`,
    });
    return;
  }
  const section = type ? specObjects[type] : undefined;
  result.errors.push({ problem, clause: section && clauseText(version, section) });
}

/** A problem another rule found: refused with that rule's clause, except a discriminator mapping by schema name. */
async function classifyRuleProblem(problem: NormalizedProblem, { resolver, version, schemaNames, result }: Classification): Promise<void> {
  const location = problem.location[0];
  let section = clauseOfRule[problem.ruleId];
  if (problem.ruleId === 'no-unresolved-refs' && location && /\/discriminator\/mapping\/[^/]+$/.test(location.pointer ?? '')) {
    const file = await resolver.resolveDocument(null, location.source.absoluteRef, true);
    const value = 'parsed' in file ? valueAt(file.parsed, location.pointer) : undefined;
    // A schema name (not a reference) that names a schema of the document is what the spec allows.
    if (typeof value === 'string' && !isMappingRef(value) && schemaNames.has(value)) return;
    section = 'Discriminator Object';
    if (typeof value === 'string' && !isMappingRef(value)) {
      const message = `Discriminator mapping value \`${value}\` names no schema in components/schemas (a mapping value is a schema name or a reference).`;
      result.errors.push({ problem: { ...problem, message }, clause: clauseText(version, section) });
      return;
    }
  }
  if (problem.ruleId === 'generator/operation-has-responses' && problem.message.includes('empty')) section = 'Responses Object';
  result.errors.push({ problem, clause: section && clauseText(version, section) });
}
