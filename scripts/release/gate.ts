/**
 * The release gate as a function: the three levels of comparison against the baseline (spec,
 * public declarations, fingerprint), then the verdict on the pending changesets. Every path is a
 * parameter, so tests run it on small fixtures in-process, several candidates at once.
 */
import { availableParallelism } from 'node:os';
import { checkBaselineOwner, readBaseline, type Baseline } from './baseline.js';
import { readChangesets } from './changesets.js';
import { compareDeclarationPairs } from './dts-compat.js';
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
  return (await checkReleases([input]))[0]!;
}

/**
 * The gate on several candidates at once, each against its own baseline: the spec diffs run as
 * processes side by side while the declarations are compared, all pairs in one TypeScript program.
 */
export async function checkReleases(inputs: readonly GateInput[]): Promise<Verdict[]> {
  const baselines = inputs.map(readMatchingBaseline);
  const specFindings = mapBounded(inputs, diffWidth, (input, i) => diffSpecs(baselines[i]!.specFile, input.spec, input.diffConfig ?? defaultDiffConfig));
  let declarationFindings: Finding[][];
  try {
    // Synchronous: it runs while the first spec diffs do.
    declarationFindings = compareDeclarationPairs(inputs.map((input, i) => ({ base: baselines[i]!.declarationsFile, current: input.declarations })));
  } catch (error) {
    await specFindings.catch(() => undefined);
    throw error;
  }
  const specs = await specFindings;
  return inputs.map((input, i) => {
    const findings: Finding[] = [...specs[i]!, ...declarationFindings[i]!, ...compareFingerprints(baselines[i]!.record.fingerprint, input.fingerprint)];
    return decide(input.packageName, input.version, findings, readChangesets(input.changesetDir, input.packageName));
  });
}

function readMatchingBaseline(input: GateInput): Baseline {
  const baseline = readBaseline(input.baselineDir);
  checkBaselineOwner(baseline.record, input);
  return baseline;
}

/** Redocly processes spend their time starting up, on a core each: more than two a core gains nothing. */
const diffWidth = 2 * Math.max(1, availableParallelism());

/** `task` over `items`, at most `width` running at a time; the results in the items' order. */
async function mapBounded<T, R>(items: readonly T[], width: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return results;
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
