/**
 * The packed @fgs-openapi/client as a consumer gets it: `npm pack`, install the tarball into a
 * fresh project outside the repo, compile strict TypeScript programs against it under NodeNext
 * (ESM and CJS) and Bundler resolution (in this process, as `tsc -p` would: a tsc process adds only
 * its start and a second parse of the same declarations), and run them with node against a
 * loopback server. Also
 * checks what the tarball contains and runs publint and attw over it.
 *
 * With FGS_TARBALL set to a packed tarball (npm run release does this), that file is checked
 * instead of a fresh pack: the release publishes exactly what passed here.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { listenOnLoopback } from '../../packages/client/test/helpers/loopback-server.js';
import { childEnv, installTarballs, packPackage, runProgram as run } from '../helpers/packed-packages.js';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const clientDir = join(repoRoot, 'packages/client');
const fixturesDir = fileURLToPath(new URL('./fixtures/', import.meta.url));
const bin = (name: string) => join(repoRoot, 'node_modules/.bin', name);
const DIST_FILES = ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts'];

const TOKEN = 'fake-token-DO-NOT-LOG-7f3a';
const PROJECT = '0a7d3b5c8e9f41d2a6b4c1e0f3d2a9b8';
const INSTANCE_ID = '9d1c3a52-6f0e-4b7a-8c2d-0e1f2a3b4c5d';
const SUITE_TIMEOUT = 180_000;

interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let workDir: string;
let tarball: string;
let consumerDir: string;
let server: Server;
let serverUrl: string;
const seen: SeenRequest[] = [];

beforeAll(async () => {
  if (!DIST_FILES.every((file) => existsSync(join(clientDir, file)))) {
    await run('npm', ['run', 'build', '-w', '@fgs-openapi/client'], { cwd: repoRoot });
  }

  workDir = mkdtempSync(join(tmpdir(), 'fgs-client-tarball-'));
  const given = process.env.FGS_TARBALL;
  if (given) {
    if (!existsSync(given)) throw new Error(`FGS_TARBALL=${given}: no such file`);
    tarball = join(workDir, basename(given));
    copyFileSync(given, tarball);
  } else {
    tarball = await packPackage(clientDir, workDir);
  }
  expect(existsSync(tarball), tarball).toBe(true);

  consumerDir = join(workDir, 'consumer');
  mkdirSync(consumerDir);
  await installTarballs(consumerDir, [tarball], 'fgs-client-consumer');

  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '';
      seen.push({ method: req.method ?? '', url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const [status, body] = url.includes(':missing-func:')
        ? [404, { error_code: 'FSS.1051', error_msg: 'Not found the function' }]
        : [202, { instance_id: INSTANCE_ID }];
      res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': 'tarball-test' });
      res.end(JSON.stringify(body));
    });
  });
  serverUrl = `http://127.0.0.1:${await listenOnLoopback(server)}`;
}, SUITE_TIMEOUT);

afterAll(async () => {
  if (server) {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('the packed @fgs-openapi/client', { timeout: SUITE_TIMEOUT }, () => {
  it('contains only package.json, README.md, CHANGELOG.md and dist/*', async () => {
    const { stdout } = await run('tar', ['-tzf', tarball], { cwd: workDir });
    const paths = stdout
      .split('\n')
      .filter(Boolean)
      .map((p) => p.replace(/^package\//, ''))
      .sort();

    const unexpected = paths.filter((p) => !['package.json', 'README.md', 'CHANGELOG.md'].includes(p) && !/^dist\/[^/]+$/.test(p));
    expect(unexpected).toEqual([]);
    expect(paths).toEqual(expect.arrayContaining(['package.json', 'README.md', 'CHANGELOG.md', ...DIST_FILES]));
  });

  it('is the version packages/client/package.json says', async () => {
    const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: workDir });
    const { version } = JSON.parse(readFileSync(join(clientDir, 'package.json'), 'utf8')) as { version: string };
    expect((JSON.parse(stdout) as { version: string }).version).toBe(version);
  });

  it('declares openapi-fetch as its only dependency', () => {
    const manifest = JSON.parse(readFileSync(join(consumerDir, 'node_modules/@fgs-openapi/client/package.json'), 'utf8')) as Record<string, unknown>;

    expect(Object.keys((manifest.dependencies as Record<string, string> | undefined) ?? {})).toEqual(['openapi-fetch']);
    for (const field of ['peerDependencies', 'optionalDependencies', 'bundleDependencies', 'bundledDependencies']) {
      expect(manifest[field], field).toBeUndefined();
    }
  });

  it('passes publint --strict', async () => {
    const { stdout, stderr } = await run(bin('publint'), ['run', tarball, '--strict'], { cwd: repoRoot });

    expect(`${stdout}\n${stderr}`).toContain('All good!');
    expect(`${stdout}\n${stderr}`).not.toMatch(/suggestion|warning|error/i);
  });

  it('passes attw (are the types wrong) with no problems', async () => {
    const { stdout } = await run(bin('attw'), [tarball, '--format', 'json'], { cwd: repoRoot });
    const report = JSON.parse(stdout) as { problems: Record<string, unknown> | unknown[]; analysis: { types: { kind: string }; problems?: unknown[]; entrypoints: Record<string, unknown> } };

    expect(report.analysis.types.kind).toBe('included');
    expect(Object.keys(report.analysis.entrypoints)).toContain('.');
    expect(Object.keys(report.problems)).toEqual([]);
    expect(report.analysis.problems ?? []).toEqual([]);
  });

  it.each([
    ['dist/index.d.ts', 'ESM (import)', 'import * as m from "@fgs-openapi/client"; console.log(JSON.stringify(Object.keys(m).sort()));', 'exports.mjs'],
    ['dist/index.d.cts', 'CommonJS (require)', 'console.log(JSON.stringify(Object.keys(require("@fgs-openapi/client")).sort()));', 'exports.cjs'],
  ] as const)('exports from %s every value its declarations promise, as %s', async (declarations, _label, script, file) => {
    const declared = declaredValueExports(join(consumerDir, 'node_modules/@fgs-openapi/client', declarations));
    writeFileSync(join(consumerDir, file), script);
    const { stdout } = await run(process.execPath, [file], { cwd: consumerDir });
    const exported = JSON.parse(stdout) as string[];

    // A name the declarations give as a value but the JavaScript lacks compiles, then crashes at run time.
    expect(declared.filter((name) => !exported.includes(name)), 'declared as values but missing at run time').toEqual([]);
    expect(exported.filter((name) => !declared.includes(name)), 'exported at run time but not declared').toEqual([]);
    expect(declared).toContain('createFunctionGraphClient');
  });

  // [label, the fixture, the name it is compiled under, compiler options, the file tsc emits, module system, dist file node loads]
  it.each([
    ['ESM under NodeNext', 'consumer.mts', 'consumer.mts', { module: 'NodeNext', moduleResolution: 'NodeNext' }, 'consumer.mjs', 'esm', 'dist/index.js'],
    ['CommonJS under NodeNext', 'consumer.cts', 'consumer.cts', { module: 'NodeNext', moduleResolution: 'NodeNext' }, 'consumer.cjs', 'cjs', 'dist/index.cjs'],
    ['Bundler resolution with module ESNext', 'consumer.mts', 'consumer.ts', { module: 'ESNext', moduleResolution: 'Bundler' }, 'consumer.js', 'esm', 'dist/index.js'],
    ['Bundler resolution with module preserve', 'consumer.mts', 'consumer.ts', { module: 'preserve', moduleResolution: 'Bundler' }, 'consumer.js', 'esm', 'dist/index.js'],
  ] as const)('compiles strictly and runs as %s', async (label, fixture, sourceName, moduleOptions, emitted, moduleSystem, distFile) => {
    const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const projectDir = join(consumerDir, slug);
    mkdirSync(join(projectDir, 'src'), { recursive: true });
    copyFileSync(join(fixturesDir, fixture), join(projectDir, 'src', sourceName));
    writeFileSync(
      join(projectDir, 'tsconfig.json'),
      JSON.stringify(
        {
          compilerOptions: {
            ...moduleOptions,
            target: 'ES2022',
            lib: ['ES2022'],
            strict: true,
            noUncheckedIndexedAccess: true,
            skipLibCheck: false,
            // Node's types from the repo, so the consumer needs nothing installed but the tarball.
            typeRoots: [join(repoRoot, 'node_modules/@types')],
            types: ['node'],
            rootDir: 'src',
            outDir: 'out',
          },
          files: [`src/${sourceName}`],
        },
        null,
        2,
      ),
    );

    compileProject(join(projectDir, 'tsconfig.json'));
    const program = join(projectDir, 'out', emitted);
    expect(existsSync(program), program).toBe(true);

    const before = seen.length;
    const { stdout } = await run(process.execPath, [program], { cwd: projectDir, env: childEnv({ FGS_BASE_URL: serverUrl }) });
    const output = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;

    const loaded = join(consumerDir, 'node_modules/@fgs-openapi/client', distFile);
    expect(output).toEqual({
      moduleSystem,
      resolved: moduleSystem === 'esm' ? pathToFileURL(loaded).href : loaded,
      instanceId: INSTANCE_ID,
      notFound: {
        rejected: true,
        apiError: true,
        baseError: true,
        // A 404 is the NotFoundError subclass, in both module systems.
        notFoundError: true,
        plainError: true,
        name: 'NotFoundError',
        status: 404,
        errorCode: 'FSS.1051',
      },
    });
    const requests = seen.slice(before);
    expect(requests.map((r) => [r.method, r.url, r.headers['x-auth-token'], r.headers['content-type'], r.body])).toEqual([
      ['POST', `/v2/${PROJECT}/fgs/functions/urn:fss:cn-south-1:${PROJECT}:function:default:my-func:!prod/reserved-invocations`, TOKEN, 'application/json', '{"k":"v"}'],
      ['POST', `/v2/${PROJECT}/fgs/functions/urn:fss:cn-south-1:${PROJECT}:function:default:missing-func:!prod/reserved-invocations`, TOKEN, 'application/json', '{"k":"v"}'],
    ]);
  });
});

/**
 * Declaration files as parsed and bound by the first consumer program that read them (the
 * standard library, @types/node, the package's own), for the next ones: the programs differ only
 * in their module options, which change neither how a declaration file parses nor how it binds.
 * Keyed as TypeScript keys its own reuse, by the ECMAScript target and the module format the file
 * is read in (a `.d.ts` is ESM under NodeNext in a `"type": "module"` package, and has no
 * format under Bundler resolution). Each program still checks every file itself.
 */
