/**
 * operation-docs.gen.ts: the spec's words for each operation and its inputs, keyed as the
 * operation descriptors are. One case per row for what an operation's entry holds; then the file
 * as a whole: its order, its keys, and that it compiles on its own.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorOf } from '../../../scripts/generator/emit/client/descriptors.js';
import { emitOperationDocs, operationDocOf } from '../../../scripts/generator/emit/operation-docs.js';
import { buildModel } from '../../../scripts/generator/model/build-model.js';
import { strictTypeErrors } from '../helpers/strict-type-errors.js';

const ok = { '200': { description: 'ok' } };

/** A 3.1 document with one operation, `POST /a/{id}` unless `path` says otherwise, and the given components. */
function doc(operation: Record<string, unknown>, components: Record<string, unknown> = {}, path = '/a/{id}') {
  return { openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: { [path]: { post: { operationId: 'op', responses: ok, ...operation } } }, components };
}

const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const jsonBody = (schema: unknown, extra: Record<string, unknown> = {}) => ({ requestBody: { content: { 'application/json': { schema } }, ...extra } });

describe('operationDocOf', () => {
  it.each([
    ['nothing written: only the (empty) parameters', { given: doc({ parameters: [idParameter] }), want: { parameters: {} } }],
    [
      'summary and description, trimmed',
      { given: doc({ summary: '  Do it \n', description: '\nDoes **it**.\n\nTwice.\n' }, {}, '/a'), want: { summary: 'Do it', description: 'Does **it**.\n\nTwice.', parameters: {} } },
    ],
    ['a blank summary is absent', { given: doc({ summary: '   ' }, {}, '/a'), want: { parameters: {} } }],
    [
      'parameters by input name: camelCase of the wire name, undescribed ones left out',
      {
        given: doc({
          parameters: [
            { ...idParameter, description: ' The id. ' },
            { name: 'page_size', in: 'query', description: 'How many.', schema: { type: 'integer' } },
            { name: 'quiet', in: 'query', schema: { type: 'boolean' } },
          ],
        }),
        want: { parameters: { id: 'The id.', pageSize: 'How many.' } },
      },
    ],
    [
      'a parameter renamed by x-ms-client-name',
      {
        given: doc({ parameters: [idParameter, { name: 'X-Log-Type', in: 'header', 'x-ms-client-name': 'logType', description: 'Log or not.', schema: { type: 'string' } }] }),
        want: { parameters: { logType: 'Log or not.' } },
      },
    ],
    [
      'a parameter whose name clashes takes its location as a prefix, as in the descriptors',
      {
        given: doc({ parameters: [{ ...idParameter, description: 'In the path.' }, { name: 'id', in: 'query', description: 'In the query.', schema: { type: 'string' } }] }),
        want: { parameters: { id: 'In the path.', queryId: 'In the query.' } },
      },
    ],
    [
      'a $ref\'d parameter, described where it is defined',
      {
        given: doc({ parameters: [idParameter, { $ref: '#/components/parameters/Limit' }] }, { parameters: { Limit: { name: 'limit', in: 'query', description: 'At most this many.', schema: { type: 'integer' } } } }),
        want: { parameters: { limit: 'At most this many.' } },
      },
    ],
    [
      'the body\'s own description, before its schema\'s',
      { given: doc(jsonBody({ type: 'object', description: 'The schema.' }, { description: ' The body. ' }), {}, '/a'), want: { parameters: {}, body: 'The body.' } },
    ],
    [
      'a body without a description: its $ref\'d schema\'s',
      {
        given: doc({ requestBody: { $ref: '#/components/requestBodies/B' } }, { requestBodies: { B: { content: { 'application/json': { schema: { $ref: '#/components/schemas/S' } } } } }, schemas: { S: { type: 'string', description: 'A name.' } } }, '/a'),
        want: { parameters: {}, body: 'A name.' },
      },
    ],
    [
      'a $ref with a description beside it: that one, not the target\'s',
      { given: doc(jsonBody({ $ref: '#/components/schemas/S', description: 'Here.' }), { schemas: { S: { type: 'string', description: 'Anywhere.' } } }, '/a'), want: { parameters: {}, body: 'Here.' } },
    ],
    ['a body with no words at all', { given: doc(jsonBody({ type: 'object', properties: { a: { type: 'string' } } }), {}, '/a'), want: { parameters: {} } }],
    [
      'body fields: every described top-level property (checked or not), $refs followed, the one beside a $ref first',
      {
        given: doc(
          jsonBody({
            type: 'object',
            required: ['name'],
            properties: {
              name: { type: 'string', description: ' Its name. ' },
              tags: { type: 'array', items: { type: 'string' }, description: 'Free tags.' },
              level: { $ref: '#/components/schemas/Level' },
              size: { $ref: '#/components/schemas/Level', description: 'Its size.' },
              quiet: { type: 'boolean' },
              nested: { type: 'object', properties: { deep: { type: 'string', description: 'Not top-level.' } } },
            },
          }),
          { schemas: { Level: { type: 'string', enum: ['low', 'high'], description: 'A level.' } } },
          '/a',
        ),
        want: { parameters: {}, bodyFields: { name: 'Its name.', tags: 'Free tags.', level: 'A level.', size: 'Its size.' } },
      },
    ],
    [
      'no body fields for a body that is not an object',
      { given: doc(jsonBody({ type: 'array', items: { type: 'object', properties: { a: { type: 'string', description: 'A.' } } } }), {}, '/a'), want: { parameters: {} } },
    ],
  ])('%s', (_, { given, want }) => {
    const [operation] = buildModel(given).operations;
    expect(operationDocOf(operation!)).toStrictEqual(want);
  });

  it('names parameters exactly as the descriptors do', () => {
    const model = buildModel(
      doc({
        parameters: [
          { ...idParameter, description: 'a' },
          { name: 'id', in: 'query', description: 'b', schema: { type: 'string' } },
          { name: 'X-Request-Version', in: 'header', description: 'c', schema: { type: 'string' } },
          { name: 'X-Log', in: 'header', 'x-ms-client-name': 'logType', description: 'd', schema: { type: 'string' } },
        ],
      }),
    );
    const [operation] = model.operations;
    expect(Object.keys(operationDocOf(operation!).parameters)).toEqual(descriptorOf(operation!, model).parameters.map((parameter) => parameter.input));
  });
});

