/**
 * What the providers that ask a service over HTTP (the instance metadata, IAM) share: the check of
 * an `endpoint` option, and the short reason a failed fetch gives.
 */
import { fail } from '../../errors.js';

/** An http(s) origin, without its trailing slash; anything else is refused naming `endpoint`. */
export function checkOrigin(endpoint: unknown, example: string): string {
  if (typeof endpoint !== 'string' || !/^https?:\/\/[^/?#\s]+\/?$/.test(endpoint)) fail('endpoint', `must be an http:// or https:// origin, such as ${example}`);
  return endpoint.replace(/\/$/, '');
}

/** The socket's error code fetch reports as its cause (`ECONNREFUSED`), else the error's text. */
export function fetchFailureReason(error: unknown): string {
  return (error as { cause?: { code?: string } } | undefined)?.cause?.code ?? String((error as Error | undefined)?.message ?? error);
}
