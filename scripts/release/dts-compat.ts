/**
 * TypeScript level: does code written against the baseline's public declarations still compile
 * against the current ones? Asked of the TypeScript compiler, per exported name, in the direction
 * each name is used:
 *
 * - a value (function, const, class) is checked as `typeof New.x` assignable to `typeof Old.x`:
 *   parameters contravariantly (what callers pass is still accepted), results covariantly (what
 *   they get back still fits what they read);
 * - a type is checked by its role, found by walking the exported values' signatures: a type
 *   callers pass in (`…Input`, the client options) must still accept the old values
 *   (Old → New); a type callers receive (`…Result`, the client) must still fit the old one
 *   (New → Old); a type in both positions, both. A type no signature names is treated as output.
 *
 * Both packages are read rewritten for strict variance (strict-variance.ts: methods as
 * function-typed properties, no private members, no `never` slots). Beside assignability, every
 * export's type is walked for members that disappear (removed-members.ts), which assignability
 * cannot see where every property is optional.
 *
 * A data table (a `const` whose type is its literal value, such as the operation descriptors) is
 * held to its shape (its top-level keys; below them strings, numbers and booleans as such, and no
 * field changing its kind), not to every literal in it, nor to every field being present in every
 * entry: otherwise each new
 * parameter, region, or field the generator leaves out when it holds its default would read as a
 * break. Its breaks show anyway in the typed surface built from the same spec (the `Operations`
 * interface, the inputs and results), and in the descriptor contract types.
 *
 * The failing direction is the break, and so is a member that disappeared. When only the other direction fails the name grew
 * (a new method, a new optional input): additive. A name whose declaration changed with both
 * directions holding is a patch.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import type { Finding } from './finding.js';
import { findRemovedMembers, type RemovedMember } from './removed-members.js';
import { memberKey, rewriteForStrictVariance } from './strict-variance.js';

/** Where a type's values go: passed in by callers, received by them, or both. */
export type Role = 'in' | 'out' | 'both';

interface ExportInfo {
  readonly name: string;
  readonly isValue: boolean;
  readonly isType: boolean;
  readonly isClass: boolean;
  /** A `const` whose type is its literal value (a table such as the operation descriptors). */
  readonly isData: boolean;
  /** Type parameters of the type, as the check instantiates them. */
  readonly typeParameters: readonly { readonly constrained: boolean }[];
  /** The declaration without comments, to tell a changed name from an untouched one. */
  readonly text: string;
  readonly symbol: ts.Symbol;
}

const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
  allowImportingTsExtensions: true,
};

const printer = ts.createPrinter({ removeComments: true });

// --- The program: both packages, rewritten, and the check file ---------------------------------

/** Parsed lib and node_modules files, shared by every program this process builds: they never change under it. */
const sharedSourceFiles = new Map<string, ts.SourceFile>();

function createHost(roots: readonly string[], virtualFiles: ReadonlyMap<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost(compilerOptions, true);
  const rewritten = new Map<string, string>();
  const isOurs = (file: string) => roots.some((root) => file.startsWith(root)) && !file.includes('/node_modules/');
  const read = (file: string): string | undefined => {
    const absolute = resolve(file);
    if (virtualFiles.has(absolute)) return virtualFiles.get(absolute);
    if (isOurs(absolute) && /\.(d\.)?[cm]?ts$/.test(absolute)) {
      if (!rewritten.has(absolute)) {
        let text: string;
        try {
          text = readFileSync(absolute, 'utf8');
        } catch {
          return undefined;
        }
        rewritten.set(absolute, rewriteForStrictVariance(absolute, text));
      }
      return rewritten.get(absolute);
    }
    return ts.sys.readFile(file);
  };
  host.readFile = read;
  host.fileExists = (file) => virtualFiles.has(resolve(file)) || ts.sys.fileExists(file);
  host.getSourceFile = (file, languageVersion) => {
    const absolute = resolve(file);
    const shared = !isOurs(absolute) && !virtualFiles.has(absolute);
    if (shared && sharedSourceFiles.has(absolute)) return sharedSourceFiles.get(absolute);
    const text = read(file);
    if (text === undefined) return undefined;
    const sourceFile = ts.createSourceFile(file, text, languageVersion, true);
    if (shared) sharedSourceFiles.set(absolute, sourceFile);
    return sourceFile;
  };
  return host;
}

