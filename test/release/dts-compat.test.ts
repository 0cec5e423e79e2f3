/**
 * The TypeScript level of release:check on hand-written declaration pairs: the cases a spec diff
 * cannot see, and the rewrite that makes method parameters count. Every pair of the file is
 * declared when it loads and compared in one TypeScript program before the tests read the results.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../../scripts/release/bump.js';
import { compareDeclarationPairs } from '../../scripts/release/dts-compat.js';
import type { Finding } from '../../scripts/release/finding.js';
import { rewriteForStrictVariance } from '../../scripts/release/strict-variance.js';
import { removeDir, scratchDir } from './helpers/fixture-package.js';

/** Every pair the tests compare, before → after. */
const pairs: (readonly [string, string])[] = [];
const results = new Map<string, Finding[]>();
const keyOf = (before: string, after: string) => JSON.stringify([before, after]);

/** Declares a pair the tests will compare; returns it. */
function pair(before: string, after: string): readonly [string, string] {
  pairs.push([before, after]);
  return [before, after];
}

function compare([before, after]: readonly [string, string]): Finding[] {
  const findings = results.get(keyOf(before, after));
  if (!findings) throw new Error('compare() takes a pair declared with pair() when the file loads');
  return findings;
}

let work: string;
beforeAll(() => {
  work = scratchDir('fgs-release-dts-');
  const entries = pairs.map(([before, after], i) => {
    const dir = join(work, String(i));
    mkdirSync(join(dir, 'old'), { recursive: true });
    mkdirSync(join(dir, 'new'), { recursive: true });
    writeFileSync(join(dir, 'old/index.d.ts'), before);
    writeFileSync(join(dir, 'new/index.d.ts'), after);
    return { base: join(dir, 'old/index.d.ts'), current: join(dir, 'new/index.d.ts') };
  });
  compareDeclarationPairs(entries).forEach((findings, i) => results.set(keyOf(...pairs[i]!), findings));
});
afterAll(() => removeDir(work));

const client = (input: string, result: string, extra = '') => `
export interface RunInput { ${input} }
export interface RunResult { ${result} }
export interface Client { run(input: RunInput): Promise<RunResult>; ${extra} }
export declare function createClient(): Client;
export declare class ApiError extends Error { #private; private secret; readonly status: number; constructor(status: number); }
`;

// [name, before, after, the rating of each named export that must appear]
const rows: [string, string, string, Record<string, Level>][] = [
  ['an input property renamed', client('urn: string', 'id: string'), client('functionUrn: string', 'id: string'), { RunInput: 'breaking', createClient: 'breaking', Client: 'breaking' }],
  ['a result property made optional', client('urn: string', 'id: string'), client('urn: string', 'id?: string'), { RunResult: 'breaking', createClient: 'breaking' }],
  ['an input property made optional', client('urn: string', 'id: string'), client('urn?: string', 'id: string'), { RunInput: 'additive', createClient: 'additive' }],
  ['a result property added', client('urn: string', 'id: string'), client('urn: string', 'id: string; at: number'), { RunResult: 'additive', createClient: 'additive' }],
  ['a method added', client('urn: string', 'id: string'), client('urn: string', 'id: string', 'stop(): void;'), { Client: 'additive', createClient: 'additive' }],
  ['a method removed', client('urn: string', 'id: string', 'stop(): void;'), client('urn: string', 'id: string'), { Client: 'breaking', createClient: 'breaking' }],
  ['an export removed', `${client('a: string', 'b: string')}export declare function helper(): void;`, client('a: string', 'b: string'), { helper: 'breaking' }],
  ['an export added', client('a: string', 'b: string'), `${client('a: string', 'b: string')}export declare const VERSION: string;`, { VERSION: 'additive' }],
  // Only the rewrite makes this visible: method parameters are bivariant in TypeScript.
  ['a method parameter narrowed', 'export interface Sink { put(value: string | number): void }\nexport declare function sink(): Sink;', 'export interface Sink { put(value: string): void }\nexport declare function sink(): Sink;', { sink: 'breaking', Sink: 'breaking' }],
  ['a private member changed (not public surface)', client('a: string', 'b: string'), client('a: string', 'b: string').replace('private secret;', 'private secret2;'), {}],
  ['a data table grew', 'export declare const servers: readonly [{ readonly url: "a" }];', 'export declare const servers: readonly [{ readonly url: "a" }, { readonly url: "b" }];', { servers: 'additive' }],
  ['a data table lost a key', 'export declare const table: { readonly a: { readonly path: "/a" }; readonly b: { readonly path: "/b" } };', 'export declare const table: { readonly a: { readonly path: "/a" } };', { table: 'breaking' }],
  // Removals that assignability cannot see: every type involved accepts the other.
  ['an optional input property renamed', client('urn: string; tag?: string', 'id: string'), client('urn: string; label?: string', 'id: string'), { RunInput: 'breaking' }],
  ['an optional input property removed', client('urn: string; tag?: string', 'id: string'), client('urn: string', 'id: string'), { RunInput: 'breaking' }],
  ['an optional result property removed', client('urn: string', 'id: string; at?: number'), client('urn: string', 'id: string'), { RunResult: 'breaking' }],
  ['an optional property removed deep in a result', client('urn: string', 'id: string; meta?: { region?: string; zone?: string }'), client('urn: string', 'id: string; meta?: { region?: string }'), { RunResult: 'breaking' }],
  [
    'an option removed from an options interface',
    'export interface Options { baseUrl?: string; retries?: number }\nexport declare function connect(options?: Options): void;',
    'export interface Options { baseUrl?: string }\nexport declare function connect(options?: Options): void;',
    { Options: 'breaking' },
  ],
  [
    'an optional member removed from an inline parameter type',
    'export declare function connect(options: { host?: string; port?: number }): void;',
    'export declare function connect(options: { host?: string }): void;',
    { connect: 'breaking' },
  ],
  ['an optional input property added', client('urn: string', 'id: string'), client('urn: string; tag?: string', 'id: string'), { RunInput: 'patch' }],
];

