/** Printing: ts-morph structures to the text of a source file, in the house layout. */
import type { CodeBlockWriter, OptionalKind, Project as ProjectType, SourceFileStructure, StatementStructures, WriterFunction } from 'ts-morph';
import { IndentationText, NewLineKind, Project, QuoteKind } from './ts-morph.js';

/** A top-level statement of a generated file: a structure, a writer, or text copied as it is. */
export type Statement = string | StatementStructures | WriterFunction;

/** The text of a source file made of `statements`, with a blank line between top-level declarations. */
export function printStatements(statements: Statement[]): string {
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Single,
      useTrailingCommas: true,
    },
  });
  // Structures alone would pack const statements together.
  const spaced = statements.flatMap((statement, index) => (index === 0 ? [statement] : [(writer: CodeBlockWriter) => writer.blankLineIfLastNot(), statement]));
  return printSourceFile(project, { statements: spaced });
}

/** The part of ts-morph's project context that prints structures (not in its public typings). */
interface StructurePrinting {
  _context: {
    createWriter(): CodeBlockWriter;
    structurePrinterFactory: { forSourceFile(options: { isAmbient: boolean }): { printText(writer: CodeBlockWriter, structure: OptionalKind<SourceFileStructure>): void } };
  };
}

/**
 * The text of a source file made of `structure`, printed by ts-morph's structure printer with the
 * project's settings: what `project.createSourceFile(name, structure).getFullText()` returns,
 * without parsing the printed text back into a syntax tree nobody reads (half the emit time on a
 * large spec). The printer is reached through ts-morph's project context, which its typings do not
 * expose; ts-morph is pinned, and the goldens would show any change in what it prints.
 */
function printSourceFile(project: ProjectType, structure: OptionalKind<SourceFileStructure>): string {
  const context = (project as unknown as StructurePrinting)._context;
  const writer = context.createWriter();
  context.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, structure);
  return writer.toString();
}
