/**
 * functionUrn and parseFunctionUrn: table-driven cases (one row per case), then fast-check
 * properties that the two are inverse on every URN of the documented shape, including parts made
 * of odd characters the shape allows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionUrn, FunctionGraphInputError, parseFunctionUrn, type FunctionUrnParts } from '../src/index.js';

const base = { region: 'cn-south-1', projectId: '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8', name: 'thumbnail-maker' } as const;
const prefix = `urn:fss:cn-south-1:${base.projectId}:function`;

/** Catches what `run` throws, so a row can say which argument the error names. */
function thrown(run: () => unknown): FunctionGraphInputError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(FunctionGraphInputError);
    return error as FunctionGraphInputError;
  }
  throw new Error('expected a FunctionGraphInputError, but nothing was thrown');
}

/** A URN of exactly `length` code points whose project is made of astral characters (2 UTF-16 units each). */
function urnOfLength(length: number): string {
  const rest = 'urn:fss:cn-south-1::function:default:f'.length;
  return `urn:fss:cn-south-1:${'😀'.repeat(length - rest)}:function:default:f`;
}

describe('functionUrn builds the documented shape', () => {
  const rows: [string, { given: FunctionUrnParts; want: string }][] = [
    ['a version', { given: { ...base, version: 'latest' }, want: `${prefix}:default:thumbnail-maker:latest` }],
    ['an alias, written with "!"', { given: { ...base, alias: 'prod' }, want: `${prefix}:default:thumbnail-maker:!prod` }],
    ['neither: the whole function', { given: { ...base }, want: `${prefix}:default:thumbnail-maker` }],
    ['package defaults to "default"', { given: { ...base, package: undefined }, want: `${prefix}:default:thumbnail-maker` }],
    ['another package', { given: { ...base, package: 'images', version: 'v2' }, want: `${prefix}:images:thumbnail-maker:v2` }],
    ['a one-letter name', { given: { ...base, name: 'f' }, want: `${prefix}:default:f` }],
    ['a 60-character name', { given: { ...base, name: `a${'_'.repeat(58)}z` }, want: `${prefix}:default:a${'_'.repeat(58)}z` }],
    ['a name with digits, "-" and "_"', { given: { ...base, name: 'My_func-2' }, want: `${prefix}:default:My_func-2` }],
    [
      'odd characters the shape allows in project, package and version',
      { given: { ...base, projectId: "p.(1)'~*é中😀", package: 'pkg.v1@x', version: 'v1.2.3-β+build' }, want: `urn:fss:cn-south-1:p.(1)'~*é中😀:function:pkg.v1@x:thumbnail-maker:v1.2.3-β+build` },
    ],
    ['odd characters in an alias', { given: { ...base, alias: '(blue)&green' }, want: `${prefix}:default:thumbnail-maker:!(blue)&green` }],
    ['a region of one word', { given: { ...base, region: 'local' }, want: `urn:fss:local:${base.projectId}:function:default:thumbnail-maker` }],
  ];
  it.each(rows)('%s', (_, { given, want }) => {
    expect(functionUrn(given)).toBe(want);
  });

  it('accepts a URN of exactly 269 code points, counted as JSON Schema counts them (not UTF-16 units)', () => {
    const urn = urnOfLength(269);
    expect(urn.length).toBeGreaterThan(269);
    const { projectId } = parseFunctionUrn(urn);
    expect(functionUrn({ region: 'cn-south-1', projectId, name: 'f' })).toBe(urn);
  });
});

