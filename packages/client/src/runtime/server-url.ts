/**
 * Where requests go: an explicit `baseUrl`, or the spec's server template filled with a region.
 * Both are checked, since a region is spliced into a host name. The one home of what a region ID is.
 */
import { fail } from '../errors.js';
import { serverTemplates, type servers } from '../generated.js';

const regionPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `region` is a region ID: lower-case letters and digits in `-`-separated words, such as `cn-south-1`. */
export const isRegionId = (region: string): boolean => regionPattern.test(region);

/** What a region ID must be, for messages. */
export const regionRule = 'must be a region ID such as "cn-south-1"';

export function resolveBaseUrl({ baseUrl, region }: { baseUrl?: string; region?: string }): string {
  if (baseUrl === undefined) {
    if (typeof region !== 'string' || !isRegionId(region)) fail('region', region === undefined ? 'or baseUrl is required' : regionRule);
    baseUrl = regionalBaseUrl(region);
  }
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // Reported below, with the rule.
  }
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash) {
    fail('baseUrl', 'must be an http(s) URL without query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

/** The spec's first server URL with `region` filled in (other variables at their defaults). */
export function regionalBaseUrl(region: string): string {
  if (!isRegionId(region)) fail('region', regionRule);
  const [server] = serverTemplates;
  const values: { readonly [name: string]: string } = { ...server.defaults, region };
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? '');
}

/** Regions the spec's server lists; any other region ID is accepted too. */
export type KnownRegion = (typeof servers)[0]['variables']['region']['enum'][number];