function moduleExports(checker: ts.TypeChecker, file: ts.SourceFile, label: string): Map<string, ExportInfo> {
  const moduleSymbol = checker.getSymbolAtLocation(file);
  if (!moduleSymbol) throw new Error(`${label} (${file.fileName}) is not a module: it exports nothing`);
  const exports = new Map<string, ExportInfo>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    const declarations = symbol.declarations ?? [];
    const typeDeclaration = declarations.find(
      (d): d is ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ts.ClassDeclaration => ts.isInterfaceDeclaration(d) || ts.isTypeAliasDeclaration(d) || ts.isClassDeclaration(d),
    );
    const typeParameters = (typeDeclaration?.typeParameters ?? []).map((p) => ({
      constrained: p.constraint !== undefined,
    }));
    const isData = declarations.some(
      (d) =>
        ts.isVariableDeclaration(d) &&
        ts.isVariableDeclarationList(d.parent) &&
        (d.parent.flags & ts.NodeFlags.Const) !== 0 &&
        (d.type === undefined || ts.isTypeLiteralNode(d.type) || ts.isTupleTypeNode(d.type) || ts.isTypeOperatorNode(d.type) || ts.isLiteralTypeNode(d.type)),
    );
    exports.set(exported.name, {
      name: exported.name,
      isData,
      isValue: (symbol.flags & ts.SymbolFlags.Value) !== 0,
      isType: (symbol.flags & ts.SymbolFlags.Type) !== 0,
      isClass: (symbol.flags & ts.SymbolFlags.Class) !== 0,
      typeParameters,
      text: declarations.map((d) => printer.printNode(ts.EmitHint.Unspecified, d, d.getSourceFile())).join('\n'),
      symbol,
    });
  }
  return exports;
}

interface Usage {
  /** Each exported type's role. */
  readonly roles: Map<string, Role>;
  /** The members (methods, functions, properties) whose signatures name each exported type. */
  readonly users: Map<string, Set<string>>;
}

/**
 * Walks the exported values' signatures and records, for each exported type they name, whether
 * it appears where callers pass values in, where they receive them, or both, and in which member.
 */
