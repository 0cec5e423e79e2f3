/**
 * The spec level of release:check: Redocly's diff under our config, and the canary that stops the
 * check when the diff rules are not in effect (a config without them rates a removed path as a
 * patch, silently).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, canaryReport, defaultDiffConfig, diffSpecs, DiffRulesNotInEffectError, readablePointer, runRedoclyDiff, specFindings } from '../../scripts/release/spec-diff.js';
import { removeDir, scratchDir } from './helpers/fixture-package.js';

let work: string;
let bare: string;
beforeAll(() => {
  work = scratchDir('fgs-release-spec-diff-');
  bare = join(work, 'no-diff-rules.yaml');
  writeFileSync(bare, 'telemetry: off\nextends:\n  - recommended\n');
});
afterAll(() => removeDir(work));

// Each case waits on its own Redocly processes: run side by side.
describe.concurrent('redocly diff under scripts/release/redocly-diff.yaml', { timeout: 60_000 }, () => {
  it('rates the canary: the removed path and the added response enum value are breaking', async ({ expect }) => {
    // The report the gate itself checks before trusting the config (once per process).
    const findings = specFindings(await canaryReport(defaultDiffConfig));

    expect(findings.filter((f) => f.level === 'breaking').map((f) => [f.subject, f.rule])).toEqual([
      ['paths › /kept › get › responses › 200 › content › application/json › schema › properties › state', 'enum-values-added'],
      ['paths › /removed', 'path-removed'],
    ]);
  });

  it('refuses a config whose diff rules are off, naming the file and the rule', async ({ expect }) => {
    const [unrated, failure] = await Promise.all([
      runRedoclyDiff(canary.base, canary.revision, bare).then(specFindings),
      diffSpecs(canary.base, canary.revision, bare).then(
        () => undefined,
        (error: unknown) => error,
      ),
    ]);
    // Without the rules, Redocly itself calls the removal a patch.
    expect(unrated.find((f) => f.subject === 'paths › /removed')?.level).toBe('patch');

    expect(failure).toBeInstanceOf(DiffRulesNotInEffectError);
    expect((failure as Error).message).toMatch(/no-diff-rules\.yaml does not rate a removed path as breaking \(rule path-removed/);
  });

  it('runs nothing for two specs with the same bytes: no change to rate', async ({ expect }) => {
    // Under the config without rules the canary would refuse: it is not run either.
    await expect(diffSpecs(canary.base, canary.base, bare)).resolves.toEqual([]);
  });

  it('keeps a value added to a request enum a patch (accepted input)', async ({ expect }) => {
    const base = JSON.parse(JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }));
    base.paths['/x'] = {
      post: {
        operationId: 'postX',
        requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', enum: ['a'] } } } } } },
        responses: { '204': { description: 'ok' } },
      },
    };
    const revision = JSON.parse(JSON.stringify(base));
    revision.paths['/x'].post.requestBody.content['application/json'].schema.properties.kind.enum.push('b');
    writeFileSync(join(work, 'req-base.json'), JSON.stringify(base));
    writeFileSync(join(work, 'req-revision.json'), JSON.stringify(revision));

    const findings = await diffSpecs(join(work, 'req-base.json'), join(work, 'req-revision.json'));
    expect(findings.map((f) => f.level)).toEqual(['patch']);
  });
});

describe('readablePointer', () => {
  it.each([
    ['#/paths/~1v2~1{id}/post', 'paths › /v2/{id} › post'],
    ['#/components/schemas/a~0b', 'components › schemas › a~b'],
  ])('%s', (pointer, want) => expect(readablePointer(pointer)).toBe(want));
});
