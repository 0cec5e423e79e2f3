/**
 * The landing text of the docs copy (packages/docs/scripts/docs-spec.ts) on the spec of
 * helpers/sample-spec.ts: the client release it names (released, unreleased, none) with its
 * changelog, and the Authentication section without and with a signing scheme (x-signing).
 */
import { describe, expect, it } from 'vitest';
import { buildDocsSpec } from '../../packages/docs/scripts/docs-spec.js';
import type { DocsInputs } from '../../packages/docs/scripts/read/docs-inputs.js';
import { client, descriptors, spec } from './helpers/sample-spec.js';

describe('the client release on the landing text', () => {
  const changelog = '# @fgs-openapi/client\n\n## 3.1.0\n\n### Minor Changes\n\n- Add pets.\n\n## 3.0.0\n\nFirst.\n';
  const describedWith = (release: DocsInputs['release']) => (buildDocsSpec({ spec, client, release }).document.info as any).description as string;

  it('released: names the version plainly, links the changelog and ends with it, its title dropped', () => {
    const description = describedWith({ packageName: '@fgs-openapi/client', released: '3.1.0', changelog });
    expect(description.startsWith('Pets, as a service.\n\nThis page documents `@fgs-openapi/client` **3.1.0**. What changed in each version is in the [changelog](#section/Changelog).\n\n# About this API and client\n')).toBe(true);
    expect(description.endsWith('\n\n# Changelog\n\n## 3.1.0\n\n### Minor Changes\n\n- Add pets.\n\n## 3.0.0\n\nFirst.\n')).toBe(true);
    expect(description).not.toMatch(/unreleased/i);
  });

  it('unreleased: says so, names the version the pending changes produce, and lists them first in the changelog', () => {
    const description = describedWith({
      packageName: '@fgs-openapi/client',
      released: '3.1.0',
      changelog,
      pending: {
        version: '3.2.0',
        changes: [
          { bump: 'patch', summary: 'Fix the leash.' },
          { bump: 'minor', summary: '**New: cats.**\n\n- `adoptCat` adopts one.\n- Two lines\n  of it.' },
        ],
      },
    });
    expect(description).toContain(
      'Pets, as a service.\n\n> **Unreleased.** This page documents `@fgs-openapi/client` **3.2.0**, the version its pending changes will be released as. ' +
        'The latest release is 3.1.0, which does not have them: see 3.2.0 (unreleased) in the [changelog](#section/Changelog).\n\n# About this API and client\n',
    );
    expect(description).not.toContain('**3.1.0**');
    // Minor before patch, as `changeset version` writes them; a summary's later lines stay inside its item.
    expect(description.endsWith(
      '\n\n# Changelog\n\n## 3.2.0 (unreleased)\n\n### Minor Changes\n\n- **New: cats.**\n\n  - `adoptCat` adopts one.\n  - Two lines\n    of it.\n\n' +
        '### Patch Changes\n\n- Fix the leash.\n\n## 3.1.0\n\n### Minor Changes\n\n- Add pets.\n\n## 3.0.0\n\nFirst.\n',
    )).toBe(true);
  });

  it('says nothing about versions without a release', () => {
    expect(describedWith(undefined)).not.toMatch(/This page documents|# Changelog/);
  });
});

describe('authentication on the landing text', () => {
  it('without a signing scheme: the token how-to only, and no landing samples', () => {
    const built = buildDocsSpec({ spec, client });
    const description = (built.document.info as any).description as string;
    expect(description).toContain('# Authentication\n\nThe operations that take a token carry an IAM token in `X-Pet-Key`.');
    expect(description).toContain('/v3/auth/tokens');
    expect(description).not.toMatch(/AK\/SK|credentialsFromEnv|`credentials`/);
    expect([...built.landingSamples.keys()]).toEqual([]);
  });

  it('with a signing scheme (x-signing): both ways side by side and a signed first call; no function-to-function sample without a sync-result operation', () => {
    const signedSpec = structuredClone(spec);
    const signing = { algorithm: 'PET-HMAC', dateHeader: 'X-Pet-Date', securityTokenHeader: 'X-Pet-Token', rejectionCode: 'PET.401', clockSkewMinutes: 5 };
    (signedSpec.components as any).securitySchemes.keys = {
      type: 'http',
      scheme: 'PET-HMAC',
      description: 'Signing with a key pair.\n\nThe algorithm, at length.',
      'x-signing': signing,
    };
    const signedDescriptors = descriptors.map((d) => (d.security.length > 0 ? { ...d, security: [['petKey'], ['keys']], signing: { scheme: 'keys', ...signing } } : d));
    const built = buildDocsSpec({ spec: signedSpec, client: { ...client, operations: signedDescriptors } });
    const description = (built.document.info as any).description as string;
    expect(description).toContain('The operations that name `keys` accept either of two security schemes');
    expect(description).toContain('| | IAM token (`petKey`) | AK/SK signing (`keys`) |');
    expect(description).toContain('`Authorization: PET-HMAC Access=<AK>, SignedHeaders=…, Signature=…` and `X-Pet-Date` (the signing time), `X-Pet-Token` (with temporary credentials)');
    expect(description).toContain('a clock within 5 minutes');
    expect(description).toContain('(401 `PET.401`)');
    // The signing scheme's own summary (its first paragraph), and the client's variables.
    expect(description).toContain('## AK/SK signing\n\nSigning with a key pair.\n\n');
    expect(description).not.toContain('The algorithm, at length.');
    expect(description).toContain('(`PET_AK`, `PET_SK`,\n`PET_TOKEN`, and `PET_PROJECT` for `projectId`)');
    expect([...built.landingSamples.keys()]).toEqual(['signed-client']);
    const signed = built.landingSamples.get('signed-client')!;
    expect(description).toContain(`\`\`\`ts\n${signed.trimEnd()}\n\`\`\``);
    expect(signed).toContain('  // The access key pair from PET_AK and PET_SK (with PET_TOKEN for temporary\n');
    expect(signed).toContain('  ...credentialsFromEnv(),\n');
    expect(signed).toContain('await client.listPets(');
    expect(signed).not.toContain('token:');
    expect(signed).toContain('if (error instanceof AuthenticationError && error.signing) {');
    expect(signed).toContain('// The gateway rejected the signature (PET.401)');
    // The operations' own samples keep the token and point to signing.
    expect(built.samples.get('listPets')).toContain('token: process.env.HUAWEICLOUD_TOKEN!,');
    expect(built.samples.get('listPets')).toMatch(/credentials: an access key pair that signs each\n {2}\/\/ request \(PET-HMAC; see Authentication\)/);
    expect(built.samples.get('deletePet')).not.toContain('credentials');
    expect(description).not.toContain('## Calling a function from a function');
  });
});
