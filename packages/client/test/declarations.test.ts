/**
 * What editors see: the published declarations, read with the TypeScript compiler API. The
 * strike-through on a deprecated method comes from a JSDoc `@deprecated` tag reaching the `.d.ts`
 * that consumers load, under both module systems.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Project } from 'ts-morph';
import { beforeAll, describe, expect, it } from 'vitest';

const dist = path.resolve(import.meta.dirname, '../dist');

describe.each(['index.d.ts', 'index.d.cts'])('%s', (file) => {
  let project: Project;
  beforeAll(() => {
    expect(existsSync(path.join(dist, file)), `${file} is missing: run npm run build`).toBe(true);
    project = new Project({ skipAddingFilesFromTsConfig: true, compilerOptions: { strict: true, skipLibCheck: true } });
    project.addSourceFileAtPath(path.join(dist, file));
  });

  function methodDocs(name: string) {
    const source = project.getSourceFileOrThrow(path.join(dist, file));
    const method = source.getInterfaceOrThrow('Operations').getMethodOrThrow(name);
    return method.getJsDocs().flatMap((doc) => doc.getTags().map((tag) => [tag.getTagName(), tag.getCommentText() ?? ''] as const));
  }

  it('marks asyncInvokeReservedFunction @deprecated and names its successor', () => {
    const deprecated = methodDocs('asyncInvokeReservedFunction').filter(([tag]) => tag === 'deprecated');
    expect(deprecated).toHaveLength(1);
    expect(deprecated[0]![1]).toContain('use asyncInvokeFunction (POST /v2/{project_id}/fgs/functions/{function_urn}/invocations-async) instead');
  });

  it('carries the summary and the reference link', () => {
    const source = project.getSourceFileOrThrow(path.join(dist, file));
    const doc = source.getInterfaceOrThrow('Operations').getMethodOrThrow('asyncInvokeReservedFunction').getJsDocs()[0]!;
    expect(doc.getDescription()).toContain('Execute a function asynchronously and return a reserved instance ID');
    expect(doc.getDescription()).toContain('Whitelist only.');
    expect(methodDocs('asyncInvokeReservedFunction').find(([tag]) => tag === 'see')?.[1]).toContain('functiongraph_06_1017.html');
  });
});

/**
 * The strike-through itself: TypeScript's language service reports a deprecated use (the
 * suggestion editors render as struck-through text) for a consumer file compiled against the
 * package as published, through the exports map, for the method and its `withResponse` twin.
 */
describe.each([
  ['ESM', 'consumer.mts'],
  ['CJS', 'consumer.cts'],
])('a %s consumer in an editor', (_label, name) => {
  it('sees both asyncInvokeReservedFunction calls reported as deprecated', async () => {
    const ts = (await import('typescript')).default;
    const dir = path.resolve(import.meta.dirname, '../../../.vitest/deprecated-use');
    const file = path.join(dir, name);
    const { mkdirSync, writeFileSync, readFileSync } = await import('node:fs');
    mkdirSync(dir, { recursive: true });
    // In a .cts file TypeScript resolves this import through the exports map's "require" branch (.d.cts).
    const importLine = "import { createFunctionGraphClient } from '@fgs-openapi/client';";
    writeFileSync(
      file,
      [
        importLine,
        "const client = createFunctionGraphClient({ region: 'cn-south-1', token: 'not-a-token' });",
        "void client.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} });",
        "void client.withResponse.asyncInvokeReservedFunction({ functionUrn: 'u', body: {} });",
        'export {};',
        '',
      ].join('\n'),
    );
    const options = { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, noEmit: true, types: [] };
    const service = ts.createLanguageService({
      getScriptFileNames: () => [file],
      getScriptVersion: () => '1',
      getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, 'utf8')) : undefined),
      getCurrentDirectory: () => dir,
      getCompilationSettings: () => options,
      getDefaultLibFileName: ts.getDefaultLibFilePath,
      fileExists: ts.sys.fileExists,
      readFile: ts.sys.readFile,
      readDirectory: ts.sys.readDirectory,
      directoryExists: ts.sys.directoryExists,
      getDirectories: ts.sys.getDirectories,
    });
    expect(service.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
    const source = service.getProgram()!.getSourceFile(file)!;
    const deprecatedLines = service
      .getSuggestionDiagnostics(file)
      .filter((d) => d.reportsDeprecated)
      .map((d) => source.getLineAndCharacterOfPosition(d.start!).line + 1);
    // A method reached through the client's mapped type may be flagged once per declaration it merges; one line, one use.
    expect([...new Set(deprecatedLines)]).toEqual([3, 4]);
  }, 60_000);
});
