/**
 * The public surface of a declaration file as a reviewer reads it, and the diff of two of them
 * (`npm run api:diff`: the last release's, kept in the baseline, against the build's).
 *
 * The listing is the file's top-level statements printed without comments, imports first, then
 * every declaration sorted by name, then the export list one name a line. A bundler's order of
 * declarations and the doc comments (the spec diff shows descriptions) are not the surface, so
 * neither shows in the diff; what a declaration says does.
 */
import { readFileSync } from 'node:fs';
import { structuredPatch, formatPatch } from 'diff';
import ts from 'typescript';

const printer = ts.createPrinter({ removeComments: true });

interface Entry {
  /** 0: imports, 1: declarations, 2: exports. */
  readonly group: 0 | 1 | 2;
  readonly key: string;
  readonly text: string;
}

function declaredName(statement: ts.Statement): string {
  if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  const name = (statement as ts.Statement & { name?: ts.Node }).name;
  return name ? name.getText() : '';
}

/** `export { b, a as c, type d }` as one specifier a line, sorted by the exported name. */
function exportList(statement: ts.ExportDeclaration, file: ts.SourceFile): string | undefined {
  if (statement.moduleSpecifier || !statement.exportClause || !ts.isNamedExports(statement.exportClause)) return undefined;
  const specifiers = [...statement.exportClause.elements]
    .sort((a, b) => compareText(a.name.text, b.name.text))
    .map((s) => `    ${printer.printNode(ts.EmitHint.Unspecified, s, file)},`);
  return `export ${statement.isTypeOnly ? 'type ' : ''}{\n${specifiers.join('\n')}\n};`;
}

function entryOf(statement: ts.Statement, file: ts.SourceFile): Entry {
  const text = printer.printNode(ts.EmitHint.Unspecified, statement, file);
  if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) return { group: 0, key: text, text };
  if (ts.isExportDeclaration(statement)) return { group: 2, key: text, text: exportList(statement, file) ?? text };
  if (ts.isExportAssignment(statement)) return { group: 2, key: text, text };
  return { group: 1, key: declaredName(statement), text };
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The readable listing of the declaration file `file` (see the module comment). */
export function readableSurface(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  // Array.prototype.sort is stable: overloads and merged declarations of one name keep their order.
  const entries = source.statements.map((s) => entryOf(s, source)).sort((a, b) => a.group - b.group || compareText(a.key, b.key));
  return `${entries.map((e) => e.text).join('\n\n')}\n`;
}

export interface SurfaceSide {
  /** How the diff names this side: a version, "build". */
  readonly label: string;
  readonly file: string;
}

export interface SurfaceDiff {
  /** The unified diff of the two listings; empty when the surface did not change. */
  readonly patch: string;
  readonly added: number;
  readonly removed: number;
}

/** The unified diff of the readable surfaces of `base` and `current`. */
export function diffSurfaces(base: SurfaceSide, current: SurfaceSide): SurfaceDiff {
  const patch = structuredPatch(base.label, current.label, readableSurface(base.file), readableSurface(current.file), undefined, undefined, { context: 3 });
  let added = 0;
  let removed = 0;
  for (const line of patch.hunks.flatMap((h) => h.lines)) {
    if (line.startsWith('+')) added++;
    else if (line.startsWith('-')) removed++;
  }
  return { patch: patch.hunks.length > 0 ? formatPatch(patch) : '', added, removed };
}