describe('functionUrn refuses, naming the part at fault', () => {
  const rows: [string, { given: FunctionUrnParts; argument: string; message?: RegExp }][] = [
    ['a name starting with a digit', { given: { ...base, name: '1func' }, argument: 'name' }],
    ['a name of 61 characters', { given: { ...base, name: 'a'.repeat(61) }, argument: 'name' }],
    ['a name ending with "-"', { given: { ...base, name: 'func-' }, argument: 'name' }],
    ['a name with "."', { given: { ...base, name: 'my.func' }, argument: 'name' }],
    ['an empty name', { given: { ...base, name: '' }, argument: 'name' }],
    ['a missing name', { given: { region: base.region, projectId: base.projectId } as FunctionUrnParts, argument: 'name' }],
    ['both version and alias', { given: { ...base, version: 'v1', alias: 'prod' }, argument: 'version', message: /alias/ }],
    ['a projectId containing ":"', { given: { ...base, projectId: 'a:b' }, argument: 'projectId' }],
    ['a projectId containing "/"', { given: { ...base, projectId: 'a/b' }, argument: 'projectId' }],
    ['a package containing ":"', { given: { ...base, package: 'x:y' }, argument: 'package' }],
    ['a package containing "/"', { given: { ...base, package: 'x/y' }, argument: 'package' }],
    ['a version containing ":"', { given: { ...base, version: '1:2' }, argument: 'version' }],
    ['a version containing "/"', { given: { ...base, version: '1/2' }, argument: 'version' }],
    ['an alias containing ":"', { given: { ...base, alias: 'a:b' }, argument: 'alias' }],
    ['an alias containing "/"', { given: { ...base, alias: 'a/b' }, argument: 'alias' }],
    ['an empty version', { given: { ...base, version: '' }, argument: 'version' }],
    // Bug: the URN would read back as the alias "prod", so the version silently became an alias.
    ['a version starting with "!" (it would read back as an alias)', { given: { ...base, version: '!prod' }, argument: 'version' }],
    ['an alias starting with "!"', { given: { ...base, alias: '!prod' }, argument: 'alias' }],
    ['a region with capitals', { given: { ...base, region: 'CN-South-1' }, argument: 'region' }],
    ['a projectId with whitespace', { given: { ...base, projectId: 'a b' }, argument: 'projectId' }],
    // The client refuses such a URN at call time (it cannot be percent-encoded), so building it helps nobody.
    ['a projectId with a lone surrogate', { given: { ...base, projectId: 'a\ud800' }, argument: 'projectId' }],
    ['a URN over 269 characters', { given: { ...base, projectId: 'p'.repeat(250) }, argument: 'functionUrn', message: /269/ }],
  ];
  it.each(rows)('%s', (_, { given, argument, message }) => {
    const error = thrown(() => functionUrn(given));
    expect(error.argument).toBe(argument);
    if (message) expect(error.message).toMatch(message);
  });

  it('refuses a non-object', () => {
    expect(thrown(() => functionUrn(null as unknown as FunctionUrnParts)).argument).toBe('functionUrn');
  });
});

describe('parseFunctionUrn splits the documented shape', () => {
  const rows: [string, { given: string; want: FunctionUrnParts }][] = [
    ['a version', { given: `${prefix}:default:thumbnail-maker:latest`, want: { ...base, package: 'default', version: 'latest' } }],
    ['an alias', { given: `${prefix}:default:thumbnail-maker:!prod`, want: { ...base, package: 'default', alias: 'prod' } }],
    ['neither', { given: `${prefix}:default:thumbnail-maker`, want: { ...base, package: 'default' } }],
    ['another package', { given: `${prefix}:images:f:v2`, want: { ...base, name: 'f', package: 'images', version: 'v2' } }],
    ['odd characters', { given: `urn:fss:eu-west-101:p.(1)'~é:function:a@b:f:v1.2-β`, want: { region: 'eu-west-101', projectId: "p.(1)'~é", package: 'a@b', name: 'f', version: 'v1.2-β' } }],
  ];
  it.each(rows)('%s', (_, { given, want }) => {
    // toStrictEqual: no `version: undefined` or `alias: undefined` keys.
    expect(parseFunctionUrn(given)).toStrictEqual(want);
  });
});

