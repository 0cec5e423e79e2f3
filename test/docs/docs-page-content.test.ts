/**
 * What the built API reference page (packages/docs/dist/index.html) shows beyond the spec, read
 * from the spec Redoc embeds in it: every operation with its TypeScript and curl samples, the
 * paginators, the deprecation notes and successor links, the landing sections, authentication,
 * the error codes and the server choice, against generated/openapi.json and the client.
 */
import { CREDENTIAL_VARIABLES, operationDescriptors } from '@fgs-openapi/client';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUNCTION_CONTEXT } from '../../packages/docs/scripts/samples/auth-samples.js';
import { CONVENIENCES } from '../../packages/docs/scripts/samples/conveniences.js';
import { embeddedJson, errorCodesOf, operationsOf, readBuiltPage, repoRoot } from './helpers/built-page.js';

const OPERATION_PATH = '/v2/{project_id}/fgs/functions/{function_urn}/reserved-invocations';
const OPERATION_SUMMARY = 'Execute a function asynchronously and return a reserved instance ID';

let html: string;

beforeAll(() => {
  html = readBuiltPage();
});

describe('API reference page (packages/docs)', () => {
  it('has a title and documents the deprecated operation', () => {
    // Boolean checks: on failure, toContain would print the whole page.
    expect(/<title>([^<]*)<\/title>/.exec(html)?.[1]).toBe(
      'FunctionGraph Function Invocation API reference',
    );
    expect(html.includes(OPERATION_SUMMARY), 'summary in page').toBe(true);
    expect(html.includes(OPERATION_PATH), 'path in page').toBe(true);

    const definition = embeddedJson(html, '__redoc_definition');
    const operation = definition.paths?.[OPERATION_PATH]?.post;
    expect(operation?.summary).toBe(OPERATION_SUMMARY);
    expect(operation?.deprecated).toBe(true);
    expect(operation?.description).toContain('**Deprecated.**');
  });

  it('has every operation of the spec, with its summary and path in the prerendered page', () => {
    const spec = JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));
    const ids = operationsOf(spec).map(([, , op]) => op.operationId);
    // The five of the invocation family and the deprecated one, at least.
    expect(ids).toEqual(expect.arrayContaining([
      'invokeFunction', 'asyncInvokeFunction', 'listAsyncInvocations', 'listActiveAsyncInvocations', 'cancelAsyncInvocation', 'asyncInvokeReservedFunction',
    ]));
    for (const [path, , op] of operationsOf(spec)) {
      expect(html.includes(op.summary), `summary of ${op.operationId} in page`).toBe(true);
      expect(html.includes(path), `path of ${op.operationId} in page`).toBe(true);
    }
  });
});

