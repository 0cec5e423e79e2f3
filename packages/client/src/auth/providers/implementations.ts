/** The providers' implementations, one lazy chunk loaded by lazy-providers.ts on a provider's first call. */
export { defaultCredentials } from './chain.js';
export { credentialsFromProfile } from './profile.js';
export { credentialsFromMetadata } from './metadata.js';
export { iamToken } from './iam-token.js';
