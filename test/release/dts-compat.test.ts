/**
 * The TypeScript level of release:check on hand-written declaration pairs: the cases a spec diff
 * cannot see, and the rewrite that makes method parameters count.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Level } from '../../scripts/release/bump.js';
import { compareDeclarations, rewriteForStrictVariance } from '../../scripts/release/dts-compat.js';
import { removeDir, scratchDir } from './helpers/fixture-package.js';

let work: string;
beforeAll(() => {
  work = scratchDir('fgs-release-dts-');
});
afterAll(() => removeDir(work));

let counter = 0;
function compare(before: string, after: string) {
  const dir = join(work, String(counter++));
  mkdirSync(join(dir, 'old'), { recursive: true });
  mkdirSync(join(dir, 'new'), { recursive: true });
  writeFileSync(join(dir, 'old/index.d.ts'), before);
  writeFileSync(join(dir, 'new/index.d.ts'), after);
  return compareDeclarations({ base: join(dir, 'old/index.d.ts'), current: join(dir, 'new/index.d.ts') });
}

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
];

describe('compareDeclarations', { timeout: 30_000 }, () => {
  it.each(rows)('%s', (_name, before, after, want) => {
    const findings = compare(before, after);
    const got = Object.fromEntries(findings.map((f) => [f.subject, f.level]));
    for (const [name, level] of Object.entries(want)) expect(got[name], JSON.stringify(findings, null, 1)).toBe(level);
    if (Object.keys(want).length === 0) expect(findings).toEqual([]);
  });

  it('says which direction failed and why, in the compiler’s words', () => {
    const [finding] = compare(client('urn: string', 'id: string'), client('functionUrn: string', 'id: string')).filter((f) => f.subject === 'RunInput');
    expect(finding?.message).toMatch(/^`RunInput` \(input type\): values written for it are no longer accepted — old→new: Property 'functionUrn' is missing/);
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