describe('emitOperationDocs', () => {
  const model = buildModel({
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    paths: {
      '/b': { get: { operationId: 'list-all b', summary: 'It\'s */ all', responses: ok } },
      '/a': { post: { responses: ok, ...jsonBody({ type: 'object', properties: { 'the-name': { type: 'string', description: 'Line one.\nLine two.' } } }) } },
    },
  });
  const text = emitOperationDocs(model, '// Generated. Do not edit.\n');

  it('keys the operations by operationId, as operationDescriptors does, in the client\'s order', () => {
    expect(text).toContain("export const operationDocs: { readonly [id: string]: OperationDoc } = {\n  'list-all b': {\n    summary: 'It\\'s */ all',\n    parameters: {},\n  },\n  postA: {");
    expect(text).toContain("bodyFields: {\n      'the-name': 'Line one.\\nLine two.',\n    },");
  });

  it('starts with the header, imports nothing and writes no undefined', () => {
    expect(text.startsWith('// Generated. Do not edit.\n\n/** The words the spec gives an operation and its inputs, for help texts; no runtime needs them. */\nexport interface OperationDoc {')).toBe(true);
    expect(text).not.toMatch(/^\s*import\b/m);
    expect(text).not.toContain('undefined');
  });

  it('compiles on its own under strict TypeScript, with no operations too', { timeout: 60_000 }, async () => {
    const scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-operation-docs-'));
    try {
      const empty = emitOperationDocs(buildModel({ openapi: '3.1.0', info: { title: 'T', version: '1' }, paths: {} }), '// Generated.\n');
      expect(empty).toContain('export const operationDocs: { readonly [id: string]: OperationDoc } = {};');
      await writeFile(path.join(scratch, 'some.gen.ts'), text);
      await writeFile(path.join(scratch, 'none.gen.ts'), empty);
      expect(strictTypeErrors([path.join(scratch, 'some.gen.ts'), path.join(scratch, 'none.gen.ts')], scratch)).toEqual([]);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
