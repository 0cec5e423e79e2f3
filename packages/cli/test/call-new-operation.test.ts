/**
 * `fgs call` offers an operation added to the spec with no change to the command line: a copy of
 * spec/ gains `listFunctionVersions` (a query parameter with allowed values and a description, a
 * JSON answer), the generator writes a generated/ folder for it in a temporary folder, and the
 * unchanged packages/cli/src and packages/client/src are bundled with that folder in place of
 * generated/. The bundle then runs as `fgs` does, as a child process: its help lists and describes
 * the operation, a call reaches a loopback server, and a value outside the allowed ones is refused
 * before anything is sent. Nothing is written inside the repository.
 */
import { execFile, spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { lintWithCli } from '../../../test/lint/helpers/redocly-cli.js';

const repo = path.resolve(import.meta.dirname, '../../..');
const projectId = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
const functionUrn = `urn:fss:cn-south-1:${projectId}:function:default:thumbnail-maker`;
const versionsAnswer = { versions: [{ version: 'v2', description: 'second' }, { version: 'v1', description: 'first' }] };

/** The new operation, in our conventions: shared components by $ref, client names, examples, documented errors. */
const newOperation = `parameters:
  - $ref: ../components/parameters/ProjectId.yaml
  - $ref: ../components/parameters/FunctionUrn.yaml
get:
  operationId: listFunctionVersions
  tags:
    - Function Invocation
  summary: List the versions of a function
  description: |
    Lists the versions published from the function, newest or oldest first. (A test operation:
    packages/cli/test/call-new-operation.test.ts adds it to a copy of the spec.)
  security:
    - iamToken: []
    - akskSignature: []
  parameters:
    - name: sort_order
      in: query
      required: false
      description: Whether the newest or the oldest version comes first.
      schema:
        type: string
        enum:
          - newest-first
          - oldest-first
      example: newest-first
      x-ms-client-name: sortOrder
  responses:
    '200':
      description: OK. The function's versions.
      content:
        application/json:
          schema:
            type: object
            properties:
              versions:
                type: array
                description: The versions, in the order asked for.
                items:
                  type: object
                  properties:
                    version:
                      type: string
                      description: The version's name.
                      examples:
                        - v1
                    description:
                      type: string
                      description: What its publisher wrote about it.
                      examples:
                        - first
          example:
            versions:
              - version: v1
                description: first
    '403':
      $ref: ../components/responses/Forbidden.yaml
    '404':
      $ref: ../components/responses/NotFound.yaml
    '500':
      $ref: ../components/responses/InternalServerError.yaml
    default:
      $ref: ../components/responses/GatewayError.yaml
`;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

let scratch: string;
let fgs: string;
let server: Server;
let baseUrl: string;
const seen: SeenRequest[] = [];

/** What git sees of the folders the generator writes by default and the test copies from: the same before and after. */
function repositoryState(): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', ['status', '--porcelain', '--untracked-files=all', '--', 'generated', 'spec'], { cwd: repo }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}
let stateBefore: string;
/** Every file the test wrote: the copied spec, the generator's output, the bundle. */
const written: string[] = [];

function runNode(args: string[], cwd = repo): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** The built `fgs` as a user runs it: fake keys in the environment, a HOME of its own, stdin closed, no colour. */
function runFgs(args: string[]): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: path.join(scratch, 'home'),
    HUAWEICLOUD_SDK_AK: 'FAKEACCESSKEY0000001',
    HUAWEICLOUD_SDK_SK: 'fake-secret-key-for-a-loopback-server',
    NO_COLOR: '1',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fgs, ...args], { cwd: scratch, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Imports of `…/generated/<file>.js` resolved to the temporary generated folder's `<file>.ts`. */
function generatedFrom(folder: string): Plugin {
  return {
    name: 'generated-from-temp',
    setup(plugin) {
      plugin.onResolve({ filter: /\/generated\/[^/]+\.js$/ }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        if (path.dirname(target) !== path.join(repo, 'generated')) return undefined;
        return { path: path.join(folder, path.basename(target).replace(/\.js$/, '.ts')) };
      });
    },
  };
}

