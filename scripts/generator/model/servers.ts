/** Servers (OpenAPI Server and Server Variable Objects): URL templates and their variables. */
import { isObject, type Json } from '../json.js';
import type { ServerModel } from './api-model.js';
import { text } from './values.js';

export function collectServers(raw: unknown): ServerModel[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((server) => ({
    url: String(server.url),
    description: text(server.description),
    variables: Object.entries(isObject(server.variables) ? server.variables : {})
      .filter((entry): entry is [string, Json] => isObject(entry[1]))
      .map(([name, variable]) => ({
        name,
        default: String(variable.default),
        enum: Array.isArray(variable.enum) ? variable.enum.map(String) : undefined,
        description: text(variable.description),
      })),
  }));
}
