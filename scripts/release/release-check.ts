/**
 * release:check as a function: the three levels of comparison against the baseline, then the
 * verdict. Every path is a parameter, so tests run it on small fixtures in-process.
 */
import { readBaseline } from './baseline.js';
import { readChangesets } from './changesets.js';
import { compareDeclarations } from './dts-compat.js';
import type { Finding } from './finding.js';
import { compareFingerprints, type Fingerprint } from './fingerprint.js';
import { defaultDiffConfig, diffSpecs } from './spec-diff.js';
import { decide, type Verdict } from './verdict.js';

export interface ReleaseCheckInput {
  readonly baselineDir: string;
  /** The current bundled spec (generated/openapi.json). */
  readonly spec: string;
  /** The current public declarations (packages/client/dist/index.d.ts). */
  readonly declarations: string;
  readonly fingerprint: Fingerprint;
  readonly changesetDir: string;
  readonly packageName: string;
  /** The version in the package's package.json. */
  readonly version: string;
  readonly diffConfig?: string;
}

export async function runReleaseCheck(input: ReleaseCheckInput): Promise<Verdict> {
  const baseline = readBaseline(input.baselineDir);
  if (baseline.record.package !== input.packageName) {
    throw new Error(`the baseline in ${input.baselineDir} is of ${baseline.record.package}, not ${input.packageName}`);
  }
  if (baseline.record.version !== input.version) {
    throw new Error(
      `${input.packageName} says ${input.version} but the last release (the baseline) was ${baseline.record.version}: ` +
        'the version is set only by npm run release, from the changesets; undo the hand edit and add a changeset instead',
    );
  }
  const specFindings = diffSpecs(baseline.specFile, input.spec, input.diffConfig ?? defaultDiffConfig);
  const findings: Finding[] = [
    ...(await specFindings),
    ...compareDeclarations({ base: baseline.declarationsFile, current: input.declarations }),
    ...compareFingerprints(baseline.record.fingerprint, input.fingerprint),
  ];
  return decide(input.packageName, input.version, findings, readChangesets(input.changesetDir, input.packageName));
}