describe('what the page shows beyond the spec (the docs copy built by packages/docs/scripts)', () => {
  // The operations as generated/ has them: the docs copy must cover each, whatever their number.
  const generated = JSON.parse(readFileSync(join(repoRoot, 'generated/openapi.json'), 'utf8'));
  const operations = operationsOf(generated);
  let definition: any;
  let description: string;

  beforeAll(() => {
    definition = embeddedJson(html, '__redoc_definition');
    description = definition.info.description;
  });

  it('is generated/openapi.json with only code samples, the landing text and the deprecation notes added', () => {
    const stripped = structuredClone(definition);
    delete stripped.info.description;
    for (const [, , operation] of operationsOf(stripped)) {
      delete operation['x-codeSamples'];
      if (operation.deprecated) {
        // What the docs build adds to a deprecated operation, checked in its own test below.
        expect(operation['x-badges']).toEqual([{ name: 'Deprecated' }]);
        delete operation['x-badges'];
        if (operation['x-successor']) operation.description = operation.description.replace(/^> \*\*Deprecated: use .*\n\n/, '');
      }
    }
    const original = structuredClone(generated);
    delete original.info.description;
    // Boolean check: on failure, toEqual would print both specs in full.
    expect(JSON.stringify(stripped) === JSON.stringify(original), 'docs copy differs from generated/openapi.json').toBe(true);
    // The spec's own description is kept, in front.
    expect(description.startsWith(generated.info.description.trimEnd())).toBe(true);
  });

  it('the reference list names the paginator of each list operation (x-paging), and of no other', () => {
    const paged = operations.filter(([, , op]) => op['x-paging']);
    expect(paged.length).toBeGreaterThan(0);
    for (const [, , op] of operations) {
      const line = description.split('\n').find((l) => l.includes(`client method \`${op.operationId}\``)) ?? '';
      if (op['x-paging']) expect(line).toContain(`client.paginate.${op.operationId}(input, { maxItems })`);
      else expect(line).not.toContain('client.paginate');
    }
  });

  it('a deprecated operation opens with a link to its successor, an operation on the page', () => {
    const deprecated = operations.filter(([, , op]) => op.deprecated);
    expect(deprecated.length).toBeGreaterThan(0);
    for (const [path, method, op] of deprecated) {
      const successor = op['x-successor'];
      expect(successor, `${op.operationId} names no successor`).toBeDefined();
      const target = generated.paths[successor.path]?.[successor.method];
      expect(target?.operationId, `${op.operationId}'s successor is not in the spec`).toBe(successor.operationId);
      expect(target.deprecated).not.toBe(true);
      const shown = definition.paths[path][method].description as string;
      expect(shown.startsWith(`> **Deprecated: use [${target.summary}](#operation/${successor.operationId}) instead**`), shown.slice(0, 200)).toBe(true);
      // The landing section's list says it too.
      expect(description).toContain(`client method \`${op.operationId}\` (deprecated; use [\`${successor.operationId}\`](#operation/${successor.operationId}))`);
    }
  });

  it('has operations to check', () => {
    expect(operations.length).toBeGreaterThan(0);
  });

  it.each(operations.map(([path, method, op]) => [`${method.toUpperCase()} ${path}`, path, method, op]))(
    '%s has a TypeScript sample with the client and a curl sample',
    (_, path, method, op) => {
      const samples = definition.paths[path][method]['x-codeSamples'];
      expect(samples?.map((s: any) => `${s.lang} / ${s.label}`)).toEqual(['TypeScript / @fgs-openapi/client', 'Shell / curl']);
      const [typescript, curl] = samples;
      expect(typescript.source).toMatch(/^import \{ createFunctionGraphClient\b.*\} from '@fgs-openapi\/client';$/m);
      // `client.invokeFunction<FunctionResult>(` takes a type argument; the others none.
      expect(typescript.source).toMatch(new RegExp(`await client\\.${op.operationId}(<\\w+>)?\\(`));
      expect(typescript.source).toContain('token: process.env.HUAWEICLOUD_TOKEN!');
      expect(curl.source.startsWith(`curl -X ${method.toUpperCase()} '`)).toBe(true);
      expect(curl.source).toContain('$HUAWEICLOUD_TOKEN');
      // Every static segment of the path is in the URL; the templated ones hold examples.
      for (const segment of path.split('/').filter((s: string) => s && !s.startsWith('{'))) {
        expect(curl.source).toContain(`/${segment}`);
      }
      expect(curl.source).not.toMatch(/\{[a-z_]+\}/i);
      // Every parameter curl sends is in the TypeScript call under the client's name for it (or
      // says that the client sends it anyway), never under its wire name.
      const descriptor = (operationDescriptors as Record<string, any>)[op.operationId];
      for (const parameter of descriptor.parameters) {
        if (parameter.clientDefault) continue;
        const sent = parameter.in === 'query'
          ? new RegExp(`[?&]${parameter.name}=`).test(curl.source)
          : parameter.in === 'header' && curl.source.includes(`-H '${parameter.name}: `);
        if (parameter.in === 'path' || sent) {
          expect(typescript.source, `${op.operationId}: ${parameter.name} as ${parameter.input}`).toMatch(
            new RegExp(`^\\s*(// )?${parameter.input}\\b[:,]`, 'm'),
          );
        }
        if (parameter.in === 'query' || parameter.in === 'header') {
          if (parameter.name !== parameter.input) expect(typescript.source).not.toMatch(new RegExp(`['\\s]${parameter.name}['"]?:`));
        }
      }
      // What the tests type-check is what the page shows.
      const file = join(repoRoot, 'packages/docs/build/samples', `${op.operationId}.ts`);
      expect(readFileSync(file, 'utf8')).toBe(typescript.source);
    },
  );

  it.each(Object.entries(CONVENIENCES))("%s's sample reads its answer as the client's convenience does", (id, convenience) => {
    const found = operations.find(([, , op]) => op.operationId === id);
    expect(found, `${id} is named in samples/conveniences.ts but is not an operation`).toBeDefined();
    const [path, method] = found!;
    const source: string = definition.paths[path][method]['x-codeSamples'][0].source;
    if (convenience.kind === 'sync-result') {
      // The result type comes from the spec's example and is passed as the type argument.
      expect(source).toMatch(new RegExp(`^interface FunctionResult \\{$`, 'm'));
      expect(source).toContain(`await client.${id}<FunctionResult>(`);
      expect(source).toContain('run.json?.');
      expect(source).toContain('run.functionError');
      expect(source).toContain('run.log');
    } else {
      expect(source).toContain(`const requestId = await client.${id}(`);
      expect(source).toContain(`await ${convenience.waiter.name}(client, { functionUrn, requestId }`);
      expect(source).toContain(`error instanceof ${convenience.waiter.runError}`);
    }
    expect(description).toContain(convenience.note);
  });

  it('opens with what the API and the client are, how to install it, a first call and the reference', () => {
    expect(description).toContain('# About this API and client');
    expect(description).toContain('npm install @fgs-openapi/client');
    const firstCall = /^```ts\n([\s\S]*?)^```$/m.exec(description)?.[1];
    const sources = operations.map(([path, method]) => definition.paths[path][method]['x-codeSamples'][0].source);
    expect(sources).toContain(firstCall);
    // The first call is an operation in use, not the deprecated one.
    const [, , first] = operations[sources.indexOf(firstCall)]!;
    expect(first.deprecated).not.toBe(true);
    for (const [, , op] of operations) expect(description).toContain(`(#operation/${op.operationId})`);
  });

  it('says how to get a token and where it goes', () => {
    expect(description).toContain('# Authentication');
    expect(description).toContain('/v3/auth/tokens');
    expect(description).toContain('X-Subject-Token');
    for (const scheme of Object.values<any>(generated.components?.securitySchemes ?? {})) {
      if (scheme.type === 'apiKey') expect(description).toContain(`\`${scheme.name}\``);
    }
  });

  it('explains both ways to authenticate when the spec offers a signing scheme: the table, when to use which, each option', () => {
    const schemes = Object.entries<any>(generated.components?.securitySchemes ?? {});
    const signing = schemes.filter(([, scheme]) => scheme['x-signing']);
    expect(signing.length, 'the spec offers AK/SK signing (x-signing)').toBeGreaterThan(0);
    const auth = description.slice(description.indexOf('# Authentication'), description.indexOf('\n# Errors'));
    // Every scheme by name, the token's header, and what signing adds to a request.
    for (const [name, scheme] of schemes) {
      expect(auth).toContain(`\`${name}\``);
      if (scheme.type === 'apiKey') expect(auth).toContain(`\`${scheme.name}\``);
    }
    for (const [, scheme] of signing) {
      const x = scheme['x-signing'];
      for (const header of [x.dateHeader, x.projectIdHeader, x.securityTokenHeader]) expect(auth).toContain(`\`${header}\``);
      expect(auth).toContain(`Authorization: ${x.algorithm} Access=<AK>`);
      expect(auth).toContain(`within ${x.clockSkewMinutes} minutes`);
      expect(auth).toContain(`401 \`${x.rejectionCode}\``);
    }
    for (const heading of ['## No configuration', '## Which one to use', '## IAM token', '## AK/SK signing', '## Calling a function from a function']) {
      expect(auth).toContain(`\n${heading}\n`);
    }
    expect(auth).toMatch(/together are refused/);
    expect(auth.replace(/\s+/g, ' ')).toContain('where there is nothing to search (a browser), without either every call fails before anything is sent, with an error naming both');
    // The chain a client with neither option uses on Node, in order, and the error when it finds nothing.
    const chain = auth.slice(auth.indexOf('## No configuration'), auth.indexOf('## Which one to use'));
    const order = ['`HUAWEICLOUD_SDK_AK`', '`~/.huaweicloud/credentials`', 'instance metadata'].map((step) => chain.indexOf(step));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!)), order.join()).toBe(true);
    expect(chain).toContain('`FunctionGraphCredentialsError`');
    for (const provider of ['credentialsFromProfile()', 'credentialsFromMetadata()', 'credentialsFromContext(context)', 'defaultCredentials(options)']) expect(chain).toContain(`\`${provider}\``);
    expect(auth).toContain('`iamToken({ region, domainName, userName, password, projectId })`');
    // The token how-to is still there.
    expect(auth).toContain('/v3/auth/tokens');
    expect(auth).toContain('X-Subject-Token');
    // What a rejected signature carries.
    for (const field of ['accessKeyId', 'date', 'signedHeaders', 'canonicalRequest', 'serverCanonicalRequest']) expect(auth).toContain(`\`${field}\``);
  });

  it('names the variables credentialsFromEnv reads as the client does', () => {
    for (const variable of Object.values(CREDENTIAL_VARIABLES)) expect(description).toContain(`\`${variable}\``);
  });

  it('shows the landing samples the tests type-check, as written', () => {
    const dir = join(repoRoot, 'packages/docs/build/landing-samples');
    const files = readdirSync(dir).filter((file) => file.endsWith('.ts')).sort();
    expect(files).toEqual(['function-to-function.ts', 'signed-client.ts']);
    for (const file of files) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(description, file).toContain(`\`\`\`ts\n${source.trimEnd()}\n\`\`\``);
    }
    const signed = readFileSync(join(dir, 'signed-client.ts'), 'utf8');
    expect(signed).toContain('...credentialsFromEnv(),');
    expect(signed).toContain('error instanceof AuthenticationError && error.signing');
    expect(signed).not.toContain('token:');
  });

  it('calls a function from a function with the context methods it says where it found', () => {
    const source = readFileSync(join(repoRoot, 'packages/docs/build/landing-samples/function-to-function.ts'), 'utf8');
    // The sample reads its own variable; credentialsFromContext calls the three key methods the page names.
    expect(source).toContain(`.${FUNCTION_CONTEXT.userData}(`);
    for (const method of [FUNCTION_CONTEXT.accessKeyId, FUNCTION_CONTEXT.secretAccessKey, FUNCTION_CONTEXT.securityToken, FUNCTION_CONTEXT.userData]) {
      expect(description).toContain(`\`${method}(`);
    }
    expect(source).toContain('createFunctionGraphClient({ credentials: credentialsFromContext(context) })');
    expect(description).toContain(`(${FUNCTION_CONTEXT.source})`);
    expect(description).toContain('functiongraph_02_0410');
    expect(description).toMatch(/Not confirmed by Huawei's table/);
  });

  it("each operation's TypeScript sample points to signing when the operation can be signed", () => {
    for (const [path, method, op] of operations) {
      const source: string = definition.paths[path][method]['x-codeSamples'][0].source;
      const signed = (operationDescriptors as Record<string, any>)[op.operationId].signing !== undefined;
      expect(/credentials: an access key pair that signs each/.test(source), op.operationId).toBe(signed);
    }
  });

  it('has a table with every known error code from x-error-codes', () => {
    const codes = errorCodesOf(generated.components?.schemas);
    expect(codes.length).toBeGreaterThan(0);
    expect(description).toContain('# Errors');
    for (const { code, status } of codes) {
      expect(description.includes(`| ${code} | ${status ?? ''} |`), `row for ${code}`).toBe(true);
    }
  });

  it('keeps the server choice and the request and response examples', () => {
    expect(definition.servers).toEqual(generated.servers);
    for (const [path, method, op] of operations) {
      expect(definition.paths[path][method].requestBody).toEqual(op.requestBody);
      expect(definition.paths[path][method].responses).toEqual(op.responses);
    }
  });
});
