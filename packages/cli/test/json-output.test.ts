/**
 * The `--json` shapes the catalog declares (`jsonOutput`, which the release gate reads as the
 * published surface) are what the commands print: each mode of each command run against the fake,
 * its output compared with the declaration. A shape changed in code but not in the catalog fails here.
 */
import { describe, expect, it } from 'vitest';
import { commands, type JsonOutput } from '../src/commands/catalog.js';
import { PROJECT_ID } from './helpers/fake-functiongraph.js';
import { URN, useFgs } from './helpers/fgs-fixture.js';

const fixture = useFgs();

/** How to run each declared mode: the arguments after the command, and any state the fake needs first. */
const runs: Record<string, Record<string, () => string[]>> = {
  invoke: {
    default: () => [URN, '--data', '{}'],
    '--async': () => [URN, '--async', '--data', '{}'],
    '--async --wait': () => {
      fixture.fake.queueAsyncRun({ statuses: ['SUCCESS'] });
      return [URN, '--async', '--wait', '--data', '{}'];
    },
  },
  records: {
    default: () => {
      fixture.fake.queueAsyncRun({ requestId: 'r-1', statuses: ['SUCCESS'] });
      return [URN];
    },
  },
  functions: {
    default: () => {
      fixture.fake.functions = [{ func_name: 'a' }, { func_name: 'b' }];
      return ['--project', PROJECT_ID];
    },
  },
  config: { default: () => [URN] },
  'async-config': {
    default: () => {
      fixture.fake.asyncConfigs.set(URN, { enable_async_status_log: true });
      return [URN];
    },
  },
  call: {
    default: () => ['showFunctionConfig', '--function-urn', URN],
    '--all': () => {
      fixture.fake.functions = [{ func_name: 'a' }];
      return ['listFunctions', '--project', PROJECT_ID];
    },
  },
};

const modes = commands.flatMap((command) => Object.entries(command.jsonOutput ?? {}).map(([mode, shape]) => [command.name, mode, shape] as const));

function expectShape(printed: unknown, shape: JsonOutput): void {
  if (shape === 'items') expect(Array.isArray(printed) && printed.length > 0).toBe(true);
  else if (shape === 'answer') expect(typeof printed === 'object' && printed !== null && !Array.isArray(printed)).toBe(true);
  else expect(Object.keys(printed as object)).toEqual(shape);
}

describe('--json prints what the catalog declares', () => {
  it('every declared mode has a run here, and every command with --json declares its modes', () => {
    expect(modes.map(([name, mode]) => `${name} ${mode}`).sort()).toEqual(Object.entries(runs).flatMap(([name, byMode]) => Object.keys(byMode).map((mode) => `${name} ${mode}`)).sort());
    expect(commands.filter((command) => 'json' in command.options && !command.jsonOutput)).toEqual([]);
  });

  it.each(modes)('fgs %s (%s)', async (name, mode, shape) => {
    // The async run of "records" must exist before records lists it.
    const args = runs[name]![mode]!();
    if (name === 'records') await fixture.fgs.run(['invoke', URN, '--async', '--data', '{}', ...fixture.endpoint]);
    const modeFlags = mode === 'default' ? [] : mode.split(' ').filter((flag) => !args.includes(flag));
    const { code, stdout } = await fixture.fgs.run([name, ...args, ...modeFlags, '--json', ...fixture.endpoint]);
    expect(code).toBe(0);
    expectShape(JSON.parse(stdout), shape);
  });
});
