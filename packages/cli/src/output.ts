/**
 * Data on stdout: JSON pretty-printed on a terminal and one line when piped, tables aligned on a
 * terminal and tab-separated without a header when piped (for cut, awk, sort), as gh does.
 */
import type { Colors, OutputStream } from './io.js';

export function writeJson(stdout: OutputStream, value: unknown): void {
  stdout.write(`${stdout.isTTY ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}

/** A cell as text: empty for absent, JSON for objects. */
const cell = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value).replace(/[\t\n\r]+/g, ' ');

export interface Column<T> {
  readonly heading: string;
  readonly value: (row: T) => unknown;
  /** Colour of the cell on a terminal. */
  readonly color?: (text: string, row: T, colors: Colors) => string;
}

export function writeTable<T>(stdout: OutputStream, rows: readonly T[], columns: readonly Column<T>[], colors: Colors): void {
  const texts = rows.map((row) => columns.map((column) => cell(column.value(row))));
  if (!stdout.isTTY) {
    for (const line of texts) stdout.write(`${line.join('\t')}\n`);
    return;
  }
  const widths = columns.map((column, index) => Math.max(column.heading.length, ...texts.map((line) => line[index]!.length)));
  const pad = (text: string, index: number) => text.padEnd(widths[index]!);
  stdout.write(`${colors.bold(columns.map((column, index) => pad(column.heading, index)).join('  ').trimEnd())}\n`);
  texts.forEach((line, rowIndex) => {
    const shown = line.map((text, index) => {
      const color = columns[index]!.color;
      return color ? color(pad(text, index), rows[rowIndex]!, colors) : pad(text, index);
    });
    stdout.write(`${shown.join('  ').trimEnd()}\n`);
  });
}

/** `name: value` lines for one object's chosen fields, names aligned; absent fields left out. */
export function writeFields(stdout: OutputStream, object: Record<string, unknown>, fields: readonly (readonly [label: string, key: string])[], colors: Colors): void {
  const present = fields.filter(([, key]) => object[key] !== undefined && object[key] !== null && object[key] !== '');
  const width = Math.max(0, ...present.map(([label]) => label.length));
  for (const [label, key] of present) stdout.write(`${colors.bold(`${label}:`.padEnd(width + 1))} ${cell(object[key])}\n`);
}

/** Colours of an asynchronous run's status, on a terminal. */
export function statusColor(status: string, colors: Colors): (text: string) => string {
  if (status === 'SUCCESS') return colors.green;
  if (status === 'FAIL' || status === 'DISCARD') return colors.red;
  return colors.yellow;
}
