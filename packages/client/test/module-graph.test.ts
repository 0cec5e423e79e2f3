/**
 * The client's modules import each other without a cycle: a cycle makes the order in which modules
 * run depend on which one a consumer imports first, and it ties into one chunk what should load
 * lazily. Counted are the imports that exist at run time: static `import`/`export … from` of values.
 * Type-only imports vanish when compiled, and a dynamic `import()` back into the main chunk is how a
 * lazy chunk (a transport, the signer) is meant to be reached.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const srcDir = join(import.meta.dirname, '../src');

type Graph = ReadonlyMap<string, readonly string[]>;

/** Whether an import or export declaration brings in anything that exists at run time. */
function importsValues(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) {
    if (statement.isTypeOnly) return false;
    const clause = statement.exportClause;
    return !clause || !ts.isNamedExports(clause) || clause.elements.length === 0 || clause.elements.some((element) => !element.isTypeOnly);
  }
  const clause = statement.importClause;
  if (!clause) return true; // a bare `import './x.js'` runs the module
  if (clause.isTypeOnly) return false;
  const bindings = clause.namedBindings;
  if (clause.name || !bindings || ts.isNamespaceImport(bindings)) return true;
  return bindings.elements.length === 0 || bindings.elements.some((element) => !element.isTypeOnly);
}

/** The relative value imports of one source file, as paths of files under srcDir's parent. */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
    if (importsValues(statement)) found.push(resolve(dirname(file), specifier.text.replace(/\.js$/, '.ts')));
  }
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every cycle's modules in import order, the first repeated at the end; [] when there is none. */
function findCycles(graph: Graph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('the module graph', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);

    expect(findCycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(findCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('counts value imports and leaves type-only ones out', () => {
    const kinds = (code: string) =>
      ts.createSourceFile('x.ts', code, ts.ScriptTarget.Latest).statements.filter((s) => ts.isImportDeclaration(s) || ts.isExportDeclaration(s)).map((s) => importsValues(s as ts.ImportDeclaration));

    expect(kinds("import { a } from './a.js'; import a2 from './a.js'; import * as n from './a.js'; import './a.js'; export { b } from './b.js'; export * from './b.js'; import { type T, c } from './c.js';")).toEqual([true, true, true, true, true, true, true]);
    expect(kinds("import type { T } from './a.js'; import { type T2 } from './a.js'; export type { U } from './b.js'; export { type V } from './b.js';")).toEqual([false, false, false, false]);
  });

  it('has no import cycle in packages/client/src', () => {
    const files = sourceFiles(srcDir);
    const graph = new Map(files.map((file) => [file, valueImports(file)]));
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(srcDir, file)).join(' → '));

    expect(files.length).toBeGreaterThan(30);
    expect(cycles, `import cycles in packages/client/src:\n${cycles.join('\n')}`).toEqual([]);
  });
});
