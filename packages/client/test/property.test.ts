/**
 * Path parameters can never change the route (fast-check, against a real loopback server).
 * For any projectId and functionUrn, a call either is refused with FunctionGraphInputError before
 * anything is sent, or arrives at exactly `/v2/<p>/fgs/functions/<u>/reserved-invocations`: six
 * segments, whose percent-decoding gives back exactly the strings passed. And a value the spec's
 * rules accept is never refused.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFunctionGraphClient, createRawClient, FunctionGraphInputError, operationDescriptors } from '../src/index.js';
import { startLoopbackServer, type LoopbackServer } from './helpers/loopback-server.js';

const NUM_RUNS = 200;
const INSTANCE_ID = '00000000-0000-4000-8000-000000000000';
const ROUTE = '/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations';

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

// ---------------------------------------------------------------------------------------------
// Inputs.

/** Characters that are legal in a URN part but odd on the wire: sub-delims, quotes, controls, non-ASCII. */
const oddChar = fc.oneof(
  fc.constantFrom(...'!.\'()*~@&=+$,;[]"<>\\^`{|}_-'.split('')),
  fc.constantFrom('é', '中', '😀', '\u0000', '\u0001', '\u007f', '\u0085', '\u200b', '\ufeff', '\ufffd'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const allowedPart = (maxLength: number) => fc.string({ unit: oddChar, minLength: 1, maxLength }).filter((text) => /^[^:/?#%\s]+$/u.test(text));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
/** Strings built to break a path: separators, dot segments, encoded separators, whitespace, lone surrogates. */
const nasty = fc.oneof(
  fc.constantFrom('.', '..', '%2e', '%2E%2e', '%2F', '%252F', 'a/b', '../x', '/', '?', 'a?b=c', '#', 'a#b', ' ', 'a b', '\t', '\n', '\u00a0', '\u2028', '\ufeff', '\\', 'a\\..\\b', '%', '%zz', ':'),
  fc.tuple(allowedPart(6), loneSurrogate, fc.string({ maxLength: 3 })).map((parts) => parts.join('')),
  fc.array(fc.oneof(allowedPart(4), fc.constantFrom('/', '.', '..', '%', '?', '#', ' ', ':', '%2F')), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
);
const anyString = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.string({ unit: oddChar }));

const dotSegment = fc.constantFrom('.', '..');
const projectIdArbitrary = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), allowedPart(40), anyString, nasty, dotSegment);

/** A URN of the documented shape, built here (not with functionUrn) from parts full of odd allowed characters. */
const shapedUrn = fc
  .record({
    region: fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}$/),
    project: allowedPart(40),
    package: allowedPart(20),
    name: fc.stringMatching(/^[A-Za-z]([A-Za-z0-9_-]{0,58}[A-Za-z0-9])?$/),
    qualifier: fc.oneof(fc.constant(''), allowedPart(20).filter((v) => !v.includes('!')).map((v) => `:${v}`), allowedPart(20).filter((v) => !v.includes('!')).map((v) => `:!${v}`)),
  })
  .map((p) => `urn:fss:${p.region}:${p.project}:function:${p.package}:${p.name}${p.qualifier}`);
/** A shaped URN with something spliced in at a random place. */
const brokenUrn = fc.tuple(shapedUrn, fc.nat(), fc.oneof(nasty, fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }))).map(([urn, at, insert]) => {
  const i = at % (urn.length + 1);
  return `${urn.slice(0, i)}${insert}${urn.slice(i)}`;
});
const functionUrnArbitrary = fc.oneof(shapedUrn, shapedUrn, brokenUrn, anyString, nasty, dotSegment);

/** The project a URN names, read as the client reads it; undefined when it names none. */
function projectOf(urn: string): string | undefined {
  const [scheme, service, region, project, kind] = urn.split(':');
  return scheme === 'urn' && service === 'fss' && region && project && kind === 'function' ? project : undefined;
}

/** A URN with its project part replaced (unchanged when it names no project). */
function withProject(urn: string, projectId: string): string {
  if (projectOf(urn) === undefined) return urn;
  const parts = urn.split(':');
  parts[3] = projectId;
  return parts.join(':');
}

/** A projectId the spec's rules accept (odd allowed characters included): built to be sent. */
const validProjectId = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), allowedPart(40));

/**
 * Pairs whose two outcomes are both common. Half the runs build a pair meant to be accepted: a valid
 * projectId and a shaped URN naming that project (since URNs must match their project, a random
 * pair almost never agrees). The other half take anything, the URN naming the projectId's project
 * half of those times; most of these are refused. Whether each run must be sent or refused is still
 * decided by the spec's rules, not by the branch that built it.
 */
const agreeingPair = (urns: fc.Arbitrary<string>) =>
  fc.oneof(
    fc.tuple(validProjectId, shapedUrn).map(([projectId, urn]): [string, string] => [projectId, withProject(urn, projectId)]),
    fc.tuple(projectIdArbitrary, urns, fc.boolean()).map(([projectId, urn, agree]): [string, string] => [projectId, agree ? withProject(urn, projectId) : urn]),
  );

// ---------------------------------------------------------------------------------------------
// What the spec says is valid: the runtime must accept exactly these (`.`/`..` aside).

