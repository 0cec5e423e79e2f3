/** Choices every sample and the landing text share. */

/** The environment variable samples read the token from: never a token-like literal. */
export const TOKEN_ENV = 'HUAWEICLOUD_TOKEN';

/** The landing section a per-operation sample points to for the other way to authenticate. */
export const AUTHENTICATION_SECTION = 'Authentication';
