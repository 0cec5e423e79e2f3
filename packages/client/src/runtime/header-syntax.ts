/**
 * What may travel in an HTTP header (RFC 9110 §5.1 field names, §5.5 field values), checked before
 * anything is sent: a CR or LF in a value would let text from a caller or a provider add headers of
 * its own. The one home of these rules; every check of a header, a token or a credential uses them.
 */

const tokenCharacters = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const fieldValue = /^[\t\x20-\x7e]*$/;
const visibleAscii = /^[\x21-\x7e]+$/;

/** A header name: one or more RFC 9110 token characters. */
export const isHeaderName = (name: string): boolean => tokenCharacters.test(name);

/** A header value sent as given: visible ASCII, spaces and tabs; no CR, LF, other controls or non-ASCII. */
export const isHeaderValue = (value: string): boolean => fieldValue.test(value);

/**
 * A token, key or id sent in a header: one or more visible ASCII characters, with no space (an IAM
 * token, an access key id, a security token, a project id; a Huawei Cloud secret key is made of these too).
 */
export const isVisibleAscii = (value: string): boolean => visibleAscii.test(value);

/** Said when a value fails `isHeaderValue` or `isVisibleAscii`, without repeating the value (it may be a secret). */
export const notAllowedInHeader = 'has characters not allowed in a header (CR, LF, space, non-ASCII)';
