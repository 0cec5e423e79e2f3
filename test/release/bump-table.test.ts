/**
 * release:check on a table of changes: each row edits a copy of a small spec
 * (test/release/fixtures/jobs.yaml), regenerates its client with the real generator, and runs the
 * whole check in-process against a baseline of the unedited spec. The bump is asserted for a 0.x
 * release (what the check computes) and for a 1.x one (the same rating under plain semver).
 *
 * Rows run side by side: each waits on Redocly processes while another compiles. Each change is
 * generated and checked once; the gate's cases reuse the rows' findings.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { requiredBump, type Bump, type Level } from '../../scripts/release/bump.js';
import { readChangesets } from '../../scripts/release/changesets.js';
import type { Fingerprint } from '../../scripts/release/fingerprint.js';
import { checkRelease } from '../../scripts/release/gate.js';
import { decide, formatReport, type Verdict } from '../../scripts/release/verdict.js';
import {
  buildFixturePackage,
  fixturePackageName,
  loadFixtureSpec,
  removeDir,
  scratchDir,
  writeChangeset,
  writeFixtureBaseline,
  type FixturePackage,
  type Spec,
} from './helpers/fixture-package.js';

const VERSION = '0.3.0';
const baseFingerprint: Fingerprint = { files: { 'scripts/generator/emit-client.ts': 'a'.repeat(64) }, tools: { typescript: '5.9.3' } };

let work: string;
let baselineDir: string;

beforeAll(async () => {
  work = scratchDir('fgs-release-table-');
  baselineDir = join(work, 'baseline');
  const base = await buildFixturePackage(loadFixtureSpec(), join(work, 'base'));
  writeFixtureBaseline(base, baselineDir, VERSION, baseFingerprint);
}, 120_000);

afterAll(() => removeDir(work));

interface Row {
  /** Edits the spec copy in place. */
  readonly spec?: (spec: Spec) => void;
  readonly fingerprint?: Fingerprint;
  readonly level: Level | undefined;
  readonly bump0x: Bump;
  readonly bump1x: Bump;
  /** Substrings the report must show (the change, named). */
  readonly names: readonly string[];
  /** Where the decisive finding must come from. */
  readonly origin?: string;
}

const job = (spec: Spec) => spec.components.schemas.Job;
const listRuns = (spec: Spec) => spec.paths['/jobs/{job_id}/runs'].get;

