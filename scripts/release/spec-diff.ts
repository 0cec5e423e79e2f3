/**
 * Spec level: Redocly CLI's `diff --format json` between the baseline's bundled spec and the
 * current one, under our own config (redocly-diff.yaml), rated into findings.
 *
 * Redocly rates a change major, minor or patch by the rules a config turns on; with none on it
 * rates everything a patch. So before the real diff, a canary pair with a known removal and a
 * known response-enum addition is diffed under the same config, and the check stops unless both
 * come back major. Two specs with the same bytes have no changes to rate: neither is run.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Level } from './bump.js';
import type { Finding } from './finding.js';
import { repoRoot } from './released-package.js';

const here = fileURLToPath(new URL('.', import.meta.url));
export const defaultDiffConfig = join(here, 'redocly-diff.yaml');
export const canary = { base: join(here, 'canary/base.json'), revision: join(here, 'canary/revision.json') };

/** The part of Redocly's JSON report (reportVersion 1) this module reads. */
export interface RedoclyDiffReport {
  readonly reportVersion: string;
  readonly changes: readonly {
    readonly path: string;
    readonly kind: 'added' | 'removed' | 'modified';
    readonly impact: 'major' | 'minor' | 'patch';
    readonly property?: string;
    readonly verdicts: readonly { readonly ruleId: string; readonly impact: string; readonly message: string }[];
  }[];
}

export class DiffRulesNotInEffectError extends Error {
  override name = 'DiffRulesNotInEffectError';
}

/** Runs `redocly diff base revision --format json` and returns its report. */
export function runRedoclyDiff(base: string, revision: string, config: string): Promise<RedoclyDiffReport> {
  const dir = mkdtempSync(join(tmpdir(), 'fgs-redocly-diff-'));
  const output = join(dir, 'diff.json');
  const cli = join(repoRoot, 'node_modules/@redocly/cli/bin/cli.js');
  const args = [cli, 'diff', base, revision, '--config', config, '--format', 'json', '--fail-on', 'none', '--output', output];
  return new Promise<RedoclyDiffReport>((resolve, reject) => {
    execFile(process.execPath, args, { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1', REDOCLY_TELEMETRY: 'off' }, maxBuffer: 64 * 1024 * 1024 }, (error, _stdout, stderr) => {
      try {
        if (error) {
          reject(new Error(`redocly diff ${base} ${revision} failed (${error.code ?? error.signal}):\n${stderr.replace(/^.*[║╔╚].*\n/gm, '').trim()}`));
          return;
        }
        const report = JSON.parse(readFileSync(output, 'utf8')) as RedoclyDiffReport;
        if (report.reportVersion !== '1' || !Array.isArray(report.changes)) {
          reject(new Error(`redocly diff wrote a report this check does not know (reportVersion ${String(report.reportVersion)})`));
          return;
        }
        resolve(report);
      } catch (cause) {
        reject(cause instanceof Error ? cause : new Error(String(cause)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

const impactLevel: Record<RedoclyDiffReport['changes'][number]['impact'], Level> = { major: 'breaking', minor: 'additive', patch: 'patch' };

/** A JSON pointer as a reader writes it: `paths › /v2/{id}/x › post › responses › 202`. */
export function readablePointer(pointer: string): string {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join(' › ');
}

export function specFindings(report: RedoclyDiffReport): Finding[] {
  return report.changes.map((change) => {
    const rules = change.verdicts.map((v) => v.ruleId);
    const what = change.kind === 'modified' ? `${change.property ?? 'value'} modified` : change.kind;
    const message = change.verdicts.length > 0 ? change.verdicts.map((v) => v.message).join('; ') : what;
    return {
      origin: 'spec',
      level: impactLevel[change.impact],
      subject: readablePointer(change.path),
      message,
      ...(rules.length > 0 ? { rule: rules.join(', ') } : {}),
    };
  });
}

/** Fails unless the config rates the canary's removal and response-enum addition as breaking. */
export function assertRulesInEffect(report: RedoclyDiffReport, config: string): void {
  const findings = specFindings(report);
  const required = [
    ['path-removed', 'a removed path'],
    ['enum-values-added', 'a value added to a response enum'],
  ] as const;
  for (const [rule, what] of required) {
    const seen = findings.some((f) => f.level === 'breaking' && (f.rule ?? '').split(', ').includes(rule));
    if (!seen) {
      throw new DiffRulesNotInEffectError(
        `${config} does not rate ${what} as breaking (rule ${rule}, canary ${canary.revision}): ` +
          'its diff rules are not in effect, so every spec change would pass as a patch. ' +
          'Extend diff-recommended and set the rules to major (see scripts/release/redocly-diff.yaml).',
      );
    }
  }
}

/** Each config's canary report, once per process (the config file does not change under it). */
const canaryRuns = new Map<string, Promise<RedoclyDiffReport>>();

/** The canary's report under `config`; rejects with DiffRulesNotInEffectError when the rules are off. */
export function canaryReport(config: string): Promise<RedoclyDiffReport> {
  let run = canaryRuns.get(config);
  if (!run) {
    run = runRedoclyDiff(canary.base, canary.revision, config).then((report) => {
      assertRulesInEffect(report, config);
      return report;
    });
    canaryRuns.set(config, run);
  }
  return run;
}

/** The spec-level findings between two bundled specs, after the canary proved the rules are on. */
export async function diffSpecs(base: string, revision: string, config = defaultDiffConfig): Promise<Finding[]> {
  if (readFileSync(base).equals(readFileSync(revision))) return [];
  const [, report] = await Promise.all([canaryReport(config), runRedoclyDiff(base, revision, config)]);
  return specFindings(report);
}