function inferUsage(checker: ts.TypeChecker, exports: ReadonlyMap<string, ExportInfo>): Usage {
  const nameOf = new Map<ts.Symbol, string>();
  for (const info of exports.values()) nameOf.set(info.symbol, info.name);
  const roles = new Map<string, Role>();
  const users = new Map<string, Set<string>>();
  const seen = new Set<string>();
  const ids = new Map<ts.Node, number>();
  const idOf = (node: ts.Node) => {
    if (!ids.has(node)) ids.set(node, ids.size);
    return ids.get(node)!;
  };

  const record = (name: string, output: boolean, member: string | undefined) => {
    const role: Role = output ? 'out' : 'in';
    const before = roles.get(name);
    roles.set(name, before === undefined || before === role ? role : 'both');
    if (member) users.set(name, (users.get(name) ?? new Set()).add(member));
  };

  const followReference = (name: ts.Node, output: boolean, member: string | undefined) => {
    let symbol = checker.getSymbolAtLocation(name);
    if (!symbol) return;
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    const exportedName = nameOf.get(symbol);
    if (exportedName) record(exportedName, output, member);
    for (const declaration of symbol.declarations ?? []) {
      if (declaration.getSourceFile().isDeclarationFile && declaration.getSourceFile().fileName.includes('/typescript/lib/')) continue;
      if (!(ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration) || ts.isClassDeclaration(declaration))) continue;
      const key = `${idOf(declaration)}:${output}`;
      if (seen.has(key)) continue;
      seen.add(key);
      walk(declaration, output, undefined);
    }
  };

  /** `member`: the nearest named function, method or property around the node. */
  const walk = (node: ts.Node, output: boolean, member: string | undefined): void => {
    if (ts.isBlock(node) || ts.isTypeQueryNode(node)) return;
    // `paths['/x']['post']` names a part of `paths`, not `paths` as a whole: the part is
    // checked through the alias that indexes it.
    if (ts.isIndexedAccessTypeNode(node)) {
      walk(node.indexType, output, member);
      if (!ts.isTypeReferenceNode(node.objectType)) walk(node.objectType, output, member);
      else node.objectType.typeArguments?.forEach((a) => walk(a, output, member));
      return;
    }
    if (ts.isTypeReferenceNode(node)) {
      followReference(node.typeName, output, member);
      node.typeArguments?.forEach((a) => walk(a, output, member));
      return;
    }
    if (ts.isExpressionWithTypeArguments(node)) {
      followReference(node.expression, output, member);
      node.typeArguments?.forEach((a) => walk(a, output, member));
      return;
    }
    if (ts.isParameter(node)) {
      if (node.type) walk(node.type, !output, member);
      return;
    }
    if (ts.isTypeParameterDeclaration(node)) return;
    const named = ts.isPropertySignature(node) || ts.isMethodSignature(node) || ts.isPropertyDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node);
    const inner = named && node.name ? memberKey(node.name) : member;
    ts.forEachChild(node, (child) => walk(child, output, inner));
  };

  for (const info of exports.values()) {
    if (!info.isValue) continue;
    for (const declaration of info.symbol.declarations ?? []) {
      if (ts.isVariableDeclaration(declaration)) {
        if (declaration.type) walk(declaration.type, true, info.name);
      } else {
        walk(declaration, true, undefined);
      }
    }
  }
  return { roles, users };
}

interface CheckLine {
  readonly name: string;
  /** `new→old`: the current declaration must fit code written for the baseline's. */
  readonly direction: 'new→old' | 'old→new';
  /** Whether a failure here breaks consumers (the role's direction) or only shows growth. */
  readonly required: boolean;
}

function typeArguments(info: ExportInfo): { params: string; args: string } {
  if (info.typeParameters.length === 0) return { params: '', args: '' };
  const names = info.typeParameters.map((_, i) => `T${i}`);
  const free = info.typeParameters.map((p, i) => (p.constrained ? undefined : names[i])).filter((n): n is string => n !== undefined);
  return {
    params: free.length > 0 ? `<${free.join(', ')}>` : '',
    // A constrained parameter is instantiated with `any`: its constraint names the package's own
    // types, which the check file cannot spell for both sides at once.
    args: `<${info.typeParameters.map((p, i) => (p.constrained ? 'any' : names[i])).join(', ')}>`,
  };
}

