/** The command line as parseArgs reads it, and its refusals as usage errors that name the option and point at help. */
import { describe, expect, it } from 'vitest';
import { firstPositional, parseCommandLine } from '../src/arguments.js';
import { commands, globalOptions } from '../src/commands/catalog.js';
import { UsageError } from '../src/exit-codes.js';

const invoke = commands.find((command) => command.name === 'invoke')!;
const invokeOptions = { ...globalOptions, ...invoke.options };

describe('firstPositional', () => {
  it.each([
    [['invoke', 'urn'], 0],
    [['--region', 'cn-north-4', 'invoke'], 2],
    [['--region=cn-north-4', 'invoke'], 1],
    [['--no-color', '-h'], -1],
    [['--timeout', '5s', '--no-color', 'records', 'urn'], 3],
    [['--', 'invoke'], 1],
    [[], -1],
  ] as const)('in %j it is at %d', (argv, index) => expect(firstPositional(argv, globalOptions)).toBe(index));
});

describe('parseCommandLine', () => {
  it('takes global options before and after the command', () => {
    const { values, positionals } = parseCommandLine(['--region', 'r1', 'urn', '--data', '{}', '--json', '--timeout=5s'], invokeOptions, 'fgs invoke');
    expect(positionals).toEqual(['urn']);
    expect(values).toMatchObject({ region: 'r1', data: '{}', json: true, timeout: '5s' });
  });

  it('reads -d as --data and "-" as a value', () => {
    expect(parseCommandLine(['urn', '-d', '-'], invokeOptions, 'fgs invoke').values.data).toBe('-');
  });

  it.each([
    [['urn', '--dat', '{}'], /^unknown option --dat for fgs invoke; did you mean --data\?$/],
    [['urn', '--frobnicate'], /^unknown option --frobnicate for fgs invoke$/],
    [['urn', '--data'], /^--data needs a value \(<json>\); a value that starts with - is written --data=<value>$/],
    [['urn', '-d'], /^--data needs a value \(<json>\)/],
    [['urn', '--logs=yes'], /^--logs takes no value$/],
    [['urn', '--wait-timeout', '-5s'], /^--wait-timeout needs a value \(<duration>\)/],
  ])('refuses %j: %s', (argv, message) => {
    const attempt = () => parseCommandLine(argv, invokeOptions, 'fgs invoke');
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(message);
    try {
      attempt();
    } catch (error) {
      expect((error as UsageError).hint).toBe('see fgs invoke --help');
      expect((error as UsageError).exitCode).toBe(2);
    }
  });
});
