/**
 * The docs page contradicted itself: the spec's hand-written landing text said AK/SK signing "is
 * not described here" above an Authentication section that described it. Facts the spec or the
 * client can tell (the operations, the security schemes and their headers, the credential
 * variables, the deprecated operation and its successor, the error codes) are now stated only by
 * the sections built from them. Here the real spec and the client's public exports are changed in
 * memory, as a spec edit and a regeneration would change them, and the page follows; and the
 * spec's own description is held to saying none of those facts itself.
 */
import { CREDENTIAL_VARIABLES, knownErrorCodes, operationDescriptors, type OperationDescriptor } from '@fgs-openapi/client';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDocsSpec } from '../../packages/docs/scripts/docs-spec.js';
import type { DocsInputs } from '../../packages/docs/scripts/read/docs-inputs.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const spec = JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));
const operations: OperationDescriptor[] = Object.values(operationDescriptors);
const real: DocsInputs = { spec, client: { operations, knownErrorCodes, credentialVariables: CREDENTIAL_VARIABLES } };

/** The landing text (`info.description`) and every code sample of a docs build. */
function page(inputs: DocsInputs): { landing: string; samples: string } {
  const { document } = buildDocsSpec(inputs);
  const paths = Object.values<any>((document as any).paths);
  const samples = paths.flatMap((item) => Object.values<any>(item).flatMap((op) => op?.['x-codeSamples'] ?? []).map((s: any) => s.source));
  return { landing: (document.info as any).description, samples: samples.join('\n') };
}

function schemes(document: any): [string, any][] {
  return Object.entries(document.components.securitySchemes);
}

describe('the spec describes itself only where nothing else can', () => {
  const own: string = spec.info.description;

  it.each<[string, () => string[]]>([
    ['operation id', () => operations.map((o) => o.id)],
    ['security scheme', () => schemes(spec).map(([name]) => name)],
    ['header a credential travels in', () => [
      ...operations.flatMap((o) => o.tokenHeaders ?? []),
      ...operations.flatMap((o) => (o.signing ? [o.signing.dateHeader, o.signing.securityTokenHeader, o.signing.projectIdHeader] : [])),
    ].filter((h): h is string => h !== undefined)],
    ['signing algorithm', () => operations.flatMap((o) => o.signing?.algorithm ?? [])],
    ['credential variable', () => Object.values(CREDENTIAL_VARIABLES)],
    ['error code', () => Object.keys(knownErrorCodes)],
  ])('its info.description names no %s (the sections built from the spec and the client do)', (_, names) => {
    const named = [...new Set(names())].filter((name) => own.includes(name));
    expect(named, `spec/openapi.yaml info.description restates: ${named.join(', ')}`).toEqual([]);
  });

  it('and the page opens with it, so nothing above the built sections can contradict them', () => {
    expect(page(real).landing.startsWith(own.trimEnd())).toBe(true);
  });
});

describe('the landing text follows a changed spec and client', () => {
  it('renamed token header, new summary, another deprecated operation, clock skew, credential variables, error codes', () => {
    const changed = structuredClone(spec);
    const token = schemes(changed).find(([, s]) => s.type === 'apiKey')!;
    const oldHeader: string = token[1].name;
    token[1].name = 'X-Api-Token';
    const moved = structuredClone(operations).map((o) => ({
      ...o,
      ...(o.tokenHeaders ? { tokenHeaders: o.tokenHeaders.map((h) => (h === oldHeader ? 'X-Api-Token' : h)) } : {}),
      ...(o.signing ? { signing: { ...o.signing, clockSkewMinutes: 5 } } : {}),
    })) as OperationDescriptor[];
    // The deprecated operation is in use again; another one is deprecated, with a successor.
    const [wasDeprecated, nowDeprecated, successor] = [
      moved.find((o) => o.deprecated)!,
      moved.find((o) => o.id === 'listActiveAsyncInvocations')!,
      moved.find((o) => o.id === 'listAsyncInvocations')!,
    ];
    Object.assign(wasDeprecated, { deprecated: undefined, deprecation: undefined });
    Object.assign(nowDeprecated, { deprecated: true, deprecation: 'listActiveAsyncInvocations is deprecated.' });
    const specOf = (o: OperationDescriptor) => changed.paths[o.path][o.method];
    delete specOf(wasDeprecated).deprecated;
    delete specOf(wasDeprecated)['x-successor'];
    Object.assign(specOf(nowDeprecated), { deprecated: true, 'x-successor': { operationId: successor.id, method: successor.method, path: successor.path } });
    specOf(successor).summary = 'Read the records';

    const { landing, samples } = page({
      spec: changed,
      client: {
        operations: moved,
        knownErrorCodes: { ...knownErrorCodes, 'FSS.9999': { status: 418, description: 'A teapot.' } },
        credentialVariables: { ...CREDENTIAL_VARIABLES, accessKeyId: 'MY_AK' },
      },
    });
    expect(landing).toContain('the token itself, in `X-Api-Token`');
    expect(samples).toContain('-H "X-Api-Token: $HUAWEICLOUD_TOKEN"');
    expect(`${landing}\n${samples}`).not.toContain(oldHeader);
    expect(landing).toContain(`- [Read the records](#operation/${successor.id})`);
    expect(landing).toContain(`client method \`${nowDeprecated.id}\` (deprecated; use [\`${successor.id}\`](#operation/${successor.id}))`);
    expect(landing).not.toContain(`client method \`${wasDeprecated.id}\` (deprecated`);
    expect(landing).toContain('a clock within 5 minutes');
    expect(landing).not.toContain('within 15 minutes');
    expect(landing).toContain('`MY_AK`');
    expect(landing).not.toContain(`\`${CREDENTIAL_VARIABLES.accessKeyId}\``);
    expect(landing).toContain('| FSS.9999 | 418 | A teapot. |');
  });

  it('a spec without signing: no word of AK/SK, no signed samples, the token alone', () => {
    const tokenOnly = structuredClone(spec);
    const signing = schemes(tokenOnly).filter(([, s]) => s['x-signing']).map(([name]) => name);
    expect(signing.length, 'the real spec offers signing').toBeGreaterThan(0);
    for (const name of signing) delete tokenOnly.components.securitySchemes[name];
    for (const item of Object.values<any>(tokenOnly.paths)) {
      for (const op of Object.values<any>(item)) {
        if (Array.isArray(op?.security)) op.security = op.security.filter((alt: object) => !signing.some((name) => name in alt));
      }
    }
    const unsigned = operations.map(({ signing: _, ...rest }) => ({ ...rest, security: rest.security.filter((alt) => !alt.some((n) => signing.includes(n))) }));
    const { landing, samples } = page({ spec: tokenOnly, client: { ...real.client, operations: unsigned } });
    const auth = landing.slice(landing.indexOf('# Authentication'), landing.indexOf('\n# Errors'));
    expect(auth).toContain('Every request carries an IAM token in `X-Auth-Token`.');
    for (const absent of ['AK/SK', ...signing, 'credentialsFromEnv', CREDENTIAL_VARIABLES.accessKeyId]) {
      expect(auth, absent).not.toContain(absent);
    }
    expect(samples).not.toContain('credentials');
  });
});
