// The HTTP methods have one list (scripts/shared/http-methods.js); the runtime contract writes
// them as a type for client.gen.ts, which must stand alone. These hold the two together.
import { expectTypeOf, test } from 'vitest';
import type { HttpMethod as ContractHttpMethod } from '../../scripts/generator/emit/client/runtime-contract.js';
import type { HttpMethod as ModelHttpMethod } from '../../scripts/generator/model/api-model.js';
import type { httpMethods, httpMethodsWithQuery, idempotentMethods } from '../../scripts/shared/http-methods.js';

test('the contract, the model and the shared list name the same methods', () => {
  expectTypeOf<ContractHttpMethod>().toEqualTypeOf<(typeof httpMethods)[number]>();
  expectTypeOf<ModelHttpMethod>().toEqualTypeOf<(typeof httpMethods)[number]>();
});

test('query is the one method only OpenAPI 3.2 adds; the idempotent ones are among the others', () => {
  expectTypeOf<Exclude<(typeof httpMethodsWithQuery)[number], (typeof httpMethods)[number]>>().toEqualTypeOf<'query'>();
  expectTypeOf<(typeof idempotentMethods)[number]>().toExtend<(typeof httpMethods)[number]>();
});
