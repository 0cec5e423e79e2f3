/**
 * Deprecation notices: one Node warning per process and notice, so a deprecated call in a loop
 * does not flood the log. (A process that loads both the ESM and the CJS build warns once per
 * build.) Browsers have no `process.emitWarning` and stay silent.
 */
const warned = new Set<string>();

export function warnOnce(key: string, message: string, code: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  const emit = (globalThis as { process?: { emitWarning?: (message: string, options: { type: string; code: string }) => void } }).process?.emitWarning;
  if (typeof emit === 'function') emit(message, { type: 'DeprecationWarning', code });
}
