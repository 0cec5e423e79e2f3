/** Doc comments in generated code: spec prose as JSDoc, kept from closing the comment it is written into. */
import type { JSDocStructure, OptionalKind, WriterFunction } from 'ts-morph';

/** Keeps spec prose from closing the comment it is written into. */
export function docText(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

export function jsDoc(description: string | undefined, tags: { tagName: string; text?: string }[] = []): OptionalKind<JSDocStructure>[] {
  if (!description && tags.length === 0) return [];
  return [{ description: description ? docText(description) : undefined, tags: tags.map((tag) => ({ ...tag, text: tag.text && docText(tag.text) })) }];
}

/**
 * `export const <name> = <initializer>;` under its doc comment, written straight to the writer. A
 * variable-statement structure would hang-indent a multi-line initializer and need a formatting
 * pass over the whole file to undo it.
 */
export function exportedConst(statement: { docs: string; name: string; initializer: WriterFunction }): WriterFunction {
  return (writer) => {
    const lines = docText(statement.docs).split('\n');
    // The layout ts-morph gives a JSDoc structure: one line when it fits one, else one ` * ` line each.
    if (lines.length === 1) writer.write(`/** ${lines[0]} */`).newLine();
    else writer.write(`/**\n${lines.map((line) => (line ? ` * ${line}` : ' *')).join('\n')}\n */`).newLine();
    writer.write(`export const ${statement.name} = `);
    statement.initializer(writer);
    writer.write(';');
  };
}
