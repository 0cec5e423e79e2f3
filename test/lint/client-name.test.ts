// The client-names lint rule predicts the generator's default input names to find clashes with
// explicit `x-ms-client-name` values. Both take the rule from scripts/generator/camel-case.js (a
// Redocly plugin cannot import TypeScript); this table pins what that rule gives, through the
// plugin's export and the generator's, so a change to either side, or to the rule, shows here.
import { describe, expect, it } from 'vitest';
import { camelCase } from '../../scripts/generator/naming.js';
// @ts-expect-error -- the plugin is plain JavaScript without type declarations.
import { defaultClientName } from '../../scripts/lint/conventions.plugin.js';

const names: [wire: string, client: string][] = [
  ['project_id', 'projectId'],
  ['function_urn', 'functionUrn'],
  ['X-Cff-Log-Type', 'xCffLogType'],
  ['X-CFF-Request-Version', 'xCffRequestVersion'],
  ['X-Cff-Instance-Memory', 'xCffInstanceMemory'],
  ['request_id', 'requestId'],
  ['requests', 'requests'],
  ['query_begin_time', 'queryBeginTime'],
  ['X-Is-Func-Err', 'xIsFuncErr'],
  ['HTTPStatusCode', 'httpStatusCode'],
  ['petId', 'petId'],
  ['2fa-code', '_2faCode'],
  ['class', 'class_'],
  ['default', 'default_'],
  ['--', 'operation'],
  ['x.y.z', 'xYZ'],
];

describe('the default client name, as the lint plugin and the generator give it', () => {
  it.each(names)('%s → %s', (wireName, clientName) => {
    expect((defaultClientName as (name: string) => string)(wireName)).toBe(clientName);
    expect(camelCase(wireName)).toBe(clientName);
  });
});
