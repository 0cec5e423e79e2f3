import { BaseResolver, type Document, type Source } from '@redocly/openapi-core';

/**
 * Redocly's resolver parses every file as YAML. A JSON file is parsed as JSON, several times
 * faster on a large description; if that fails the YAML parser reads it, so a syntax error still
 * gets its line and column.
 */
export class JsonFirstResolver extends BaseResolver {
  override parseDocument(source: Source, isRoot?: boolean): Document {
    if (/\.json$/i.test(source.absoluteRef) || /^\s*\{/.test(source.body.slice(0, 64))) {
      try {
        return { source, parsed: JSON.parse(source.body) as unknown };
      } catch {
        // fall through to the YAML parser, which says where the syntax breaks
      }
    }
    return super.parseDocument(source, isRoot);
  }
}