function buildCheckSource(baseImport: string, currentImport: string, base: ReadonlyMap<string, ExportInfo>, current: ReadonlyMap<string, ExportInfo>, roles: ReadonlyMap<string, Role>): { source: string; lines: Map<number, CheckLine> } {
  const out = [
    `import type * as Old from ${JSON.stringify(baseImport)};`,
    `import type * as New from ${JSON.stringify(currentImport)};`,
    // A table keeps its top-level keys (an operation removed is a break); below them only the kinds
    // of values are held, and a field may be absent (a generator leaves out fields at their default).
    'type Loose<T> = T extends string ? string : T extends number ? number : T extends boolean ? boolean : T extends readonly (infer E)[] ? readonly Loose<E>[] : T extends object ? { readonly [K in keyof T]?: Loose<T[K]> } : T;',
    'type Shape<T> = T extends readonly (infer E)[] ? readonly Loose<E>[] : T extends object ? { readonly [K in keyof T]: Loose<T[K]> } : Loose<T>;',
    '',
  ];
  const lines = new Map<number, CheckLine>();
  let counter = 0;
  const add = (text: string, line: CheckLine) => {
    lines.set(out.length, line);
    out.push(text);
  };
  for (const [name, info] of base) {
    const now = current.get(name);
    if (!now) continue;
    const id = counter++;
    if (info.isValue) {
      if (!now.isValue) {
        add(`declare const v${id}: typeof New.${name};`, { name, direction: 'new→old', required: true });
        continue;
      }
      out.push(`declare const n${id}: typeof New.${name}; declare const o${id}: typeof Old.${name};`);
      if (info.isData) {
        // A data table's type is its every literal; what code can rely on is its shape.
        add(`const ns${id}: Shape<typeof Old.${name}> = n${id} as Shape<typeof New.${name}>;`, { name, direction: 'new→old', required: true });
        add(`const nv${id}: typeof Old.${name} = n${id};`, { name, direction: 'new→old', required: false });
      } else {
        add(`const nv${id}: typeof Old.${name} = n${id};`, { name, direction: 'new→old', required: true });
      }
      add(`const ov${id}: typeof New.${name} = o${id};`, { name, direction: 'old→new', required: false });
      if (info.isClass) continue; // the instance type is compared through the constructor's result
    }
    if (info.isType && !info.isClass) {
      const role = roles.get(name) ?? 'out';
      const { params, args } = typeArguments(info);
      add(`function nt${id}${params}(x: New.${name}${args}): Old.${name}${args} { return x; }`, { name, direction: 'new→old', required: role !== 'in' });
      add(`function ot${id}${params}(x: Old.${name}${args}): New.${name}${args} { return x; }`, { name, direction: 'old→new', required: role !== 'out' });
    }
  }
  return { source: `${out.join('\n')}\n`, lines };
}

