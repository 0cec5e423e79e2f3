/**
 * The test file's side of the run's shared parts (test/setup/shared-parts.ts): asks the run for a
 * part by name and gets what reaches it (a URL, an endpoint). A run without the shared parts (a
 * config that does not list the setup) answers `undefined`, and the caller starts a part of its
 * own, as it would alone.
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the run's shared parts are asked for: `http://127.0.0.1:<port>`. */
    sharedParts: string;
  }
}

/** The run's part `name` (started on the first ask); `undefined` when the run shares none. */
export async function askSharedPart<T>(name: string, query: Record<string, string> = {}): Promise<T | undefined> {
  const broker = inject('sharedParts') as string | undefined;
  if (broker === undefined) return undefined;
  const response = await fetch(`${broker}/${name}?${new URLSearchParams(query)}`);
  const body = (await response.json()) as { value?: T; error?: string };
  if (!response.ok) throw new Error(`the run's shared ${name} could not start: ${body.error}`);
  return body.value as T;
}
