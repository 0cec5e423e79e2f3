/**
 * The setup every fgs test file shares: the installed `fgs` with its own HOME (run-fgs.ts) and a
 * fake FunctionGraph (fake-functiongraph.ts), started once per file, reset before each test. After
 * each test, every request the fake received must have passed the signature check, unless the test
 * said it sends refused ones (`expectRefusedSignatures`).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { startFakeFunctionGraph, urnOf, type FakeFunctionGraph } from './fake-functiongraph.js';
import { fgsRunner, type FgsRunner } from './run-fgs.js';

export interface FgsFixture {
  readonly fake: FakeFunctionGraph;
  readonly fgs: FgsRunner;
  /** `--endpoint <the fake>`. */
  readonly endpoint: readonly string[];
  /** `invoke <urn> --endpoint <the fake> …rest`. */
  invoke(...rest: string[]): string[];
  /** This test sends requests whose signature the fake refuses. */
  expectRefusedSignatures(): void;
}

export const URN = urnOf('hello', 'latest');

export function useFgs(): FgsFixture {
  let fake: FakeFunctionGraph | undefined;
  let fgs: FgsRunner | undefined;
  let refusalsExpected = false;
  beforeAll(async () => {
    [fake, fgs] = await Promise.all([startFakeFunctionGraph(), fgsRunner()]);
  }, 180_000);
  beforeEach(() => {
    fake!.reset();
    refusalsExpected = false;
  });
  afterEach(() => {
    if (refusalsExpected) return;
    const refused = fake!.requests.filter((request) => !request.verdict.accepted).map((request) => `${request.method} ${request.path}: ${request.verdict.reason}`);
    expect(refused, 'requests whose signature the fake refused').toEqual([]);
  });
  afterAll(async () => {
    await fake?.close();
    fgs?.close();
  });
  const fixture: FgsFixture = {
    get fake() {
      return fake!;
    },
    get fgs() {
      return fgs!;
    },
    get endpoint() {
      return ['--endpoint', fake!.url];
    },
    invoke: (...rest) => ['invoke', URN, '--endpoint', fake!.url, ...rest],
    expectRefusedSignatures() {
      refusalsExpected = true;
    },
  };
  return fixture;
}
