/** Which media type of a `content` map the client works with, and which are JSON. */
import { isObject } from '../json.js';

const jsonMediaType = /^application\/(?:[\w.+-]+\+)?json(?:;.*)?$/i;

/** JSON first (the client serializes it), then whatever the spec lists first. */
export function pickMediaType(content: unknown): string | undefined {
  if (!isObject(content)) return undefined;
  const types = Object.keys(content);
  return types.find((type) => /^application\/json$/i.test(type)) ?? types.find((type) => jsonMediaType.test(type)) ?? types[0];
}

export function isJsonMediaType(mediaType: string): boolean {
  return jsonMediaType.test(mediaType);
}
