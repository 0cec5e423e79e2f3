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