beforeAll(async () => {
  stateBefore = await repositoryState();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fgs-call-new-operation-'));
  await mkdir(path.join(scratch, 'home'));

  // The spec, copied, with one operation more.
  const spec = path.join(scratch, 'spec');
  await cp(path.join(repo, 'spec'), spec, { recursive: true });
  await writeFile(path.join(spec, 'paths', 'function-versions.yaml'), newOperation);
  const root = parseDocument(await readFile(path.join(spec, 'openapi.yaml'), 'utf8'));
  root.setIn(['paths', '/v2/{project_id}/fgs/functions/{function_urn}/versions'], root.createNode({ $ref: 'paths/function-versions.yaml' }));
  await writeFile(path.join(spec, 'openapi.yaml'), root.toString());

  const [lint, generated] = await Promise.all([
    lintWithCli([path.join(spec, 'openapi.yaml')], 60_000),
    runNode([path.join(repo, 'scripts/run.mjs'), 'generate', '--spec', path.join(spec, 'openapi.yaml'), '--out', path.join(scratch, 'generated')]),
  ]);
  expect(lint.exitCode, lint.output).toBe(0);
  expect(generated, 'the generator refused the spec').toMatchObject({ code: 0, stderr: '' });

  // The command line as it is, on the client as it is, with that generated/ folder.
  fgs = path.join(scratch, 'bin', 'fgs.mjs');
  const bundle = await build({
    metafile: true,
    entryPoints: [path.join(repo, 'packages/cli/src/fgs.ts')],
    outfile: fgs,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    alias: { '@fgs-openapi/client': path.join(repo, 'packages/client/src/index.ts') },
    plugins: [generatedFrom(path.join(scratch, 'generated'))],
  });
  written.push(spec, path.join(scratch, 'generated'), ...Object.keys(bundle.metafile.outputs).map((file) => path.resolve(file)));

  server = createServer((request, response) => {
    seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume().on('end', () => {
      const body = JSON.stringify(versionsAnswer);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-cff-request-id': 'req-versions-1' });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('fgs call, built on a spec with an operation more', () => {
  it('lists the new operation with its summary', async () => {
    const { code, stdout } = await runFgs(['call', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}listFunctionVersions +List the versions of a function$/m);
    // The operations already there are still listed.
    expect(stdout).toMatch(/^ {2}listFunctions +List functions$/m);
  });

  it("shows the operation's flags in kebab-case, with the spec's words and the allowed values", async () => {
    const { code, stdout } = await runFgs(['call', 'listFunctionVersions', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('fgs call listFunctionVersions: List the versions of a function');
    expect(stdout).toContain('GET /v2/{project_id}/fgs/functions/{function_urn}/versions');
    expect(stdout).toContain('Lists the versions published from the function, newest or oldest first.');
    expect(stdout).toMatch(/^ {2}--function-urn <function-urn> +Required\. Sent as the path parameter function_urn\./m);
    const sortOrder = /^ {2}--sort-order newest-first\|oldest-first\n?\s+([\s\S]*?)(?=\n {2}--|\n\n)/m.exec(stdout);
    expect(sortOrder, stdout).not.toBeNull();
    expect(sortOrder![1]!.replace(/\s+/g, ' ')).toBe(
      'Sent as the query parameter sort_order. Whether the newest or the oldest version comes first. Must be one of newest-first, oldest-first.',
    );
  });

  it('sends the request the flags describe and prints the JSON answer on stdout', async () => {
    seen.length = 0;
    const { code, stdout, stderr } = await runFgs(['call', 'listFunctionVersions', '--function-urn', functionUrn, '--sort-order', 'oldest-first', '--endpoint', baseUrl]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toEqual(versionsAnswer);
    expect(stdout).toBe(`${JSON.stringify(versionsAnswer)}\n`); // piped: one line
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url).toBe(`/v2/${projectId}/fgs/functions/${functionUrn}/versions?sort_order=oldest-first`);
    // Signed with the keys from the environment: the default chain, no key on the command line.
    expect(seen[0]!.headers.authorization).toMatch(/^SDK-HMAC-SHA256 Access=FAKEACCESSKEY0000001, /);
  });

  it('prints status, request id, headers and data with --json', async () => {
    const { code, stdout } = await runFgs(['call', 'listFunctionVersions', '--function-urn', functionUrn, '--endpoint', baseUrl, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ status: 200, requestId: 'req-versions-1', data: versionsAnswer });
  });

  it('refuses a value outside the allowed ones with exit 2, before sending', async () => {
    seen.length = 0;
    const { code, stdout, stderr } = await runFgs(['call', 'listFunctionVersions', '--function-urn', functionUrn, '--sort-order', 'sideways', '--endpoint', baseUrl]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('--sort-order');
    expect(stderr).toContain('newest-first');
    expect(seen).toEqual([]);
  });

  // The repository is shared with other work in progress, so packages/ is not compared before and
  // after: what the test writes is listed instead, and each of its processes runs in the temporary folder.
  it('writes nothing into the repository', async () => {
    expect(written.length).toBeGreaterThan(2);
    for (const file of written) expect(path.relative(repo, file), file).toMatch(/^\.\.\//);
    expect(await repositoryState()).toBe(stateBefore);
  });
});
