// The client-names lint rule predicts the generator's default input names to find clashes with
// explicit `x-ms-client-name` values. Both take the rule from scripts/generator/camel-case.js (a
// Redocly plugin cannot import TypeScript); this table checks the plugin really uses that rule.
import { describe, expect, it } from 'vitest';
import { camelCase } from '../../scripts/generator/naming.js';
// @ts-expect-error -- the plugin is plain JavaScript without type declarations.
import { defaultClientName } from '../../scripts/lint/conventions.plugin.js';

const wireNames = [
  'project_id',
  'function_urn',
  'X-Cff-Log-Type',
  'X-CFF-Request-Version',
  'X-Cff-Instance-Memory',
  'request_id',
  'requests',
  'query_begin_time',
  'X-Is-Func-Err',
  'HTTPStatusCode',
  'petId',
  '2fa-code',
  'class',
  'default',
  '--',
  'x.y.z',
];

describe('defaultClientName (lint plugin) matches camelCase (generator)', () => {
  it.each(wireNames)('%s', (wireName) => {
    expect((defaultClientName as (name: string) => string)(wireName)).toBe(camelCase(wireName));
  });
});