const rows: [string, Row][] = [
  ['no change at all', { level: undefined, bump0x: 'none', bump1x: 'none', names: ['no change since the baseline'] }],
  ['remove an operation', { spec: (s) => delete s.paths['/jobs/{job_id}'].delete, level: 'breaking', bump0x: 'minor', bump1x: 'major', names: ['deleteJob', 'operation-removed'] }],
  [
    'add a required request property',
    {
      spec: (s) => {
        s.components.schemas.NewJob.properties.owner = { type: 'string' };
        s.components.schemas.NewJob.required.push('owner');
      },
      level: 'breaking',
      bump0x: 'minor',
      bump1x: 'major',
      names: ['required-properties-added', 'CreateJobInput'],
    },
  ],
  ['add a value to a response enum', { spec: (s) => job(s).properties.state.enum.push('cancelled'), level: 'breaking', bump0x: 'minor', bump1x: 'major', names: ['enum-values-added', "'cancelled'"] }],
  [
    'make a response property optional',
    { spec: (s) => (job(s).required = ['id', 'name']), level: 'breaking', bump0x: 'minor', bump1x: 'major', names: ['required-properties-removed', 'GetJobResult'] },
  ],
  [
    'rename an operationId',
    { spec: (s) => (s.paths['/jobs/{job_id}'].get.operationId = 'readJob'), level: 'breaking', bump0x: 'minor', bump1x: 'major', names: ['operation-id-changed', 'export `GetJobInput` was removed'] },
  ],
  [
    // The wire is untouched, so the spec diff sees no break: only the .d.ts shows it, through the
    // `x-ms-client-name` the generator reads.
    "rename a parameter's client name",
    {
      spec: (s) => (s.paths['/jobs/{job_id}'].parameters[0]['x-ms-client-name'] = 'id'),
      level: 'breaking',
      bump0x: 'minor',
      bump1x: 'major',
      names: ['GetJobInput', "Property 'id' is missing in type 'GetJobInput'"],
      origin: 'typescript',
    },
  ],
  [
    // The bug this row pins: both inputs are all-optional but for the path parameter, so they
    // accept each other, and the spec diff sees an extension modified. Old callers' filter would
    // be silently dropped.
    "rename an optional query parameter's client name",
    {
      spec: (s) => (listRuns(s).parameters[1]['x-ms-client-name'] = 'ids'),
      level: 'breaking',
      bump0x: 'minor',
      bump1x: 'major',
      names: ['`ListRunsInput` (input type of listRuns)', '`ListRunsInput.runIds` was renamed to `ids`', 'x-ms-client-name modified'],
      origin: 'typescript',
    },
  ],
  [
    'remove an optional query parameter',
    {
      spec: (s) => listRuns(s).parameters.splice(1, 1),
      level: 'breaking',
      bump0x: 'minor',
      bump1x: 'major',
      names: ['parameter-removed', '`ListRunsInput.runIds` was removed'],
    },
  ],
  [
    "rename a response header's client name",
    {
      spec: (s) => (listRuns(s).responses['200'].headers['X-Total-Count']['x-ms-client-name'] = 'total'),
      level: 'breaking',
      bump0x: 'minor',
      bump1x: 'major',
      names: ['`ListRunsResponseHeaders.totalCount` was renamed to `total`: code that reads `totalCount` no longer compiles'],
      origin: 'typescript',
    },
  ],
  [
    'add an optional query parameter',
    {
      spec: (s) => (s.paths['/jobs/{job_id}'].get.parameters = [{ name: 'verbose', in: 'query', required: false, description: 'More detail.', schema: { type: 'boolean' } }]),
      level: 'additive',
      bump0x: 'patch',
      bump1x: 'minor',
      names: ['additive  paths › /jobs/{job_id} › get › parameters: added'],
    },
  ],
  [
    'add an operation',
    {
      spec: (s) =>
        (s.paths['/jobs'].get = {
          operationId: 'listJobs',
          summary: 'List jobs',
          description: 'Lists the jobs.',
          responses: { '200': { description: 'The jobs.', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Job' } } } } } },
        }),
      level: 'additive',
      bump0x: 'patch',
      bump1x: 'minor',
      names: ['export `ListJobsInput` was added'],
    },
  ],
  ['change only a description', { spec: (s) => (s.paths['/jobs/{job_id}'].get.description = 'Reads one job, by ID.'), level: 'patch', bump0x: 'patch', bump1x: 'patch', names: ['description modified'] }],
  [
    'change only the generator',
    {
      fingerprint: { files: { 'scripts/generator/emit-client.ts': 'b'.repeat(64) }, tools: { typescript: '5.9.3' } },
      level: 'patch',
      bump0x: 'patch',
      bump1x: 'patch',
      names: ['generator (1)', 'scripts/generator/emit-client.ts changed'],
      origin: 'generator',
    },
  ],
];

/** Each row's package, generated once. */
const packages = new Map<string, Promise<FixturePackage>>();

function packageOf(name: string, row: Pick<Row, 'spec'>): Promise<FixturePackage> {
  let pkg = packages.get(name);
  if (!pkg) {
    const spec = loadFixtureSpec();
    row.spec?.(spec);
    pkg = buildFixturePackage(spec, join(work, name.replace(/\W+/g, '-')));
    packages.set(name, pkg);
  }
  return pkg;
}

async function check(name: string, row: Pick<Row, 'spec' | 'fingerprint'>, changesetDir: string): Promise<{ verdict: Verdict; report: string }> {
  const pkg = await packageOf(name, row);
  const verdict = await checkRelease({
    baselineDir,
    spec: pkg.spec,
    declarations: pkg.declarations,
    fingerprint: row.fingerprint ?? baseFingerprint,
    changesetDir,
    packageName: fixturePackageName,
    version: VERSION,
  });
  return { verdict, report: formatReport(verdict, { baseline: 'fixture' }) };
}

/** Each row checked once, with no changeset pending. */
const rowChecks = new Map<string, Promise<{ verdict: Verdict; report: string }>>();

function checkRow(name: string): Promise<{ verdict: Verdict; report: string }> {
  let run = rowChecks.get(name);
  if (!run) {
    run = check(name, rows.find(([n]) => n === name)![1], join(work, 'no-changesets'));
    rowChecks.set(name, run);
  }
  return run;
}

describe.concurrent('the bump release:check requires, per kind of change', { timeout: 60_000 }, () => {
  it.for(rows)('%s', async ([name, row], { expect }) => {
    const { verdict, report } = await checkRow(name);

    expect(verdict.level, report).toBe(row.level);
    expect(verdict.required, report).toBe(row.bump0x);
    expect(requiredBump('1.4.2', verdict.level)).toBe(row.bump1x);
    for (const text of row.names) expect(report).toContain(text);
    if (row.origin) expect(new Set(verdict.findings.filter((f) => f.level === row.level).map((f) => f.origin))).toEqual(new Set([row.origin]));
    // With nothing declared, any required bump fails the check; no change passes it.
    expect(verdict.ok, report).toBe(row.bump0x === 'none');
  });
});

describe.concurrent('the gate: declared bump against required bump', { timeout: 60_000 }, () => {
  const removal = 'remove an operation';

  it('fails a breaking change declared as a patch, naming the change', async ({ expect }) => {
    const dir = join(work, 'changesets-patch');
    writeChangeset(dir, 'remove-delete', 'patch', 'Remove deleteJob.');
    const { findings } = (await checkRow(removal)).verdict;
    const verdict = decide(fixturePackageName, VERSION, findings, readChangesets(dir, fixturePackageName));
    const report = formatReport(verdict, { baseline: 'fixture' });

    expect(verdict.ok).toBe(false);
    expect(verdict.declared).toBe('patch');
    expect(verdict.required).toBe('minor');
    expect(verdict.failure).toMatch(/declare patch but minor is required by the breaking change\(s\)/);
    expect(verdict.failure).toContain('paths › /jobs/{job_id} › delete');
    expect(verdict.failure).toContain('DeleteJobInput');
    expect(report).toContain('release:check FAILED');
    expect(report).toContain('declared bump: patch (patch in');
  });

  it('passes the same change declared as a minor', async ({ expect }) => {
    const dir = join(work, 'changesets-minor');
    writeChangeset(dir, 'remove-delete', 'minor', 'Remove deleteJob.');
    writeChangeset(dir, 'docs', 'patch', 'Reword a description.');
    // The whole check again, this time reading the changesets it is given.
    const { verdict, report } = await check(removal, rows.find(([n]) => n === removal)![1], dir);

    expect(verdict.ok, report).toBe(true);
    expect(verdict.declared).toBe('minor');
    expect(report).toContain('release:check passed');
  });

  it('fails a change with no changeset at all, saying so', async ({ expect }) => {
    const { verdict } = await checkRow('change only a description');

    expect(verdict.ok).toBe(false);
    expect(verdict.failure).toMatch(/no changeset declares a bump: patch is required/);
  });
});
