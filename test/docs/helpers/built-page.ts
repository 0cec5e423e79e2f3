/**
 * The built API reference page (packages/docs/dist/index.html) as the docs tests read it: where it
 * is, reading it, the JSON and markup in it, and the spec's operations, error codes and pending
 * changesets the page is checked against. Shared by docs-page*.test.ts and offline-page.test.ts.
 */
import parseChangeset from '@changesets/parse';
import { operationDescriptors } from '@fgs-openapi/client';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const distDir = join(repoRoot, 'packages/docs/dist');
export const pagePath = join(distDir, 'index.html');

/** The page as `npm run build` left it; a missing page says to build it. */
export function readBuiltPage(): string {
  if (!existsSync(pagePath)) throw new Error(`${pagePath} does not exist: run npm run build first`);
  return readFileSync(pagePath, 'utf8');
}

/** Pulls the JSON literal assigned to `const <name> = ...;` in the page's inline script. */
export function embeddedJson(html: string, name: string): any {
  const json = new RegExp(`const ${name} = (.*);\\n`).exec(html)?.[1];
  if (json === undefined) throw new Error(`no \`const ${name}\` in the page`);
  return JSON.parse(json);
}

/** The page with script bodies blanked: tag checks must see markup, not strings in Redoc's code. */
export function markupOnly(html: string): string {
  return html.replace(/(<script\b[^>]*>)[\s\S]*?(<\/script>)/gi, '$1$2');
}

export function attributes(tagSource: string): Array<[string, string]> {
  const attrs: Array<[string, string]> = [];
  for (const [, name = '', raw = ''] of tagSource.matchAll(
    /([^\s=<>\/"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g,
  )) {
    attrs.push([name.toLowerCase(), raw.replace(/^["']|["']$/g, '')]);
  }
  return attrs;
}

/** Each match with a little context, so a failure names the spot without dumping 2 MB of page. */
export function excerpts(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((m) =>
    text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80),
  );
}

/** Every operation as [path, method, operation]: the client's descriptors, looked up in a bundled spec. */
export function operationsOf(spec: any): Array<[string, string, any]> {
  return Object.values(operationDescriptors).map((d): [string, string, any] => [d.path, d.method, spec.paths[d.path][d.method]]);
}

/** Every `x-error-codes` entry anywhere in the spec's schemas. */
export function errorCodesOf(node: unknown): Array<{ code: string; status?: number }> {
  if (Array.isArray(node)) return node.flatMap(errorCodesOf);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'x-error-codes' && Array.isArray(value) ? value : errorCodesOf(value),
  );
}

/** The changesets in .changeset/ that release the client: what the page must call unreleased. */
export function pendingChangesets(packageName: string): { summary: string }[] {
  const dir = join(repoRoot, '.changeset');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file.toLowerCase() !== 'readme.md')
    .map((file) => parseChangeset(readFileSync(join(dir, file), 'utf8')))
    .filter((changeset) => changeset.releases.some((r) => r.name === packageName && r.type !== 'none'));
}
