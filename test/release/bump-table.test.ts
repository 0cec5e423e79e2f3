/**
 * release:check on a table of changes: each row edits a copy of a small spec
 * (test/release/fixtures/jobs.yaml), regenerates its client with the real generator, and runs the
 * whole check in-process against a baseline of the unedited spec. The bump is asserted for a 0.x
 * release (what the check computes) and for a 1.x one (the same rating under plain semver).
 *
 * Every change is generated once and all are checked in one run of the gate (its spec diffs side
 * by side, its declarations in one TypeScript program); the rows and the gate's cases read the
 * verdicts. Last, the client-name rename the gate once missed, made on a copy of the real spec.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/generator/pipeline.js';
import { requiredBump, type Bump, type Level } from '../../scripts/release/bump.js';
import { readChangesets } from '../../scripts/release/changesets.js';
import type { Fingerprint } from '../../scripts/release/fingerprint.js';
import { compareDeclarations } from '../../scripts/release/dts-compat.js';
import { checkReleases, type GateInput } from '../../scripts/release/gate.js';
import { repoRoot } from '../../scripts/release/released-package.js';
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

const removal = 'remove an operation';
/** The removal again, with changesets declaring a minor: the gate reading the changesets it is given. */
const removalDeclaredMinor = 'remove an operation, declared minor';

interface Checked {
  readonly verdict: Verdict;
  readonly report: string;
}

/** Each case's verdict, by name: the rows with no changeset pending, and removalDeclaredMinor. */
const checked = new Map<string, Checked>();

beforeAll(async () => {
  work = scratchDir('fgs-release-table-');
  baselineDir = join(work, 'baseline');
  const base = await buildFixturePackage(loadFixtureSpec(), join(work, 'base'));
  writeFixtureBaseline(base, baselineDir, VERSION, baseFingerprint);
  const minorDir = join(work, 'changesets-minor');
  writeChangeset(minorDir, 'remove-delete', 'minor', 'Remove deleteJob.');
  writeChangeset(minorDir, 'docs', 'patch', 'Reword a description.');

  const cases: [string, GateInput][] = [];
  const packages = new Map<string, FixturePackage>();
  for (const [name, row] of rows) {
    const spec = loadFixtureSpec();
    row.spec?.(spec);
    const pkg = await buildFixturePackage(spec, join(work, name.replace(/\W+/g, '-')));
    packages.set(name, pkg);
    cases.push([name, inputOf(pkg, row, join(work, 'no-changesets'))]);
  }
  cases.push([removalDeclaredMinor, inputOf(packages.get(removal)!, {}, minorDir)]);
  const verdicts = await checkReleases(cases.map(([, input]) => input));
  cases.forEach(([name], i) => checked.set(name, { verdict: verdicts[i]!, report: formatReport(verdicts[i]!, { baseline: 'fixture' }) }));
}, 120_000);

afterAll(() => removeDir(work));

function inputOf(pkg: FixturePackage, row: Pick<Row, 'fingerprint'>, changesetDir: string): GateInput {
  return {
    baselineDir,
    spec: pkg.spec,
    declarations: pkg.declarations,
    fingerprint: row.fingerprint ?? baseFingerprint,
    changesetDir,
    packageName: fixturePackageName,
    version: VERSION,
  };
}

const verdictOf = (name: string): Checked => checked.get(name)!;

describe('the bump release:check requires, per kind of change', () => {
  it.each(rows)('%s', (name, row) => {
    const { verdict, report } = verdictOf(name);

    expect(verdict.level, report).toBe(row.level);
    expect(verdict.required, report).toBe(row.bump0x);
    expect(requiredBump('1.4.2', verdict.level)).toBe(row.bump1x);
    for (const text of row.names) expect(report).toContain(text);
    if (row.origin) expect(new Set(verdict.findings.filter((f) => f.level === row.level).map((f) => f.origin))).toEqual(new Set([row.origin]));
    // With nothing declared, any required bump fails the check; no change passes it.
    expect(verdict.ok, report).toBe(row.bump0x === 'none');
  });
});

describe('the gate: declared bump against required bump', () => {
  it('fails a breaking change declared as a patch, naming the change', () => {
    const dir = join(work, 'changesets-patch');
    writeChangeset(dir, 'remove-delete', 'patch', 'Remove deleteJob.');
    const { findings } = verdictOf(removal).verdict;
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

  it('passes the same change declared as a minor', () => {
    const { verdict, report } = verdictOf(removalDeclaredMinor);

    expect(verdict.ok, report).toBe(true);
    expect(verdict.declared).toBe('minor');
    expect(report).toContain('release:check passed');
  });

  it('fails a change with no changeset at all, saying so', () => {
    const { verdict } = verdictOf('change only a description');

    expect(verdict.ok).toBe(false);
    expect(verdict.failure).toMatch(/no changeset declares a bump: patch is required/);
  });
});

describe('regression: the gate missed a client-name rename of an optional input', { timeout: 60_000 }, () => {
  // x-ms-client-name requestIds → requests on the active-records query: the wire is untouched, so
  // the spec diff sees a patch, and the two all-optional inputs accept each other; old callers'
  // filter was silently dropped at run time.
  it('rates requestIds → requests on listActiveAsyncInvocations breaking, naming the operation and both names', async () => {
    const dir = join(work, 'rename-regression');
    cpSync(join(repoRoot, 'spec'), join(dir, 'spec'), { recursive: true });
    const parameter = join(dir, 'spec/components/parameters/RequestIdsQuery.yaml');
    const text = readFileSync(parameter, 'utf8');
    expect(text).toContain('x-ms-client-name: requestIds\n');
    writeFileSync(parameter, text.replace('x-ms-client-name: requestIds\n', 'x-ms-client-name: requests\n'));
    const { files } = await generate({ spec: join(dir, 'spec/openapi.yaml'), out: join(dir, 'out') });
    mkdirSync(join(dir, 'out'));
    for (const name of ['client.gen.ts', 'schema.gen.ts']) writeFileSync(join(dir, 'out', name), files.get(name)!);

    // The committed generated/ is what the unedited spec produces (npm run check holds it there).
    const findings = compareDeclarations({ base: join(repoRoot, 'generated/client.gen.ts'), current: join(dir, 'out/client.gen.ts') });

    expect(findings.filter((f) => f.level === 'breaking')).toEqual([
      {
        origin: 'typescript',
        level: 'breaking',
        subject: 'ListActiveAsyncInvocationsInput',
        message:
          '`ListActiveAsyncInvocationsInput` (input type of listActiveAsyncInvocations): `ListActiveAsyncInvocationsInput.requestIds` was renamed to `requests`: ' +
          'an object literal that sets `requestIds` no longer compiles, and any other value that sets it still compiles and has it silently ignored',
      },
    ]);
  });
});
