/**
 * Stage 1: what the page is built from. The bundled spec (generated/openapi.json) for what only
 * the spec says (summaries, examples, servers, descriptions); the client package's public exports
 * for what the generator resolved from it (each operation's descriptor, the known error codes) and
 * what the client itself decides (the variables `credentialsFromEnv` reads); the client's release
 * and pending changesets for the version. Everything downstream is pure and takes these as given.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CREDENTIAL_VARIABLES, knownErrorCodes, operationDescriptors } from '@fgs-openapi/client';
import type { CredentialVariables, KnownErrorCodes, OperationDescriptor } from './client-api.js';
import { readClientRelease, type ClientRelease } from './client-release.js';
import type { JsonObject } from './spec-values.js';

/** What the client package says about the API and itself. */
export interface ClientFacts {
  readonly operations: readonly OperationDescriptor[];
  readonly knownErrorCodes: KnownErrorCodes;
  readonly credentialVariables: CredentialVariables;
}

export interface DocsInputs {
  /** The bundled spec, as generated/openapi.json has it. */
  readonly spec: JsonObject;
  readonly client: ClientFacts;
  /** The client version the page documents; without it the page names none. */
  readonly release?: ClientRelease;
}

export async function readDocsInputs(repoRoot: string): Promise<DocsInputs> {
  const spec = JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8')) as JsonObject;
  const clientPackageJson = createRequire(import.meta.url).resolve('@fgs-openapi/client/package.json');
  return {
    spec,
    client: {
      operations: Object.values(operationDescriptors),
      knownErrorCodes,
      credentialVariables: CREDENTIAL_VARIABLES,
    },
    release: await readClientRelease(repoRoot, clientPackageJson),
  };
}
