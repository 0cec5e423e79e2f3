/**
 * Security (OpenAPI Security Requirement and Security Scheme Objects): which schemes each operation
 * accepts, and what a client needs of each scheme, including how to sign (`x-signing`).
 */
import { isObject } from '../json.js';
import type { SecuritySchemeModel, SigningModel } from './api-model.js';
import type { Resolve } from './resolve.js';
import { positiveLimit, text } from './values.js';

export function collectSecurity(raw: unknown): string[][] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.filter(isObject).map((requirement) => Object.keys(requirement).sort());
}

export function collectSecuritySchemes(resolve: Resolve, raw: unknown): SecuritySchemeModel[] {
  if (!isObject(raw)) return [];
  return Object.keys(raw)
    .sort()
    .flatMap((name): SecuritySchemeModel[] => {
      const scheme = resolve(raw[name]);
      if (!isObject(scheme)) return [];
      const description = text(scheme.description);
      if (scheme.type === 'apiKey') {
        return [{ name, type: 'apiKey', in: scheme.in as 'header' | 'query' | 'cookie', parameterName: String(scheme.name), description }];
      }
      if (scheme.type === 'http') {
        return [{ name, type: 'http', scheme: String(scheme.scheme).toLowerCase(), description, signing: collectSigning(scheme['x-signing']) }];
      }
      return [{ name, type: scheme.type as 'oauth2' | 'openIdConnect' | 'mutualTLS', description }];
    });
}

/** `x-signing`, as far as it is well formed (the lint rule `signing-scheme` reports the rest). */
function collectSigning(raw: unknown): SigningModel | undefined {
  if (!isObject(raw) || typeof raw.algorithm !== 'string' || typeof raw.dateHeader !== 'string') return undefined;
  const optional = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  return {
    algorithm: raw.algorithm,
    dateHeader: raw.dateHeader,
    securityTokenHeader: optional('securityTokenHeader'),
    projectIdHeader: optional('projectIdHeader'),
    projectIdParameter: optional('projectIdParameter'),
    rejectionCode: optional('rejectionCode'),
    clockSkewMinutes: positiveLimit(raw.clockSkewMinutes),
  };
}
