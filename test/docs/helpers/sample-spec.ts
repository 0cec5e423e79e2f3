/**
 * A small spec written for the docs build's pure stages (packages/docs/scripts), with its client
 * descriptors and the docs copy built from it: more than one operation and the cases
 * FunctionGraph's own spec does not have (query, header and optional parameters, client defaults,
 * a token header of another name, no request body, no response body, a `null` answer, an error
 * body made of an `allOf`, a successor). And `bare`, a plan with only what a call needs. Shared by
 * docs-spec.test.ts, docs-landing.test.ts and docs-samples.test.ts.
 */
import type { OperationDescriptor } from '@fgs-openapi/client';
import type { CallPlan } from '../../../packages/docs/scripts/plan/call-plan.js';
import { buildDocsSpec } from '../../../packages/docs/scripts/docs-spec.js';
import type { DocsInputs } from '../../../packages/docs/scripts/read/docs-inputs.js';
import type { JsonObject } from '../../../packages/docs/scripts/read/spec-values.js';

export const spec: JsonObject = {
  openapi: '3.1.0',
  info: { title: 'Pet Store', version: '2.0.0', description: 'Pets, as a service.' },
  servers: [{ url: 'https://{env}.pets.example/api', variables: { env: { default: 'eu' } } }],
  paths: {
    '/stores/{store_id}/pets': {
      parameters: [{ $ref: '#/components/parameters/StoreId' }],
      get: {
        operationId: 'listPets',
        summary: 'List pets',
        parameters: [
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer' }, example: 20 },
          { name: 'cursor', in: 'query', required: false, schema: { type: 'string' } },
          { name: 'X-Trace', in: 'header', required: true, schema: { type: 'string' }, examples: { one: { value: "it's me" } } },
          { name: 'X-Version', in: 'header', required: false, schema: { type: 'string', enum: ['v1', 'v2'] }, example: 'v2', 'x-ms-client-name': 'version', 'x-ms-client-default': 'v2' },
          { name: 'X-Shape', in: 'header', required: false, schema: { type: 'string' }, 'x-ms-client-name': 'shape', 'x-ms-client-default': 'round' },
        ],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } },
          },
        },
      },
      post: {
        operationId: 'addPet',
        summary: 'Add a pet',
        description: 'Adds one pet.',
        deprecated: true,
        'x-successor': { operationId: 'listPets', method: 'get', path: '/stores/{store_id}/pets' },
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } } },
        },
        responses: {
          '201': {
            description: 'created',
            content: { 'application/json': { schema: { type: 'object' }, example: { 'pet-id': 'x', id: 7 } } },
          },
          default: {
            description: 'error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
    '/pets/{pet_id}/touch': {
      post: {
        operationId: 'touchPet',
        parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' }, example: 'p1' }],
        responses: { '200': { description: 'null', content: { 'application/json': { schema: { type: 'null' }, example: null } } } },
      },
    },
    '/pets/{pet_id}': {
      delete: {
        operationId: 'deletePet',
        parameters: [{ name: 'pet_id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '204': { description: 'gone' } },
      },
    },
  },
  components: {
    parameters: {
      StoreId: { name: 'store_id', in: 'path', required: true, schema: { type: 'string' }, example: 'store 9/1', 'x-client-default': true },
    },
    schemas: {
      NewPet: {
        type: 'object',
        required: ['name', 'tags'],
        properties: { name: { type: 'string', examples: ["Rex's"] }, tags: { type: 'array', items: { type: 'string' } }, age: { type: 'integer' } },
      },
      Problem: {
        allOf: [
          { type: 'object', required: ['detail'], properties: { detail: { type: 'string' } } },
          {
            type: 'object',
            properties: {
              code: { type: 'string', 'x-error-codes': [{ code: 'P2', status: 409, description: 'Taken | gone.' }, { code: 'P1', status: 400, description: 'Bad.' }] },
            },
          },
        ],
      },
    },
    securitySchemes: { petKey: { type: 'apiKey', in: 'header', name: 'X-Pet-Key', description: 'A key from the pet office.' } },
  },
};

export const descriptors: OperationDescriptor[] = [
  {
    id: 'listPets',
    method: 'get',
    path: '/stores/{store_id}/pets',
    parameters: [
      { name: 'store_id', in: 'path', input: 'storeId', required: true, clientDefault: true },
      { name: 'limit', in: 'query', input: 'limit', required: false },
      { name: 'cursor', in: 'query', input: 'cursor', required: false },
      { name: 'X-Trace', in: 'header', input: 'xTrace', required: true },
      { name: 'X-Version', in: 'header', input: 'version', required: false, sentByDefault: 'v2' },
      { name: 'X-Shape', in: 'header', input: 'shape', required: false, sentByDefault: 'round' },
    ],
    responses: [{ status: '200', mediaType: 'application/json' }],
    security: [['petKey']],
    tokenHeaders: ['X-Pet-Key'],
  },
  {
    id: 'addPet',
    method: 'post',
    path: '/stores/{store_id}/pets',
    parameters: [{ name: 'store_id', in: 'path', input: 'storeId', required: true, clientDefault: true }],
    requestBody: { mediaType: 'application/json', required: true, json: true },
    responses: [{ status: '201', mediaType: 'application/json' }],
    security: [['petKey']],
    tokenHeaders: ['X-Pet-Key'],
    deprecated: true,
    deprecation: 'addPet is deprecated; use adoptPet instead.',
  },
  {
    id: 'touchPet',
    method: 'post',
    path: '/pets/{pet_id}/touch',
    parameters: [{ name: 'pet_id', in: 'path', input: 'petId', required: true }],
    responses: [{ status: '200', mediaType: 'application/json', schemaType: 'null' }],
    security: [],
  },
  {
    id: 'deletePet',
    method: 'delete',
    path: '/pets/{pet_id}',
    parameters: [{ name: 'pet_id', in: 'path', input: 'petId', required: true }],
    responses: [{ status: '204' }],
    security: [],
  },
];
export const client: DocsInputs['client'] = {
  operations: descriptors,
  knownErrorCodes: { P2: { status: 409, description: 'Taken | gone.' }, P1: { status: 400, description: 'Bad.' } },
  credentialVariables: { accessKeyId: 'PET_AK', secretAccessKey: 'PET_SK', securityToken: 'PET_TOKEN', projectId: 'PET_PROJECT', credentialsFile: 'PET_CREDENTIALS_FILE' },
};

export const { document, samples } = buildDocsSpec({ spec, client });
export const operation = (path: string, method: string): any => (document.paths as any)[path][method];

/** A plan with only what a call needs, for the samples' own cases. */
export function bare(operation: Partial<OperationDescriptor>, plan: Partial<CallPlan> = {}): CallPlan {
  return {
    operation: { id: 'ping', method: 'get', path: '/ping', parameters: [], responses: [], security: [], ...operation },
    summary: undefined,
    deprecation: undefined,
    server: { url: 'http://localhost/', variables: [] },
    parameters: [],
    body: undefined,
    result: undefined,
    successor: undefined,
    ...plan,
  };
}