function condense(message: string, limit = 400): string {
  const text = message.replace(/\s*\n\s*/g, ' ').replace(/\s+/g, ' ').replace(/typeof import\("[^"]*"\)/g, 'the package').replace(/import\("[^"]*"\)\./g, '').trim();
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

const roleLabel: Record<Role, string> = { in: 'input type', out: 'output type', both: 'input and output type' };

/** `input type of listRuns`: the role, and the members whose signatures name the type. */
function roleOf(info: ExportInfo, usage: Usage): string {
  if (info.isValue) return 'value';
  const users = [...(usage.users.get(info.name) ?? [])];
  const named = users.length > 3 ? `${users.slice(0, 3).join(', ')} and ${users.length - 3} more` : users.join(', ');
  return `${roleLabel[usage.roles.get(info.name) ?? 'out']}${named ? ` of ${named}` : ''}`;
}

/** What disappeared, and what that does to code written against the baseline. */
function describeRemoval(removal: RemovedMember): string {
  const what = removal.renamedTo ? `\`${removal.path}\` was renamed to \`${removal.renamedTo}\`` : `\`${removal.path}\` was removed`;
  const name = `\`${removal.name}\``;
  const consequence = {
    in: `an object literal that sets ${name} no longer compiles, and any other value that sets it still compiles and has it silently ignored`,
    out: `code that reads ${name} no longer compiles`,
    both: `code that reads ${name} no longer compiles, and code that sets it has it silently ignored`,
  }[removal.position];
  return `${what}: ${consequence}`;
}

export interface DeclarationEntries {
  /** The baseline's entry: a `.d.ts` (or `.ts`) file. */
  readonly base: string;
  /** The current entry. */
  readonly current: string;
}

/** One pair of packages, read in the program that holds every pair compared together. */
interface Packages {
  /** Every pair's packages, rewritten (see rewriteForStrictVariance), in one program. */
  readonly program: ts.Program;
  readonly baseFile: string;
  readonly currentFile: string;
  readonly base: ReadonlyMap<string, ExportInfo>;
  readonly current: ReadonlyMap<string, ExportInfo>;
  readonly usage: Usage;
}

function readPackages(pairs: readonly DeclarationEntries[]): { packages: Packages[]; roots: string[] } {
  const files = pairs.map(({ base, current }) => ({ baseFile: resolve(base), currentFile: resolve(current) }));
  const roots = [...new Set(files.flatMap(({ baseFile, currentFile }) => [dirname(baseFile), dirname(currentFile)]))];
  const rootNames = [...new Set(files.flatMap(({ baseFile, currentFile }) => [baseFile, currentFile]))];
  const program = ts.createProgram({ rootNames, options: compilerOptions, host: createHost(roots, new Map()) });
  const checker = program.getTypeChecker();
  const packages = files.map(({ baseFile, currentFile }) => {
    const base = moduleExports(checker, program.getSourceFile(baseFile)!, 'the baseline');
    const current = moduleExports(checker, program.getSourceFile(currentFile)!, 'the current package');
    return { program, baseFile, currentFile, base, current, usage: inferUsage(checker, base) };
  });
  return { packages, roots };
}

interface Failures {
  /** Failures in the direction the role requires: breaks. */
  readonly required: string[];
  /** Failures in the other direction only: growth. */
  readonly growth: string[];
}

/**
 * Compiles one check file per pair against its two packages, all in one program beside the
 * first (which it reuses), and sorts each file's errors by export.
 */
function assignabilityFailures(packages: readonly Packages[], roots: readonly string[]): Map<string, Failures>[] {
  const importPath = (file: string) => file.replace(/\.d\.ts$/, '.js').replace(/\.ts$/, '.js');
  const checks = packages.map((pair, i) => ({
    file: join(dirname(pair.currentFile), `__release_check_${process.pid}_${i}__.ts`),
    ...buildCheckSource(importPath(pair.baseFile), importPath(pair.currentFile), pair.base, pair.current, pair.usage.roles),
  }));
  const host = createHost(roots, new Map(checks.map((c) => [c.file, c.source])));
  const program = ts.createProgram({ rootNames: checks.map((c) => c.file), options: compilerOptions, host, oldProgram: packages[0]?.program });
  return checks.map(({ file, source, lines }) => {
    const checkSource = program.getSourceFile(file)!;
    const failures = new Map<string, Failures>();
    for (const diagnostic of program.getSemanticDiagnostics(checkSource)) {
      if (diagnostic.start === undefined) continue;
      const { line } = checkSource.getLineAndCharacterOfPosition(diagnostic.start);
      const check = lines.get(line);
      if (!check) throw new Error(`release:check could not compile its own check file: ${condense(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))}\n${source}`);
      const entry = failures.get(check.name) ?? { required: [], growth: [] };
      const text = `${check.direction}: ${condense(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))}`;
      (check.required ? entry.required : entry.growth).push(text);
      failures.set(check.name, entry);
    }
    return failures;
  });
}

/** The properties each export lost (see removed-members.ts); data tables are held to their shape instead. */
function removedMembers(packages: Packages): Map<string, RemovedMember[]> {
  const { program } = packages;
  const checker = program.getTypeChecker();
  const exported = new Set([...packages.base.values(), ...packages.current.values()].map((info) => info.symbol));
  const isLibrary = (file: ts.SourceFile) => program.isSourceFileDefaultLibrary(file) || file.fileName.includes('/node_modules/');
  const isBoundary = (type: ts.Type) => {
    const symbol = type.aliasSymbol ?? type.getSymbol();
    if (!symbol) return false;
    const declarations = symbol.declarations ?? [];
    return exported.has(symbol) || (declarations.length > 0 && declarations.every((d) => isLibrary(d.getSourceFile())));
  };
  const removed = new Map<string, RemovedMember[]>();
  for (const [name, info] of packages.base) {
    const now = packages.current.get(name);
    if (!now || info.isData) continue;
    const walks: { before: ts.Type; after: ts.Type; position: Role }[] = [];
    if (info.isValue && now.isValue) walks.push({ before: checker.getTypeOfSymbol(info.symbol), after: checker.getTypeOfSymbol(now.symbol), position: 'out' });
    if (info.isType && now.isType) {
      const position = info.isClass ? 'out' : (packages.usage.roles.get(name) ?? 'out');
      walks.push({ before: checker.getDeclaredTypeOfSymbol(info.symbol), after: checker.getDeclaredTypeOfSymbol(now.symbol), position });
    }
    const found = new Map<string, RemovedMember>();
    for (const walk of walks) for (const removal of findRemovedMembers({ checker, name, isBoundary, ...walk })) found.set(removal.path, removal);
    if (found.size > 0) removed.set(name, [...found.values()]);
  }
  return removed;
}

/** Findings at the TypeScript level between the baseline's and the current public declarations. */
export function compareDeclarations(entries: DeclarationEntries): Finding[] {
  return compareDeclarationPairs([entries])[0]!;
}

/**
 * compareDeclarations for several pairs at once, in one TypeScript program: the library and the
 * types the pairs share are parsed and checked once, not once a pair.
 */
export function compareDeclarationPairs(pairs: readonly DeclarationEntries[]): Finding[][] {
  if (pairs.length === 0) return [];
  const { packages, roots } = readPackages(pairs);
  const failures = assignabilityFailures(packages, roots);
  return packages.map((pair, i) => findingsOf(pair, failures[i]!));
}

function findingsOf(packages: Packages, failures: ReadonlyMap<string, Failures>): Finding[] {
  const findings: Finding[] = [];
  for (const name of packages.base.keys()) {
    if (!packages.current.has(name)) {
      findings.push({ origin: 'typescript', level: 'breaking', subject: name, message: `export \`${name}\` was removed; code that imports it no longer compiles` });
    }
  }
  for (const name of packages.current.keys()) {
    if (!packages.base.has(name)) findings.push({ origin: 'typescript', level: 'additive', subject: name, message: `export \`${name}\` was added` });
  }
  findings.push(...rateExports(packages, failures, removedMembers(packages)));
  if (findings.length === 0) {
    const normal = (file: string) => printer.printFile(packages.program.getSourceFile(file)!);
    if (normal(packages.baseFile) !== normal(packages.currentFile)) {
      findings.push({ origin: 'typescript', level: 'patch', subject: '(declarations)', message: 'declarations changed outside the exported names; every export still compiles both ways' });
    }
  }
  return findings;
}

/** One finding per export both sides have and that changed: a lost member or a failing direction breaks. */
function rateExports(packages: Packages, failures: ReadonlyMap<string, Failures>, removed: ReadonlyMap<string, readonly RemovedMember[]>): Finding[] {
  const findings: Finding[] = [];
  for (const [name, info] of packages.base) {
    const now = packages.current.get(name);
    if (!now) continue;
    const failure = failures.get(name);
    const lost = removed.get(name) ?? [];
    const role = roleOf(info, packages.usage);
    const compiler = failure?.required[0];
    if (lost.length > 0) {
      const more = lost.length > 3 ? `; and ${lost.length - 3} more` : '';
      const removals = `${lost.slice(0, 3).map(describeRemoval).join('; ')}${more}`;
      findings.push({ origin: 'typescript', level: 'breaking', subject: name, message: `\`${name}\` (${role}): ${removals}${compiler ? ` — ${compiler}` : ''}` });
    } else if (compiler) {
      const why = info.isValue ? 'code using it no longer compiles' : compiler.startsWith('old→new') ? 'values written for it are no longer accepted' : 'what it now holds no longer fits code that reads it';
      findings.push({ origin: 'typescript', level: 'breaking', subject: name, message: `\`${name}\` (${role}): ${why} — ${compiler}` });
    } else if (failure && failure.growth.length > 0) {
      findings.push({ origin: 'typescript', level: 'additive', subject: name, message: `\`${name}\` (${role}) grew; the old use still compiles` });
    } else if (info.text !== now.text) {
      findings.push({ origin: 'typescript', level: 'patch', subject: name, message: `\`${name}\` declaration changed; both directions still compile` });
    }
  }
  return findings;
}
