/**
 * What the list commands share: one page, or every page with `--all` (the client's paginator),
 * printed as a JSON array with `--json` or as a table; a note on stderr when more pages are left.
 */
import type { CommandContext } from './context.js';
import { UsageError } from './exit-codes.js';
import { writeJson, writeTable, type Column } from './output.js';

export interface FirstPage<T> {
  readonly items: readonly T[];
  /** The answer's next marker. */
  readonly nextMarker: unknown;
  /** How many items match, in all, when the answer says. */
  readonly count: unknown;
}

export interface Listing<T> {
  firstPage(): Promise<FirstPage<T>>;
  /** Every item of every page. */
  everyItem(): AsyncIterable<T>;
}

/** `--limit <n>`: a whole number of at least 1. */
export function readLimit(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--limit must be a whole number of at least 1, got "${text}"`);
  return Number(text);
}

/** Whether pages follow the first, by the paginator's own stop rules: a next marker, items on this page, fewer than the count. */
function morePages({ items, nextMarker, count }: FirstPage<unknown>): boolean {
  if (nextMarker === undefined || nextMarker === null || nextMarker === '' || items.length === 0) return false;
  return typeof count !== 'number' || items.length < count;
}

export async function printListing<T>(context: CommandContext, listing: Listing<T>, columns: readonly Column<T>[], noun: string): Promise<void> {
  const { io, values, colors } = context;
  let items: readonly T[];
  let more = false;
  if (values.all) {
    const every: T[] = [];
    for await (const item of listing.everyItem()) every.push(item);
    items = every;
  } else {
    const page = await listing.firstPage();
    [items, more] = [page.items, morePages(page)];
  }
  if (values.json) writeJson(io.stdout, items);
  else if (items.length > 0) writeTable(io.stdout, items, columns, colors.stdout);
  if (items.length === 0 && !values.json) io.stderr.write(colors.stderr.dim(`no ${noun}\n`));
  if (more) io.stderr.write(colors.stderr.dim(`more ${noun} on further pages: add --all\n`));
}
