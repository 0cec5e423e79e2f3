/**
 * `client-types.gen.ts`: every type `client.gen.ts` exports, re-exported by name as types only. A
 * package re-exports this module with `export type *`, so its published declarations list each
 * generated type (a new operation's too) and can never promise a value (a table, a function) that
 * its JavaScript does not export.
 */
import type { ts as Ts } from 'ts-morph';
import { ts } from './ts-morph.js';

/** The names of the interfaces and type aliases `clientText` exports, in the order declared (a parse, no type checking). */
function exportedTypeNames(clientText: string): string[] {
  const file = ts.createSourceFile('client.gen.ts', clientText, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const exported = (statement: Ts.Statement) => ts.getModifiers(statement as Ts.HasModifiers)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
  return file.statements
    .filter((statement) => (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && exported(statement))
    .map((statement) => (statement as Ts.InterfaceDeclaration | Ts.TypeAliasDeclaration).name.text);
}

/** The type index of a generated client module: `export type { … } from '<clientModule>'`. */
export function emitTypeIndex(clientText: string, clientModule: string, header: string): string {
  const names = exportedTypeNames(clientText);
  // One name a line, like a hand-written export list: a new operation's types show as added lines.
  const body = names.length === 0 ? 'export {};\n' : `export type {\n${names.map((name) => `  ${name},\n`).join('')}} from '${clientModule}';\n`;
  return `${header}\n${body}`;
}