for (const [, before, after] of rows) pair(before, after);

const renamedTag = pair(client('urn: string; tag?: string', 'id: string'), client('urn: string; label?: string', 'id: string'));
const resultRetyped = pair(client('urn: string', 'id: string'), client('urn: string', 'id: number'));
const deepRemoval = pair(client('urn: string', 'id: string; meta?: { region?: string; zone?: string }'), client('urn: string', 'id: string; meta?: { region?: string }'));
const inlineParameter = pair('export declare function connect(options: { host?: string; port?: number }): void;', 'export declare function connect(options: { host?: string }): void;');
const arrayResult = pair('export declare function list(): Promise<{ id: string; at?: number }[]>;', 'export declare function list(): Promise<{ id: string }[]>;');
const twoForOne = pair('export interface Q { a?: string; b?: string }\nexport declare function q(x: Q): void;', 'export interface Q { c?: string }\nexport declare function q(x: Q): void;');

describe('compareDeclarations', () => {
  it.each(rows)('%s', (_name, before, after, want) => {
    const findings = compare([before, after]);
    const got = Object.fromEntries(findings.map((f) => [f.subject, f.level]));
    for (const [name, level] of Object.entries(want)) expect(got[name], JSON.stringify(findings, null, 1)).toBe(level);
    if (Object.keys(want).length === 0) expect(findings).toEqual([]);
  });

  it('says which direction failed and why, in the compiler’s words', () => {
    const [finding] = compare(resultRetyped).filter((f) => f.subject === 'RunResult');
    expect(finding?.message).toMatch(/^`RunResult` \(output type of run\): what it now holds no longer fits code that reads it — new→old: Type 'RunResult' is not assignable .* Type 'number' is not assignable to type 'string'/);
  });

  it('names a renamed property, the operation that takes it, and what happens to old callers', () => {
    const [finding] = compare(renamedTag).filter((f) => f.subject === 'RunInput');
    expect(finding?.message).toBe(
      '`RunInput` (input type of run): `RunInput.tag` was renamed to `label`: an object literal that sets `tag` no longer compiles, ' +
        'and any other value that sets it still compiles and has it silently ignored',
    );
  });

  it('names where a removed member was, as code reaches it', () => {
    const messages = (declarations: readonly [string, string]) => compare(declarations).map((f) => f.message);
    expect(messages(deepRemoval)).toContain(
      '`RunResult` (output type of run): `RunResult.meta.zone` was removed: code that reads `zone` no longer compiles',
    );
    expect(messages(inlineParameter)).toEqual([
      '`connect` (value): `connect(options).port` was removed: an object literal that sets `port` no longer compiles, and any other value that sets it still compiles and has it silently ignored',
    ]);
    expect(messages(arrayResult)).toEqual([
      '`list` (value): `list()[].at` was removed: code that reads `at` no longer compiles',
    ]);
  });

  it('pairs a rename only when one property of the same type took the old one’s place', () => {
    const findings = compare(twoForOne);
    const message = findings.find((f) => f.subject === 'Q')?.message;
    expect(message).toContain('`Q.a` was removed');
    expect(message).toContain('`Q.b` was removed');
    expect(message).not.toContain('renamed');
  });
});

describe('rewriteForStrictVariance', () => {
  it('turns methods into function-typed properties, overloads into one intersection, and drops private members and never slots', () => {
    const out = rewriteForStrictVariance(
      'x.d.ts',
      'interface A { m(a: string): void; m(a: number): void; n?(): string; get?: never }\ndeclare class B { #private; private p; protected q: number; r(x: string): void; s: number }',
    );
    expect(out).toContain('m: ((a: string) => void) & ((a: number) => void);');
    expect(out).toContain('n?: () => string;');
    expect(out).not.toContain('get?');
    expect(out).toContain('r: (x: string) => void;');
    expect(out).not.toMatch(/#private|private p|protected q/);
  });
});
