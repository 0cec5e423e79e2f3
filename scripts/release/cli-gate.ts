/**
 * The release gate of the command line, @fgs-openapi/cli: its surface and its fingerprint against
 * its baseline (release/cli-baseline/), then the verdict on the changesets pending for it, under
 * the same policy and in the same report as the client's (gate.ts).
 *
 * A package that was never released has no baseline: its first release is whatever its changesets
 * declare, but at least minor (0.0.0 → 0.1.0: a new package, not a fix of one).
 */
import { relative } from 'node:path';
import { checkBaselineOwner } from './baseline.js';
import { readCliBaseline } from './cli-baseline.js';
import { compareCliSurfaces, loadCliSurface, type CliSurface } from './cli-surface.js';
import { readChangesets } from './changesets.js';
import type { Finding } from './finding.js';
import { compareFingerprints, computeCliFingerprint, type Fingerprint } from './fingerprint.js';
import { changesetDir, cliBaselineDir, cliPackageName, cliSurfaceFiles, cliVersion, repoRoot } from './released-package.js';
import { decide, formatReport, type Minimum, type Verdict } from './verdict.js';

export interface CliGateInput {
  readonly baselineDir: string;
  /** The current surface (loadCliSurface of the catalog). */
  readonly surface: CliSurface;
  readonly fingerprint: Fingerprint;
  readonly changesetDir: string;
  readonly packageName: string;
  /** The version in the package's package.json. */
  readonly version: string;
}

export const firstRelease: Minimum = { bump: 'minor', reason: "a new package's first release is at least minor" };

export function checkCliRelease(input: CliGateInput): Verdict {
  const changesets = readChangesets(input.changesetDir, input.packageName);
  const baseline = readCliBaseline(input.baselineDir);
  if (!baseline) {
    const { commands, globalOptions, exitCodes } = input.surface;
    const finding: Finding = {
      origin: 'cli',
      level: 'additive',
      subject: input.packageName,
      message:
        `never released (no baseline), so all of it is new: ${Object.keys(commands).length} commands (${Object.keys(commands).join(', ')}), ` +
        `${Object.keys(globalOptions).length} global options, exit codes ${Object.values(exitCodes).sort((a, b) => a - b).join(', ')}`,
      rule: 'first-release',
    };
    return decide(input.packageName, input.version, [finding], changesets, firstRelease);
  }
  checkBaselineOwner(baseline.record, input);
  const findings = [...compareCliSurfaces(baseline.surface, input.surface), ...compareFingerprints(baseline.record.fingerprint, input.fingerprint)];
  return decide(input.packageName, input.version, findings, changesets);
}

/** The command line's gate on this repository (npm run release:check, and in npm run release): the verdict and its report. */
export async function checkCliRepository(): Promise<{ verdict: Verdict; report: string }> {
  const verdict = checkCliRelease({
    baselineDir: cliBaselineDir,
    surface: await loadCliSurface(cliSurfaceFiles),
    fingerprint: computeCliFingerprint(repoRoot),
    changesetDir,
    packageName: cliPackageName,
    version: cliVersion(),
  });
  const baseline = readCliBaseline(cliBaselineDir);
  const where = `${relative(repoRoot, cliBaselineDir)}/`;
  const described = baseline ? `${where}, ${baseline.record.version} from ${baseline.record.source.commit.slice(0, 12)}` : `${where}: none, never released`;
  return { verdict, report: formatReport(verdict, { baseline: described }) };
}
