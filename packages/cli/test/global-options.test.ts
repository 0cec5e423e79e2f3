/**
 * The global options and the bare command, installed from the tarballs: accepted before or after
 * the command, --version and --help anywhere, --timeout per request, --region and --project held
 * to what the URN names, and a bare `fgs` that shows help on stderr with exit 2.
 */
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { PROJECT_ID } from './helpers/fake-functiongraph.js';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const fixture = useFgs();
const version = (JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'))) as { version: string }).version;

describe('fgs and its global options', () => {
  it.each([[['--version']], [['invoke', '--version']], [['--version', 'records']]])('%j prints the version alone on stdout', async (args) => {
    const { code, stdout, stderr } = await fixture.fgs.run(args);
    expect([code, stdout, stderr]).toEqual([0, `${version}\n`, '']);
  });

  it('bare, it prints the help on stderr and exits 2; --help prints it on stdout', async () => {
    const bare = await fixture.fgs.run([]);
    expect([bare.code, bare.stdout]).toEqual([2, '']);
    expect(bare.stderr).toContain('usage:\n  fgs <command> [arguments] [options]');
    const help = await fixture.fgs.run(['--help']);
    expect([help.code, help.stdout, help.stderr]).toEqual([0, bare.stderr, '']);
  });

  it('takes global options before the command as after it', async () => {
    const before = await fixture.fgs.run(['--endpoint', fixture.fake.url, '--timeout', '10s', 'invoke', URN, '--data', '{}']);
    const after = await fixture.fgs.run(['invoke', URN, '--data', '{}', '--timeout=10s', '--endpoint', fixture.fake.url]);
    expect([before.code, after.code]).toEqual([0, 0]);
    expect(fixture.fake.requests.filter((r) => r.operation === 'invokeFunction')).toHaveLength(2);
  });

  it('--timeout cuts a request short: exit 4, saying how long it waited and what to do', async () => {
    const held: Socket[] = [];
    const silent = createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      const started = Date.now();
      const { code, stdout, stderr } = await fixture.fgs.run(['invoke', URN, '--data', '{}', '--endpoint', `http://127.0.0.1:${port}`, '--timeout', '500ms']);
      expect(code).toBe(4);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: invokeFunction: timed out after 500 ms waiting for the response$/m);
      expect(stderr).toContain('hint: allow more time with --timeout; the function may still have run');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it.each([
    [['--timeout', 'soon'], 'error: --timeout "soon" is not a duration: write 90s, 15m, 1h, 500ms, or a number of milliseconds'],
    [['--region', 'ap-southeast-1'], 'error: <function-urn> names region cn-north-4, but the client is for region ap-southeast-1'],
    [['--project', 'ffffffffffffffffffffffffffffffff'], `error: <function-urn> names project ${PROJECT_ID}, but the client is for project ffffffffffffffffffffffffffffffff`],
  ])('refuses %j against what the URN names, before sending (exit 2)', async (options, message) => {
    const { code, stderr } = await fixture.fgs.run(['invoke', URN, '--data', '{}', ...fixture.endpoint, ...options]);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(fixture.fake.requests).toEqual([]);
  });

  it('reaches the project the URN names, with no --project or --region', async () => {
    const { code } = await fixture.fgs.run(['config', URN, ...fixture.endpoint]);
    expect(code).toBe(0);
    expect(fixture.fake.requests.at(-1)!.projectId).toBe(PROJECT_ID);
  });
});
