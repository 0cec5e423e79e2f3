/**
 * Deprecation notices: one Node warning per process and notice, so a deprecated call in a loop
 * does not flood the log. The record lives on `globalThis`, so a process that loads both the ESM
 * and the CJS build still warns once. Browsers have no `process.emitWarning` and stay silent.
 */
const key = Symbol.for('@fgs-openapi/client warned');

export function warnOnce(notice: string, message: string, code: string): void {
  const warned: Set<string> = ((globalThis as { [key]?: Set<string> })[key] ??= new Set());
  if (warned.has(notice)) return;
  warned.add(notice);
  const emit = (globalThis as { process?: { emitWarning?: (message: string, options: { type: string; code: string }) => void } }).process?.emitWarning;
  if (typeof emit === 'function') emit(message, { type: 'DeprecationWarning', code });
}
