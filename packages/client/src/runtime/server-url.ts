/**
 * Where requests go: an explicit `baseUrl`, or the spec's server template filled with a region.
 * Both are checked, since a region is spliced into a host name.
 */
import { FunctionGraphInputError } from './errors.js';
import { servers } from './generated.js';

const regionPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function resolveBaseUrl(options: { baseUrl?: string; region?: string }): string {
  if (options.baseUrl !== undefined) {
    let url: URL;
    try {
      url = new URL(options.baseUrl);
    } catch {
      throw new FunctionGraphInputError('baseUrl', 'must be an absolute http(s) URL');
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FunctionGraphInputError('baseUrl', 'must be an absolute http(s) URL');
    if (url.search || url.hash) throw new FunctionGraphInputError('baseUrl', 'must not have a query or fragment');
    return url.href.replace(/\/+$/, '');
  }
  if (options.region === undefined) {
    throw new FunctionGraphInputError('region', 'or baseUrl is required (a token works only in the region it was issued for)');
  }
  if (typeof options.region !== 'string' || !regionPattern.test(options.region)) {
    throw new FunctionGraphInputError('region', 'must be a region ID such as "cn-south-1" (lowercase letters, digits and dashes)');
  }
  const [server] = servers;
  const variables: Record<string, { readonly default: string }> = server.variables;
  const region = options.region;
  return server.url.replace(/\{([^}]+)\}/g, (_, name: string) => (name === 'region' ? region : (variables[name]?.default ?? '')));
}

/** Regions the spec's server lists; any other region ID is accepted too. */
export type KnownRegion = (typeof servers)[0]['variables']['region']['enum'][number];
