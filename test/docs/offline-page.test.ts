/**
 * The offline rewrite of the API reference page (packages/docs/scripts/offline-page.ts), on pages
 * made up here and on the finished page (packages/docs/dist/index.html), whose known CDN URLs it
 * has already rewritten.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeOffline } from '../../packages/docs/scripts/offline-page.js';
import { readBuiltPage } from './helpers/built-page.js';

let html: string;

beforeAll(() => {
  html = readBuiltPage();
});

describe('the offline rewrite (packages/docs/scripts/offline-page.ts)', () => {
  // Stand-ins for the strings Redoc 3.0.1's inlined bundle carries.
  const KNOWN_CDN_URLS = [
    '`https://cdn.redoc.ly/redoc/logo-mini-full.svg`',
    '`https://cdn.redoc.ly/redoc/logo-mini.svg`',
    '`https://cdn.redocly.com/icons/fa/7.0.0`',
    '`https://cdn.redocly.com/icons/code/5.24.0`',
  ];
  const options = (telemetryOff: boolean) =>
    `const __redoc_options = {"skipBundle":true,"disableTelemetry":${telemetryOff}};\n`;

  it('rewrites the known CDN URLs to inline data', () => {
    const { html: output, problems } = makeOffline(`${KNOWN_CDN_URLS.join(',')}\n${options(true)}`);
    expect(problems).toEqual([]);
    expect(output).not.toMatch(/cdn\.redoc/);
    expect(output).toContain('`data:image/svg+xml,');
  });

  // The build publishes no page with a problem, so a page that would phone home never reaches dist/.
  it.each([
    ['a known URL has moved (the finished page)', () => html, 'not found'],
    [
      'an unknown CDN URL is left',
      () => `${KNOWN_CDN_URLS.join(',')},\`https://cdn.redoc.ly/redoc/logo-v4.svg\`\n${options(true)}`,
      'cdn.redoc.ly still referenced',
    ],
    ['telemetry is on', () => `${KNOWN_CDN_URLS.join(',')}\n${options(false)}`, 'telemetry is on'],
  ])('reports it when %s', (_, page, message) => {
    const { problems } = makeOffline(page());
    expect(problems.some((p) => p.includes(message)), problems.join('\n')).toBe(true);
  });
});
