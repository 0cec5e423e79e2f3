/**
 * Stage 6: makes the page from `redocly build-docs --inlineBundle` safe to open with no network.
 *
 * --inlineBundle inlines Redoc's script, but that script still points at Redocly's CDNs, and
 * Redoc 3 has no option to turn either of these off:
 *   - the "API docs by" badge at the foot of the sidebar is an <img> from cdn.redoc.ly, added as
 *     soon as the page hydrates;
 *   - the CDNIcon component builds CSS url()s on cdn.redocly.com for language and Font Awesome
 *     icons.
 * Every rewrite below has to match and no CDN host may survive it, otherwise the page is refused:
 * a Redocly upgrade that moves these strings must be looked at, not shipped with a silent fetch.
 */

// Hand-made stand-ins that keep the attribution readable; the badge's CSS sets their height.
const WORDMARK_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="48" height="12" viewBox="0 0 48 12">' +
  '<text x="0" y="10" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#5a5d69">Redocly</text>' +
  '</svg>';
const MONOGRAM_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="14" height="14" viewBox="0 0 14 14">' +
  '<text x="7" y="11" text-anchor="middle" font-family="system-ui,sans-serif" font-size="12" font-weight="700" fill="#5a5d69">R</text>' +
  '</svg>';

// encodeURIComponent leaves no backtick, `$` or `<`, so the result can sit inside the bundle's
// template literal and inside the <script> element unchanged.
const svgDataUri = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

const REWRITES: readonly { what: string; pattern: RegExp; replacement: string }[] = [
  {
    what: 'sidebar badge logo (expanded sidebar)',
    pattern: /`https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini-full\.svg`/g,
    replacement: `\`${svgDataUri(WORDMARK_SVG)}\``,
  },
  {
    what: 'sidebar badge logo (collapsed sidebar)',
    pattern: /`https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini\.svg`/g,
    replacement: `\`${svgDataUri(MONOGRAM_SVG)}\``,
  },
  // The component appends "/<style>/<name>.svg"; under a `data:,` base the whole url() is an
  // inline (non-image) data URL, so the icon stays blank instead of being fetched.
  {
    what: 'CDNIcon base URL for Font Awesome icons',
    pattern: /`https:\/\/cdn\.redocly\.com\/icons\/fa\/[0-9][0-9.]*`/g,
    replacement: '`data:,`',
  },
  {
    what: 'CDNIcon base URL for code-language icons',
    pattern: /`https:\/\/cdn\.redocly\.com\/icons\/code\/[0-9][0-9.]*`/g,
    replacement: '`data:,`',
  },
];

/**
 * Hosts a page could pull scripts, styles, fonts or images from. Links to documentation
 * (redocly.com, support.huaweicloud.com, ...) are not listed: they are only followed on click.
 */
export const FORBIDDEN_HOSTS: readonly string[] = [
  'cdn.redoc.ly',
  'cdn.redocly.com',
  'cdn.jsdelivr.net',
  'unpkg.com',
  'cdnjs.cloudflare.com',
  'ajax.googleapis.com',
  'fonts.googleapis.com',
  'fonts.gstatic.com',
  'use.fontawesome.com',
  'kit.fontawesome.com',
  'stackpath.bootstrapcdn.com',
  'maxcdn.bootstrapcdn.com',
];

/** The page with the known CDN URLs rewritten, and what would still reach the network (nothing, or it must not ship). */
export function makeOffline(html: string): { html: string; problems: string[] } {
  const problems: string[] = [];
  let out = html;

  for (const { what, pattern, replacement } of REWRITES) {
    let hits = 0;
    // A function replacement, so `$` sequences in the replacement are never interpreted.
    out = out.replace(pattern, () => {
      hits += 1;
      return replacement;
    });
    if (hits === 0) problems.push(`${what}: pattern ${pattern} not found`);
  }

  // Redoc reports page views to otel.cloud.redocly.com unless the CLI config says
  // `telemetry: off`; the flag ends up in the page's options object.
  const options = /const __redoc_options = (\{.*?\});\n/.exec(out);
  if (!options) {
    problems.push('could not find `const __redoc_options = {...};` in the page');
  } else if ((JSON.parse(options[1]!) as { disableTelemetry?: boolean }).disableTelemetry !== true) {
    problems.push(`telemetry is on (options: ${options[1]}); set \`telemetry: off\` in packages/docs/redocly.yaml`);
  }

  for (const host of FORBIDDEN_HOSTS) {
    const at = out.indexOf(host);
    if (at !== -1) problems.push(`${host} still referenced: …${out.slice(Math.max(0, at - 120), at + 80)}…`);
  }

  return { html: out, problems };
}