/** No lone surrogates (String#isWellFormed is newer than this repo's lib setting). */
function wellFormed(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

const parameters = operationDescriptors.asyncInvokeReservedFunction.parameters;
function specAccepts(input: 'projectId' | 'functionUrn', value: string): boolean {
  const rules = parameters.find((p) => p.input === input)!.rules as { minLength?: number; maxLength?: number; pattern?: string };
  const length = [...value].length;
  return (
    wellFormed(value) &&
    value !== '.' &&
    value !== '..' &&
    length >= (rules.minLength ?? 0) &&
    length <= (rules.maxLength ?? Infinity) &&
    (rules.pattern === undefined || new RegExp(rules.pattern, 'u').test(value))
  );
}

// ---------------------------------------------------------------------------------------------
// The check every property makes of one call.

/** Asserts what the server saw: one request, at the route, with each segment decoding to its input. */
function expectRoute(projectId: string, functionUrn: string): void {
  expect(server.requests).toHaveLength(1);
  const [request] = server.requests;
  expect(request!.method).toBe('POST');
  const segments = request!.url.split('/').slice(1);
  expect(segments).toHaveLength(6);
  const [v2, p, fgs, functions, u, tail] = segments as [string, string, string, string, string, string];
  expect([v2, fgs, functions, tail]).toEqual(['v2', 'fgs', 'functions', 'reserved-invocations']);
  expect(decodeURIComponent(p)).toBe(projectId);
  expect(decodeURIComponent(u)).toBe(functionUrn);
}

/** How often each outcome happened in the current property, so a test can check both were exercised. */
const seen = { sent: 0, refused: 0 };
beforeEach(() => {
  seen.sent = 0;
  seen.refused = 0;
});

/** Runs `call`; on refusal checks it is an input error and nothing was sent. Returns whether it was sent. */
async function outcome(call: () => Promise<unknown>): Promise<'sent' | 'refused'> {
  server.reset();
  try {
    await call();
    seen.sent++;
    return 'sent';
  } catch (error) {
    if (!(error instanceof FunctionGraphInputError)) throw error;
    expect(server.requests).toHaveLength(0);
    seen.refused++;
    return 'refused';
  }
}

/** The generators must reach both outcomes often, or the property proves little. */
function expectBothOutcomesExercised(): void {
  expect(seen.sent, `${seen.sent} sent, ${seen.refused} refused`).toBeGreaterThan(NUM_RUNS / 10);
  expect(seen.refused, `${seen.sent} sent, ${seen.refused} refused`).toBeGreaterThan(NUM_RUNS / 10);
}

describe('createFunctionGraphClient: path parameters never change the route', () => {
  it('projectId and functionUrn per call: refused before sending, or sent to exactly the route', async () => {
    const client = createFunctionGraphClient({ baseUrl: server.url, token: 'fake', maxRetries: 0 });
    await fc.assert(
      fc.asyncProperty(agreeingPair(functionUrnArbitrary), async ([projectId, functionUrn]) => {
        const result = await outcome(async () => {
          const data = await client.asyncInvokeReservedFunction({ projectId, functionUrn, body: {} });
          expect(data.instance_id).toBe(INSTANCE_ID);
        });
        if (result === 'sent') expectRoute(projectId, functionUrn);
        // Refusing is allowed only for what the spec's rules refuse, and for a URN of another project.
        const accepted = specAccepts('projectId', projectId) && specAccepts('functionUrn', functionUrn) && projectOf(functionUrn) === projectId;
        expect(result).toBe(accepted ? 'sent' : 'refused');
      }),
      { numRuns: NUM_RUNS },
    );
    expectBothOutcomesExercised();
  });

  it('projectId as a client option: refused at construction or per call, or sent to exactly the route', async () => {
    await fc.assert(
      fc.asyncProperty(agreeingPair(shapedUrn), async ([projectId, functionUrn]) => {
        const result = await outcome(async () => {
          const client = createFunctionGraphClient({ baseUrl: server.url, token: 'fake', maxRetries: 0, projectId });
          await client.asyncInvokeReservedFunction({ functionUrn, body: {} });
        });
        if (result === 'sent') expectRoute(projectId, functionUrn);
        const accepted = specAccepts('projectId', projectId) && specAccepts('functionUrn', functionUrn) && projectOf(functionUrn) === projectId;
        expect(result).toBe(accepted ? 'sent' : 'refused');
      }),
      { numRuns: NUM_RUNS },
    );
    expectBothOutcomesExercised();
  });
});

describe('createRawClient: path parameters never change the route', () => {
  it('any projectId and functionUrn: refused before sending, or sent to exactly the route', async () => {
    const raw = createRawClient({ baseUrl: server.url, token: 'fake' });
    await fc.assert(
      fc.asyncProperty(projectIdArbitrary, functionUrnArbitrary, async (projectId, functionUrn) => {
        const result = await outcome(async () => {
          const { data, response } = await raw.POST(ROUTE, { params: { path: { project_id: projectId, function_urn: functionUrn } }, body: {} });
          expect(response.status).toBe(202);
          expect(data?.instance_id).toBe(INSTANCE_ID);
        });
        if (result === 'sent') {
          expectRoute(projectId, functionUrn);
          expect(server.requests[0]!.headers['x-auth-token']).toBe('fake');
        }
        // The raw client applies no spec rules, only what keeps the route intact.
        const routeSafe = (value: string) => value !== '' && value !== '.' && value !== '..' && wellFormed(value);
        expect(result).toBe(routeSafe(projectId) && routeSafe(functionUrn) ? 'sent' : 'refused');
      }),
      { numRuns: NUM_RUNS },
    );
    expectBothOutcomesExercised();
  });
});
