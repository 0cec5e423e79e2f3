/**
 * `fgs call <operationId>`, installed from the tarballs, against the fake FunctionGraph: every
 * operation of our spec is offered, flags reach the wire under the spec's names, the body comes
 * from --data, --json has its documented shape, and refusals happen before sending.
 * (call-new-operation.test.ts shows an operation added to the spec arriving with no CLI change.)
 */
import { operationDescriptors } from '@fgs-openapi/client';
import { describe, expect, it } from 'vitest';
import { PROJECT_ID } from './helpers/fake-functiongraph.js';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const fixture = useFgs();
const call = (...rest: string[]) => ['call', ...rest, ...fixture.endpoint];

describe('fgs call', () => {
  it('--help lists every operation of the spec with its summary', async () => {
    const { code, stdout } = await fixture.fgs.run(['call', '--help']);
    expect(code).toBe(0);
    for (const id of Object.keys(operationDescriptors)) expect(stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'm'));
    expect(stdout).toMatch(/^  asyncInvokeReservedFunction +[^\n]*(\n +[^\n]*)?\(deprecated\)$/m);
  });

  it('bare, it prints the same help on stderr and exits 2', async () => {
    const { code, stdout, stderr } = await fixture.fgs.run(['call']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('operations:');
  });

  it("<operationId> --help shows the operation's flags with the spec's words and allowed values", async () => {
    const { stdout } = await fixture.fgs.run(['call', 'invokeFunction', '--help']);
    expect(stdout).toContain('fgs call invokeFunction --function-urn <function-urn> [options] --data <json>');
    const words = stdout.replace(/\s+/g, ' ');
    expect(words).toContain('--log-type tail|"" Sent as the header parameter X-Cff-Log-Type. Whether to return the end');
    expect(words).toContain('Must be one of tail, "" (empty).');
    expect(words).toContain('The path parameter project_id: --project');
    expect(stdout).toMatch(/request body:\n  Required: application\/json/);
  });

  it('sends the flags under the wire names and prints the JSON answer', async () => {
    fixture.fake.functions = [{ func_name: 'a' }, { func_name: 'b' }, { func_name: 'c' }];
    const { code, stdout } = await fixture.fgs.run(call('listFunctions', '--limit', '2', '--package-name', 'default', '--project', PROJECT_ID));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ functions: [{ func_name: 'a' }, { func_name: 'b' }], next_marker: 2, count: 3 });
    expect(fixture.fake.requests.at(-1)!.query).toEqual({ maxitems: '2', package_name: 'default' });
  });

  it('--all pages a list operation to the end and prints its items', async () => {
    fixture.fake.functions = [{ func_name: 'a' }, { func_name: 'b' }, { func_name: 'c' }];
    const { stdout } = await fixture.fgs.run(call('listFunctions', '--limit', '2', '--all', '--project', PROJECT_ID));
    expect(JSON.parse(stdout)).toEqual([{ func_name: 'a' }, { func_name: 'b' }, { func_name: 'c' }]);
  });

  it('sends the body from --data, and --json prints { status, requestId, responseHeaders, data }', async () => {
    fixture.fake.setSync({ result: '{"sum":3}', requestId: 'req-1' });
    const { code, stdout } = await fixture.fgs.run(call('invokeFunction', '--function-urn', URN, '--data', '{"a":1,"b":2}', '--json'));
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual(['status', 'requestId', 'responseHeaders', 'data']);
    expect(printed).toMatchObject({ status: 200, requestId: 'req-1', data: { request_id: 'req-1', result: '{"sum":3}' } });
    expect(JSON.parse(fixture.fake.requests.at(-1)!.body)).toEqual({ a: 1, b: 2 });
  });

  it.each([
    [['invokeFuncton'], /error: fgs call: no operation "invokeFuncton"; did you mean invokeFunction\?/],
    [['showFunctionConfig'], /error: --function-urn is required/],
    [['listAsyncInvocations', '--function-urn', URN, '--status', 'DONE'], /error: --status must be one of WAIT, RUNNING, SUCCESS, FAIL, DISCARD/],
    [['listAsyncInvocations', '--function-urn', URN, '--limit', 'x'], /error: --limit must be a whole number, got "x"/],
    [['showFunctionConfig', '--function-urn', URN, '--data', '{}'], /error: --data: showFunctionConfig takes no request body/],
    [['showFunctionConfig', '--function-urn', URN, '--all'], /error: --all: showFunctionConfig is not a list operation/],
    [['showFunctionConfig', '--function-urn', URN, '--verbose'], /error: unknown option --verbose for fgs call showFunctionConfig/],
  ])('refuses %j before sending (exit 2)', async (args, message) => {
    const { code, stderr } = await fixture.fgs.run(call(...args));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(fixture.fake.requests).toEqual([]);
  });

  it("points an operation's refusal at that operation's help", async () => {
    const { stderr } = await fixture.fgs.run(call('showFunctionConfig'));
    expect(stderr).toContain('hint: see fgs call showFunctionConfig --help; nothing was sent');
  });
});
