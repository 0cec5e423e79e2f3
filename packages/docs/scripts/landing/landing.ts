/**
 * Stage 4: the sections added in front of the reference, as `info.description` (Redoc renders it
 * at the top of the page and lists its `#` headings in the sidebar): which client version the page
 * documents, about the API and the client, authentication, the error codes, and the changelog.
 * The spec's own description comes first; it holds only what neither the spec's structure nor the
 * client can tell, so that nothing it says can contradict the sections built from them.
 */

import type { CredentialVariables, KnownErrorCodes } from '../read/client-api.js';
import type { ClientRelease } from '../read/client-release.js';
import { isObject, type JsonObject } from '../read/spec-values.js';
import type { CallPlan } from '../plan/call-plan.js';
import type { AuthSamples } from '../samples/auth-samples.js';
import { aboutSection } from './about.js';
import { authenticationSection } from './authentication.js';
import { errorsSection } from './errors.js';
import { changelogSection, releaseNote } from './release.js';

export interface LandingInput {
  readonly document: JsonObject;
  readonly plans: readonly CallPlan[];
  /** The TypeScript sample of the first call shown. */
  readonly firstCall: { readonly plan: CallPlan; readonly source: string };
  /** The Authentication section's samples; none when no operation can be signed. */
  readonly auth: AuthSamples | undefined;
  readonly credentialVariables: CredentialVariables;
  readonly knownErrorCodes: KnownErrorCodes;
  readonly release: ClientRelease | undefined;
}

/** The spec's own description, followed by the added sections. */
export function landingDescription(input: LandingInput): string {
  const { document, plans, release } = input;
  const info = isObject(document.info) ? document.info : {};
  const original = typeof info.description === 'string' ? info.description.trimEnd() : '';
  return [
    original,
    release ? releaseNote(release) : '',
    aboutSection(input),
    authenticationSection({ document, plans, auth: input.auth, variables: input.credentialVariables }),
    errorsSection(document, plans, input.knownErrorCodes),
    release ? changelogSection(release) : '',
  ]
    .filter(Boolean)
    .join('\n\n')
    .concat('\n');
}
