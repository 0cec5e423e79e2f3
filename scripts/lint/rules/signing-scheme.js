// conventions/signing-scheme: an `http` scheme outside IANA's registry says how to sign in
// `x-signing`, and what it says is complete.

import { isPositiveInteger } from '../../shared/positive-integer.js';
import { isObject } from '../nodes.js';

// RFC 9110 §5.1: a header name is a token.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// IANA's HTTP Authentication Scheme registry: schemes any client knows how to send.
const REGISTERED_HTTP_SCHEMES = new Set(['basic', 'bearer', 'concealed', 'digest', 'dpop', 'gnap', 'hoba', 'mutual', 'negotiate', 'oauth', 'privatetoken', 'scram-sha-1', 'scram-sha-256', 'vapid']);
const SIGNING_HEADERS = ['dateHeader', 'securityTokenHeader', 'projectIdHeader'];

/**
 * `x-signing` on a security scheme tells a client how to sign requests (AK/SK). An `http` scheme
 * outside IANA's registry names a signature the client computes itself, so it must say how; and
 * what it says must be complete: the algorithm (the scheme's own name), the date header, valid
 * header names, a project header together with the path parameter that fills it.
 */
export function SigningScheme() {
  return {
    NamedSecuritySchemes: {
      SecurityScheme: {
        enter(scheme, ctx) {
          if (!isObject(scheme)) return;
          const has = Object.hasOwn(scheme, 'x-signing');
          const custom = scheme.type === 'http' && typeof scheme.scheme === 'string' && !REGISTERED_HTTP_SCHEMES.has(scheme.scheme.toLowerCase());
          if (!has) {
            if (custom) {
              ctx.report({
                message: `HTTP scheme \`${scheme.scheme}\` is not in IANA's registry, so a client cannot apply it without \`x-signing\` saying how to sign.`,
                location: ctx.location.child(['scheme']),
              });
            }
            return;
          }
          const at = ctx.location.child(['x-signing']);
          const signing = scheme['x-signing'];
          if (!isObject(signing)) {
            ctx.report({ message: '`x-signing` must be an object.', location: at });
            return;
          }
          checkSigning(scheme, signing, at, ctx.report);
        },
      },
    },
  };
}

/** What an `x-signing` object says: the algorithm, the headers and the clock skew. */
function checkSigning(scheme, signing, at, report) {
  if (scheme.type !== 'http' || signing.algorithm !== scheme.scheme) {
    report({
      message: `\`x-signing.algorithm\` must equal the scheme's name on a \`type: http\` scheme (the Authorization header starts with it); got ${JSON.stringify(signing.algorithm)} for ${JSON.stringify(scheme.scheme)}.`,
      location: at.child(['algorithm']),
    });
  }
  if (!Object.hasOwn(signing, 'dateHeader')) report({ message: '`x-signing.dateHeader` is required: the date is part of what is signed.', location: at.key() });
  for (const key of SIGNING_HEADERS) {
    if (Object.hasOwn(signing, key) && !(typeof signing[key] === 'string' && HEADER_NAME.test(signing[key]))) {
      report({ message: `\`x-signing.${key}\` must be a header name; got ${JSON.stringify(signing[key])}.`, location: at.child([key]) });
    }
  }
  if (Object.hasOwn(signing, 'projectIdHeader') !== Object.hasOwn(signing, 'projectIdParameter')) {
    report({ message: '`x-signing.projectIdHeader` and `x-signing.projectIdParameter` go together: the header carries that path parameter.', location: at.key() });
  }
  if (Object.hasOwn(signing, 'clockSkewMinutes') && !isPositiveInteger(signing.clockSkewMinutes)) {
    report({ message: `\`x-signing.clockSkewMinutes\` must be a positive integer; got ${JSON.stringify(signing.clockSkewMinutes)}.`, location: at.child(['clockSkewMinutes']) });
  }
}
