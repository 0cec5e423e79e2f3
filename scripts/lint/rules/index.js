// Every rule of the `conventions` plugin, by the id it has in redocly.yaml (`conventions/<id>`).
// One rule per file, named as its id; its cases are test/lint/rules/<id>.cases.ts. To add a rule,
// copy a neighbour and its cases file, list it here and enable it in redocly.yaml.

import { ClientDefaultValid } from './client-default-valid.js';
import { ClientNames } from './client-names.js';
import { DeprecatedNamesSuccessor } from './deprecated-names-successor.js';
import { EncodedStringSchema } from './encoded-string-schema.js';
import { ErrorCodesWellFormed } from './error-codes-well-formed.js';
import { IdempotentMark } from './idempotent-mark.js';
import { MaxBodyBytes } from './max-body-bytes.js';
import { OperationSecuredBy } from './operation-secured-by.js';
import { PagingDeclared } from './paging-declared.js';
import { PatternDescribed } from './pattern-described.js';
import { ResponseHeaderSchema } from './response-header-schema.js';
import { ResponseTimeout } from './response-timeout.js';
import { SigningScheme } from './signing-scheme.js';
import { SuccessorExists } from './successor-exists.js';

export const rules = {
  'operation-secured-by': OperationSecuredBy,
  'deprecated-names-successor': DeprecatedNamesSuccessor,
  'error-codes-well-formed': ErrorCodesWellFormed,
  'successor-exists': SuccessorExists,
  'client-names': ClientNames,
  'max-body-bytes': MaxBodyBytes,
  'idempotent-mark': IdempotentMark,
  'response-timeout': ResponseTimeout,
  'encoded-string-schema': EncodedStringSchema,
  'client-default-valid': ClientDefaultValid,
  'pattern-described': PatternDescribed,
  'response-header-schema': ResponseHeaderSchema,
  'signing-scheme': SigningScheme,
  'paging-declared': PagingDeclared,
};
