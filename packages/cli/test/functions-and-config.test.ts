/**
 * `fgs functions`, `fgs config` and `fgs async-config`, installed from the tarballs, against the
 * fake FunctionGraph: lists one page or all, settings as fields or JSON, and a change of the
 * asynchronous settings that sends back what it was not asked to change.
 */
import { describe, expect, it } from 'vitest';
import { PROJECT_ID, urnOf } from './helpers/fake-functiongraph.js';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const fixture = useFgs();

const someFunctions = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    func_name: `fn-${index}`,
    func_urn: urnOf(`fn-${index}`, 'latest').replace(/:latest$/, ''),
    package: index % 2 ? 'tools' : 'default',
    runtime: 'Python3.10',
    memory_size: 256,
    timeout: 15,
    last_modified: '2026-11-30T10:00:00+08:00',
  }));

describe('fgs functions', () => {
  it('needs --region or --endpoint, and says so before sending (exit 2)', async () => {
    const { code, stderr } = await fixture.fgs.run(['functions', '--project', PROJECT_ID]);
    expect(code).toBe(2);
    expect(stderr).toContain('fgs functions needs --region (or --endpoint): there is no function URN to read the region from');
  });

  it('lists a page as tab-separated lines when piped; --json as an array; --all every page', async () => {
    fixture.fake.functions = someFunctions(3);
    const lines = await fixture.fgs.run(['functions', ...fixture.endpoint, '--project', PROJECT_ID]);
    expect(lines.code).toBe(0);
    expect(lines.stdout.trim().split('\n').map((line) => line.split('\t').slice(0, 5))).toEqual([
      ['fn-0', 'default', 'Python3.10', '256 MB', '15 s'],
      ['fn-1', 'tools', 'Python3.10', '256 MB', '15 s'],
      ['fn-2', 'default', 'Python3.10', '256 MB', '15 s'],
    ]);
    fixture.fake.functions = someFunctions(450);
    const all = await fixture.fgs.run(['functions', ...fixture.endpoint, '--project', PROJECT_ID, '--all', '--json']);
    expect((JSON.parse(all.stdout) as unknown[]).length).toBe(450);
    expect(fixture.fake.requests.filter((r) => r.operation === 'listFunctions').map((r) => r.query.marker)).toEqual([undefined, undefined, '400']);
  });

  it('sends --package and --name as package_name and func_name, to the project of --project', async () => {
    await fixture.fgs.run(['functions', ...fixture.endpoint, '--project', PROJECT_ID, '--package', 'tools', '--name', 'fn']);
    const request = fixture.fake.requests.at(-1)!;
    expect(request.projectId).toBe(PROJECT_ID);
    expect(request.query).toMatchObject({ package_name: 'tools', func_name: 'fn' });
  });

  it('says where a project can come from when nothing names one, before sending (exit 2)', async () => {
    const { code, stderr } = await fixture.fgs.run(['functions', ...fixture.endpoint]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'error: fgs functions needs a project: no --project, and neither a function URN nor the credentials name one\n' +
        'hint: give --project <id>, or set HUAWEICLOUD_SDK_PROJECT_ID (or project_id in ~/.huaweicloud/credentials)\n',
    );
    expect(fixture.fake.requests).toEqual([]);
  });

  it('takes the project from HUAWEICLOUD_SDK_PROJECT_ID when there is no --project', async () => {
    const { code } = await fixture.fgs.run(['functions', ...fixture.endpoint], { env: { HUAWEICLOUD_SDK_PROJECT_ID: PROJECT_ID } });
    expect(code).toBe(0);
    expect(fixture.fake.requests.at(-1)!.projectId).toBe(PROJECT_ID);
  });
});

describe('fgs config', () => {
  it('prints the main settings as aligned fields, and the whole answer with --json', async () => {
    const fields = await fixture.fgs.run(['config', URN, ...fixture.endpoint]);
    expect(fields.code).toBe(0);
    expect(fields.stdout).toContain('runtime:');
    expect(fields.stdout).toMatch(/^memory \(MB\): +128$/m);
    const json = await fixture.fgs.run(['config', URN, ...fixture.endpoint, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ func_urn: URN, handler: 'index.handler', memory_size: 128 });
  });
});

describe('fgs async-config', () => {
  it('shows the settings', async () => {
    fixture.fake.asyncConfigs.set(URN, { enable_async_status_log: true, max_async_retry_attempts: 2, max_async_event_age_in_seconds: 3600 });
    const { code, stdout } = await fixture.fgs.run(['async-config', URN, ...fixture.endpoint]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^status log: +on$/m);
    expect(stdout).toMatch(/^max retries: +2$/m);
  });

  it('changes only what it is asked to: the rest is read first and sent back unchanged', async () => {
    const destinations = { on_failure: { destination: 'SMN', param: '{"topic_urn":"urn:smn:x"}' } };
    fixture.fake.asyncConfigs.set(URN, { enable_async_status_log: false, max_async_retry_attempts: 2, max_async_event_age_in_seconds: 3600, destination_config: destinations });
    const { code, stdout, stderr } = await fixture.fgs.run(['async-config', URN, '--status-log', 'on', '--json', ...fixture.endpoint]);
    expect(code).toBe(0);
    expect(stderr).toContain('updated enable_async_status_log');
    const sent = JSON.parse(fixture.fake.requests.find((r) => r.operation === 'updateFunctionAsyncInvokeConfig')!.body) as Record<string, unknown>;
    expect(sent).toEqual({ enable_async_status_log: true, max_async_retry_attempts: 2, max_async_event_age_in_seconds: 3600, destination_config: destinations });
    expect(JSON.parse(stdout)).toMatchObject({ enable_async_status_log: true, max_async_retry_attempts: 2 });
  });

  it('sends only the named settings for a function that has none yet (the read answers 404)', async () => {
    const { code } = await fixture.fgs.run(['async-config', URN, '--max-retries', '0', '--max-age', '300', ...fixture.endpoint]);
    expect(code).toBe(0);
    const sent = JSON.parse(fixture.fake.requests.find((r) => r.operation === 'updateFunctionAsyncInvokeConfig')!.body) as unknown;
    expect(sent).toEqual({ max_async_retry_attempts: 0, max_async_event_age_in_seconds: 300 });
  });

  it.each([
    [['--status-log', 'yes'], '--status-log must be on or off, got "yes"'],
    [['--max-retries', 'many'], '--max-retries must be a whole number, got "many"'],
    [['--max-retries', '9'], '--max-retries must be at least 0 and at most 3, got 9'],
  ])('refuses %j before sending (exit 2)', async (rest, message) => {
    const { code, stderr } = await fixture.fgs.run(['async-config', URN, ...rest, ...fixture.endpoint]);
    expect(code).toBe(2);
    expect(stderr).toContain(`error: ${message}`);
    expect(fixture.fake.requests.filter((r) => r.operation === 'updateFunctionAsyncInvokeConfig')).toEqual([]);
  });
});
