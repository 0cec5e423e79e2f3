/**
 * The release gate as a function: the three levels of comparison against the baseline (spec,
 * public declarations, fingerprint), then the verdict on the pending changesets. Every path is a
 * parameter, so tests run it on small fixtures in-process.
 */
import { readBaseline } from './baseline.js';
import { readChangesets } from './changesets.js';
import { compareDeclarations } from './dts-compat.js';
import type { Finding } from './finding.js';
import { compareFingerprints, computeFingerprint, type Fingerprint } from './fingerprint.js';
import { baselineDir, bundledSpec, changesetDir, clientDeclarations, clientPackageName, clientVersion, repoRoot } from './released-package.js';
import { defaultDiffConfig, diffSpecs } from './spec-diff.js';
import { decide, formatReport, type Verdict } from './verdict.js';

export interface GateInput {
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

export async function checkRelease(input: GateInput): Promise<Verdict> {
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

/**
 * The gate on this repository (npm run release:check, and twice in npm run release): the verdict,
 * and its printed report naming the baseline it was compared with.
 */
export async function checkRepository(): Promise<{ verdict: Verdict; report: string }> {
  const verdict = await checkRelease({
    baselineDir,
    spec: bundledSpec,
    declarations: clientDeclarations,
    fingerprint: computeFingerprint(repoRoot),
    changesetDir,
    packageName: clientPackageName,
    version: clientVersion(),
  });
  const { record } = readBaseline(baselineDir);
  return { verdict, report: formatReport(verdict, { baseline: `release/baseline/, ${record.version} from ${record.source.commit.slice(0, 12)}` }) };
}