describe('parseFunctionUrn refuses what is not the documented shape, naming the part at fault as functionUrn does', () => {
  const rows: [string, { given: unknown; argument: string; message?: RegExp }][] = [
    ['not a string', { given: 42, argument: 'functionUrn' }],
    ['an empty string', { given: '', argument: 'functionUrn' }],
    ['no name', { given: `${prefix}:default`, argument: 'functionUrn' }],
    // Regression: a bad name in a URN used to get the whole pattern back, not "name".
    ['a name starting with a digit', { given: `${prefix}:default:1f`, argument: 'name', message: /^name "1f" must be 1-60 letters, digits, "-" or "_", starting with a letter/ }],
    ['a name of 61 characters', { given: `${prefix}:default:${'a'.repeat(61)}`, argument: 'name' }],
    ['a name ending with "-"', { given: `${prefix}:default:f-`, argument: 'name' }],
    ['one part too many', { given: `${prefix}:default:f:v1:extra`, argument: 'functionUrn' }],
    ['an empty qualifier', { given: `${prefix}:default:f:`, argument: 'version' }],
    ['"!" without an alias', { given: `${prefix}:default:f:!`, argument: 'alias' }],
    ['"!!alias"', { given: `${prefix}:default:f:!!prod`, argument: 'alias' }],
    ['a capitalised region', { given: `urn:fss:CN-south-1:p:function:default:f`, argument: 'region' }],
    ['another namespace', { given: `urn:xyz:cn-south-1:p:function:default:f`, argument: 'functionUrn' }],
    ['not "function"', { given: `urn:fss:cn-south-1:p:trigger:default:f`, argument: 'functionUrn' }],
    ['a "/" in the project', { given: `urn:fss:cn-south-1:a/b:function:default:f`, argument: 'projectId' }],
    ['a "%" in the project', { given: `urn:fss:cn-south-1:a%2Fb:function:default:f`, argument: 'projectId' }],
    ['a "/" in the package', { given: `urn:fss:cn-south-1:p:function:a/b:f`, argument: 'package' }],
    ['whitespace in the version', { given: `${prefix}:default:f:v 1`, argument: 'version' }],
    ['whitespace in the alias', { given: `${prefix}:default:f:!p 1`, argument: 'alias' }],
    ['270 code points', { given: urnOfLength(270), argument: 'functionUrn', message: /269/ }],
  ];
  it.each(rows)('%s', (_, { given, argument, message }) => {
    const error = thrown(() => parseFunctionUrn(given as string));
    expect(error.argument).toBe(argument);
    if (message) expect(error.message).toMatch(message);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties.

/** Characters the URN shape allows in project, package, version and alias, weighted to odd ones. */
const oddChar = fc.oneof(
  fc.constantFrom(...'!.\'()*~@&=+$,;[]"<>\\^`{|}_-'.split('')),
  fc.constantFrom('é', '中', '😀', '\u0001', '\u007f', '\u200b', '\ufffd'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
/** A URN segment other than the name: anything but ":", "/", "?", "#", "%" and whitespace. */
const segmentOf = (unit: fc.Arbitrary<string>, maxLength: number) =>
  fc.string({ unit, minLength: 1, maxLength }).filter((text) => /^[^:/?#%\s]+$/u.test(text));
const noBang = oddChar.filter((c) => c !== '!');

const partsArbitrary: fc.Arbitrary<FunctionUrnParts> = fc.record(
  {
    region: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
    projectId: segmentOf(oddChar, 40),
    name: fc.stringMatching(/^[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/),
    package: segmentOf(oddChar, 20),
    qualifier: fc.option(fc.oneof(fc.record({ version: segmentOf(noBang, 20) }), fc.record({ alias: segmentOf(noBang, 20) })), { nil: undefined }),
  },
  { requiredKeys: ['region', 'projectId', 'name'] },
).map(({ qualifier, ...parts }) => ({ ...parts, ...qualifier }));

/**
 * Counts both outcomes of an "either refused or …" property, so a build that refuses everything
 * (and never reaches the other branch) fails instead of passing vacuously.
 */
function outcomes(numRuns: number) {
  const seen = { accepted: 0, refused: 0 };
  return {
    seen,
    /** Both branches ran on a real share of the inputs (more than a twentieth of the runs each). */
    expectBoth() {
      const summary = `${seen.accepted} accepted, ${seen.refused} refused of ${numRuns}`;
      expect(seen.accepted + seen.refused, summary).toBe(numRuns);
      expect(seen.accepted, summary).toBeGreaterThan(numRuns / 20);
      expect(seen.refused, summary).toBeGreaterThan(numRuns / 20);
    },
  };
}

describe('functionUrn and parseFunctionUrn are inverse (fast-check)', () => {
  it('parseFunctionUrn(functionUrn(parts)) gives back the parts, package "default" when omitted', () => {
    fc.assert(
      fc.property(partsArbitrary, (parts) => {
        const urn = functionUrn(parts);
        expect(parseFunctionUrn(urn)).toStrictEqual({ ...parts, package: parts.package ?? 'default' });
        expect(functionUrn(parseFunctionUrn(urn))).toBe(urn);
      }),
      { numRuns: 300 },
    );
  });

  it('any parts, valid or not, are either refused with FunctionGraphInputError or built into a URN that parses back to them', () => {
    // Mostly a segment the shape allows, so that both outcomes are common (counted below).
    const anyPartOf = (unit: fc.Arbitrary<string>) =>
      fc.oneof(
        { arbitrary: segmentOf(unit, 8), weight: 4 },
        { arbitrary: fc.string({ unit: oddChar, maxLength: 8 }), weight: 1 },
        { arbitrary: fc.constantFrom('!', '!a', 'a!', ':', 'a:b'), weight: 1 },
      );
    const anyPart = anyPartOf(oddChar);
    // Mostly valid region and name, so the odd parts are what decides.
    const mostly = (valid: fc.Arbitrary<string>, invalid: fc.Arbitrary<string>) => fc.oneof({ arbitrary: valid, weight: 4 }, { arbitrary: invalid, weight: 1 });
    const anyParts = fc.record(
      {
        region: mostly(fc.constantFrom('cn-south-1', 'ap-southeast-1'), fc.oneof(fc.constantFrom('CN', '-a', 'a-'), anyPart)),
        projectId: anyPart,
        name: mostly(fc.constantFrom('f', 'my-func'), fc.oneof(fc.constantFrom('1f', 'f-'), anyPart)),
        package: anyPart,
        version: anyPartOf(noBang),
        alias: anyPartOf(noBang),
      },
      { requiredKeys: ['region', 'projectId', 'name'] },
    );
    const numRuns = 500;
    const { seen, expectBoth } = outcomes(numRuns);
    fc.assert(
      fc.property(anyParts, (parts) => {
        let urn: string;
        try {
          urn = functionUrn(parts);
        } catch (error) {
          expect(error).toBeInstanceOf(FunctionGraphInputError);
          seen.refused++;
          return;
        }
        expect(parseFunctionUrn(urn)).toStrictEqual({ ...parts, package: parts.package ?? 'default' });
        seen.accepted++;
      }),
      { numRuns },
    );
    expectBoth();
  });

  it('any string either is refused with FunctionGraphInputError or parses into parts that rebuild it exactly', () => {
    const piece = fc.oneof(segmentOf(oddChar, 6), fc.constantFrom('', '!', '!a', 'default', 'function', 'latest'), fc.string({ maxLength: 4 }));
    const urnLike = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc.tuple(fc.constantFrom('urn:fss', 'urn:fss:cn-south-1', 'urn:FSS'), fc.array(piece, { maxLength: 7 })).map(([head, rest]) => [head, ...rest].join(':')),
      partsArbitrary.map((parts) => functionUrn(parts)),
    );
    const numRuns = 500;
    const { seen, expectBoth } = outcomes(numRuns);
    fc.assert(
      fc.property(urnLike, (text) => {
        let parts: FunctionUrnParts;
        try {
          parts = parseFunctionUrn(text);
        } catch (error) {
          expect(error).toBeInstanceOf(FunctionGraphInputError);
          seen.refused++;
          return;
        }
        expect(functionUrn(parts)).toBe(text);
        seen.accepted++;
      }),
      { numRuns },
    );
    expectBoth();
  });
});
