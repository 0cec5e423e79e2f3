import type { CodeBlockWriter } from 'ts-morph';

/** Writes plain data as a TypeScript literal: bare keys where legal, single-quoted strings. */
export function writeLiteral(writer: CodeBlockWriter, value: unknown): void {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') {
    writer.write(String(value));
  } else if (typeof value === 'string') {
    writer.write(quote(value));
  } else if (Array.isArray(value)) {
    const inline = value.map((item) => (isPrimitive(item) ? literalText(item) : undefined));
    if (inline.every((item) => item !== undefined) && inline.join(', ').length <= 60) {
      // Short lists of plain values read better on one line.
      writer.write(`[${inline.join(', ')}]`);
      return;
    }
    writer.write('[').indent(() => {
      for (const item of value) {
        writeLiteral(writer, item);
        writer.write(',').newLine();
      }
    });
    writer.write(']');
  } else if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    if (entries.length === 0) {
      writer.write('{}');
      return;
    }
    writer.write('{').indent(() => {
      for (const [key, item] of entries) {
        writer.write(`${propertyKey(key)}: `);
        writeLiteral(writer, item);
        writer.write(',').newLine();
      }
    });
    writer.write('}');
  } else {
    throw new TypeError(`cannot write ${typeof value} as a literal`);
  }
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function literalText(value: string | number | boolean | null): string {
  return typeof value === 'string' ? quote(value) : String(value);
}

export function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

export function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}
