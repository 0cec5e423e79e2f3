/**
 * The part of the OpenAPI Specification a problem breaks, named and linked, so a refusal says
 * which rule of the specification the description does not follow.
 */

/** Redocly's names for the nodes it checks, as the specification names its objects. */
export const specObjects: Record<string, string> = {
  Root: 'OpenAPI Object',
  Info: 'Info Object',
  Contact: 'Contact Object',
  License: 'License Object',
  Server: 'Server Object',
  ServerVariable: 'Server Variable Object',
  Components: 'Components Object',
  Paths: 'Paths Object',
  PathItem: 'Path Item Object',
  Operation: 'Operation Object',
  ExternalDocs: 'External Documentation Object',
  Parameter: 'Parameter Object',
  RequestBody: 'Request Body Object',
  MediaType: 'Media Type Object',
  Encoding: 'Encoding Object',
  Responses: 'Responses Object',
  Response: 'Response Object',
  Callback: 'Callback Object',
  Example: 'Example Object',
  Link: 'Link Object',
  Header: 'Header Object',
  Tag: 'Tag Object',
  Schema: 'Schema Object',
  Discriminator: 'Discriminator Object',
  Xml: 'XML Object',
  SecurityScheme: 'Security Scheme Object',
  OAuth2Flows: 'OAuth Flows Object',
  SecurityRequirement: 'Security Requirement Object',
};

const publishedVersions = new Set(['3.0.0', '3.0.1', '3.0.2', '3.0.3', '3.0.4', '3.1.0', '3.1.1']);

/** `OpenAPI 3.0.3, Operation Object (https://spec.openapis.org/oas/v3.0.3#operation-object)`. */
export function clauseText(openapiVersion: string, section: string): string {
  const version = publishedVersions.has(openapiVersion) ? openapiVersion : openapiVersion.startsWith('3.0') ? '3.0.4' : '3.1.1';
  const anchor = section.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `OpenAPI ${version}, ${section} (https://spec.openapis.org/oas/v${version}#${anchor})`;
}
