/**
 * The one door to openapi-typescript (in maintenance mode upstream): bundled document in,
 * TypeScript source for `paths`, `components` and `operations` out. Replacing the library means
 * rewriting this file only; nothing else imports it.
 */
import openapiTS, { astToString } from 'openapi-typescript';

export async function emitSchemaTypes(document: Record<string, unknown>): Promise<string> {
  const nodes = await openapiTS(structuredClone(document) as unknown as Parameters<typeof openapiTS>[0], {
    // The document was validated and bundled already; a second validation would only repeat it.
    redocly: undefined,
    silent: true,
    alphabetize: false,
    defaultNonNullable: true,
  });
  return astToString(nodes);
}
