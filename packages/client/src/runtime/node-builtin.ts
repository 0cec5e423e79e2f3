/**
 * Node's built-in modules, reached through `process.getBuiltinModule` (Node 20.16 or later)
 * instead of a static `node:` import, so a browser bundle never names one. `undefined` where the
 * runtime has no such function (browsers, edge runtimes).
 */
export function nodeBuiltin<T>(id: `node:${string}`): T | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return process?.getBuiltinModule?.(id) as T | undefined;
}
