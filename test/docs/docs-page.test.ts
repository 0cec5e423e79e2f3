/**
 * The API reference page as `npm run build` left it (packages/docs/dist/index.html), as a file: one
 * file of a reasonable size that loads nothing from the network, sends no telemetry and carries a
 * Content-Security-Policy; a second build of the same inputs gives the same bytes. What the page
 * shows is tested in docs-page-content.test.ts and docs-page-version.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { FORBIDDEN_HOSTS } from '../../packages/docs/scripts/offline-page.js';
import { attributes, distDir, embeddedJson, excerpts, markupOnly, pagePath, readBuiltPage, repoRoot } from './helpers/built-page.js';

const run = promisify(execFile);

// Hosts that serve scripts, styles, fonts or images: those the offline rewrite refuses, which
// include the two Redocly's bundle is known to reach for.
const CDN_HOSTS = FORBIDDEN_HOSTS;

const REMOTE_URL = /^\s*(?:https?:)?\/\//i;

// Attributes whose URL the browser fetches on its own (xmlns and the like are only names).
const FETCHING_ATTRIBUTES = new Set([
  'src',
  'srcset',
  'href',
  'xlink:href',
  'poster',
  'data',
  'background',
  'action',
  'formaction',
  'manifest',
]);

/** The page built again from the same inputs, into a folder of its own (dist/ is left alone). */
async function buildAgain(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'fgs-docs-rebuild-'));
  try {
    await run(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts', '--out', out], {
      cwd: join(repoRoot, 'packages/docs'),
      maxBuffer: 16 * 1024 * 1024,
    }).catch((error: { stdout?: string; stderr?: string }) => {
      throw new Error(`docs build failed\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    });
    return readFileSync(join(out, 'dist/index.html'), 'utf8');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

let html: string;

beforeAll(() => {
  html = readBuiltPage();
});

describe('API reference page (packages/docs)', () => {
  it('is one file of a reasonable size', () => {
    expect(readdirSync(distDir)).toEqual(['index.html']);
    const bytes = Buffer.byteLength(html);
    console.log(`packages/docs/dist/index.html: ${bytes} bytes`);
    // Redoc's inlined bundle alone is over 2 MB: much less means it was not inlined, much more
    // means something else got embedded.
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(bytes).toBeLessThan(4_000_000);
  });

  it('loads no script, stylesheet, font or image from the network', () => {
    const markup = markupOnly(html);
    const offenders: string[] = [];
    for (const [tag, tagName = ''] of markup.matchAll(/<([a-zA-Z][\w:-]*)\b[^>]*>/g)) {
      const name = tagName.toLowerCase();
      for (const [attr, value] of attributes(tag)) {
        if (!FETCHING_ATTRIBUTES.has(attr)) continue;
        // An <a href> is only followed when clicked.
        if (name === 'a' && attr === 'href') continue;
        // Scripts and stylesheets must be inline: even a local one is a second file to ship.
        const secondFile =
          (name === 'script' && attr === 'src') ||
          (name === 'link' && attr === 'href' && !value.startsWith('data:'));
        const remote =
          REMOTE_URL.test(value) || (attr === 'srcset' && /,\s*(?:https?:)?\/\//i.test(value));
        if (secondFile || remote) offenders.push(tag);
      }
    }
    expect(offenders).toEqual([]);

    // Searched in the whole page: Redoc's styles are partly CSS-in-JS inside the script.
    expect(excerpts(html, /url\(\s*["']?\s*(?:https?:)?\/\//gi)).toEqual([]);
    expect(excerpts(html, /@import\s+(?:url\()?\s*["']?\s*(?:https?:)?\/\//gi)).toEqual([]);
    for (const host of CDN_HOSTS) {
      expect(excerpts(html, new RegExp(host.replaceAll('.', '\\.'), 'g')), host).toEqual([]);
    }
  });

  it('sends no telemetry', () => {
    // Redoc's usage reporting to otel.cloud.redocly.com stays in the code; this is its switch.
    expect(embeddedJson(html, '__redoc_options').disableTelemetry).toBe(true);
  });

  it('has a Content-Security-Policy that lets nothing come from the network', () => {
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html);
    if (!meta) throw new Error('no Content-Security-Policy <meta> in the page');
    // A <meta> policy only governs what comes after it.
    expect(meta.index).toBeLessThan(html.search(/<style|<script/i));

    const [, policy = ''] = meta;
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name = '', ...sources]) => [name, sources] as const),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    // Not even 'self': served over HTTP instead of opened from disk, it would allow fetches.
    const localOnly = new Set(["'none'", "'unsafe-inline'", 'data:', 'blob:']);
    for (const [name, sources] of directives) {
      for (const source of sources) expect(localOnly, `${name} ${source}`).toContain(source);
    }
  });

  it('builds byte-identically from the same input', async () => {
    const again = await buildAgain();
    // Boolean check: on failure, toBe would print two pages of 2.6 MB.
    expect(
      again === html,
      `a second build differs from ${pagePath}: the build is not deterministic, or dist/ is stale (npm run build)`,
    ).toBe(true);
  }, 180_000);
});