const parsedDeclarations = new Map<string, ts.SourceFile>();

/**
 * What `tsc -p <config>` does, in this process: the program from the config file, its emit, and
 * a failure with tsc's diagnostics when tsc would exit non-zero.
 */
function compileProject(configPath: string): void {
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  })!;
  const host = ts.createCompilerHost(parsed.options);
  const parse = host.getSourceFile;
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (!/\.d\.[cm]?ts$/.test(fileName)) return parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
    const { languageVersion, impliedNodeFormat } = typeof languageVersionOrOptions === 'object' ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions, impliedNodeFormat: undefined };
    const key = `${languageVersion} ${impliedNodeFormat} ${fileName}`;
    let file = parsedDeclarations.get(key);
    if (!file) {
      file = parse(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
      if (file) parsedDeclarations.set(key, file);
    }
    return file;
  };
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options, host, configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed) });
  const { diagnostics: emitDiagnostics } = program.emit();
  const errors = [...ts.getPreEmitDiagnostics(program), ...emitDiagnostics].filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(`tsc -p ${configPath} fails:\n${ts.formatDiagnostics(errors, { getCanonicalFileName: (name) => name, getCurrentDirectory: () => dirname(configPath), getNewLine: () => '\n' })}`);
  }
}

/** The names a declaration file exports as values (classes, functions, constants), read with the TypeScript checker. */
function declaredValueExports(file: string): string[] {
  const program = ts.createProgram([file], { noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${file} is not a module`);
  return checker
    .getExportsOfModule(module)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      // `export { type X }` is an alias whose declaration is type-only: not a value, whatever X is.
      const typeOnly = symbol.declarations?.some((declaration) => ts.isExportSpecifier(declaration) && (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly));
      return !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}
