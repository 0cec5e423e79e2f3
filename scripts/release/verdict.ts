/**
 * The verdict of release:check: every finding, the bump they require, the bump the pending
 * changesets declare, and whether that is enough. Pure; the report is plain text.
 */
import { applyBump, compareBumps, levelOrder, maxLevel, requiredBump, type Bump, type Level } from './bump.js';
import { declaredBump, type PendingChangeset } from './changesets.js';
import type { Finding } from './finding.js';

export interface Verdict {
  readonly packageName: string;
  readonly version: string;
  readonly findings: readonly Finding[];
  readonly level: Level | undefined;
  readonly required: Bump;
  readonly declared: Bump;
  readonly changesets: readonly PendingChangeset[];
  /** A floor under the required bump whatever the findings, and why (a package's first release). */
  readonly minimum?: Minimum;
  readonly ok: boolean;
  /** Why it failed, in one sentence that names the changes. */
  readonly failure?: string;
}

export interface Minimum {
  readonly bump: Bump;
  /** Why, as a clause: "a first release is at least minor". */
  readonly reason: string;
}

export function decide(
  packageName: string,
  version: string,
  findings: readonly Finding[],
  changesets: readonly PendingChangeset[],
  minimum?: Minimum,
): Verdict {
  const level = maxLevel(findings.map((f) => f.level));
  const byFindings = requiredBump(version, level);
  const required = minimum && compareBumps(minimum.bump, byFindings) > 0 ? minimum.bump : byFindings;
  const declared = declaredBump(changesets);
  let failure: string | undefined;
  if (compareBumps(declared, required) < 0) {
    const decisive = findings.filter((f) => f.level === level);
    const named = decisive
      .slice(0, 5)
      .map((f) => `${f.origin} ${f.subject}`)
      .join('; ');
    const more = decisive.length > 5 ? ` and ${decisive.length - 5} more` : '';
    const why = required === byFindings ? `by the ${level} change(s) ${named}${more}` : `because ${minimum!.reason}`;
    failure =
      declared === 'none'
        ? `${packageName} changed since ${version} but no changeset declares a bump: ${required} is required ${why}. ` +
          `Add one with npx changeset: pick ${packageName} and ${required} (front matter "${packageName}": ${required}).`
        : `the changesets declare ${declared} but ${required} is required ${why}.`;
  }
  return {
    packageName,
    version,
    findings,
    level,
    required,
    declared,
    changesets,
    ...(minimum ? { minimum } : {}),
    ok: failure === undefined,
    ...(failure ? { failure } : {}),
  };
}

const label: Record<Level, string> = { breaking: 'BREAKING', additive: 'additive', patch: 'patch' };

export function formatReport(verdict: Verdict, context: { readonly baseline: string }): string {
  const out = [`release:check ${verdict.packageName} ${verdict.version} against the release baseline (${context.baseline})`, ''];
  const origins = ['spec', 'typescript', 'cli', 'generator', 'runtime', 'tools'] as const;
  for (const origin of origins) {
    const findings = verdict.findings.filter((f) => f.origin === origin).sort((a, b) => levelOrder[b.level] - levelOrder[a.level] || (a.subject < b.subject ? -1 : 1));
    if (findings.length === 0) continue;
    out.push(`${origin} (${findings.length}):`);
    for (const f of findings) out.push(`  ${label[f.level].padEnd(8)}  ${f.subject}: ${f.message}${f.rule ? ` [${f.rule}]` : ''}`);
    out.push('');
  }
  if (verdict.findings.length === 0) out.push('no change since the baseline', '');
  const next = applyBump(verdict.version, verdict.required);
  const byMinimum = verdict.minimum && verdict.required === verdict.minimum.bump && compareBumps(verdict.minimum.bump, requiredBump(verdict.version, verdict.level)) > 0;
  const why = byMinimum
    ? ` (${verdict.minimum!.reason}: ${verdict.version} → ${next})`
    : verdict.level
      ? ` (${verdict.level} change${verdict.version.startsWith('0.') ? ' on 0.x' : ''}: ${verdict.version} → ${next})`
      : '';
  out.push(`required bump: ${verdict.required}${why}`);
  const sources = verdict.changesets.map((c) => `${c.bump} in ${c.file.replace(/^.*\/(\.changeset\/)/, '$1')}`);
  out.push(`declared bump: ${verdict.declared}${sources.length > 0 ? ` (${sources.join(', ')})` : ' (no pending changeset)'}`);
  out.push(verdict.ok ? 'release:check passed' : `release:check FAILED: ${verdict.failure}`);
  return `${out.join('\n')}\n`;
}
