/**
 * The type errors of generated files compiled as a consumer compiles them: strict, with
 * `noUncheckedIndexedAccess`, NodeNext resolution and no ambient types (generated files must compile
 * on their own), in one TypeScript program in this process. Each error as `file:line: message`, the
 * file relative to `root`.
 */
import path from 'node:path';
import ts from 'typescript';

export function strictTypeErrors(files: readonly string[], root: string): string[] {
  const program = ts.createProgram([...files], {
    noEmit: true,
    strict: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file ? `${path.relative(root, diagnostic.file.fileName)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '(program)';
    return `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}
