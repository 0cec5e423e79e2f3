/**
 * The properties that disappear between the baseline's and the current type of one exported
 * name, at any depth, with the ones that reappear under another name paired as renames.
 *
 * Assignability cannot see them where every property is optional: `{ requestIds?: string }` and
 * `{ requests?: string }` accept each other, and so do a result or an options interface before and
 * after losing an optional member. Yet code that set the old name has its value silently dropped
 * (or, as an object literal, no longer compiles), and code that read it no longer compiles. So a
 * property that disappears, optional or not, is a break wherever it was: an input, a result, an
 * options interface, a callback's parameter.
 *
 * The walk follows property types, call and construct signatures (parameters flip the position:
 * a callback's parameter is read by the caller's code), array elements and type arguments. It
 * stops at another exported type (compared under its own name, so each removal is reported once,
 * at the export that declares it) and at types from the TypeScript library or node_modules, of
 * which only the type arguments are followed (`Promise<Result>`, `Client<paths>`).
 */
import ts from 'typescript';
import type { Role } from './dts-compat.js';

export interface RemovedMember {
  /** Where it was, as code would reach it: `ListRunsInput.runIds`, `connect(options).port`, `list()[].startedAt`. */
  readonly path: string;
  readonly name: string;
  /** The new name, when exactly one property of the same type took its place. */
  readonly renamedTo?: string;
  /** Whether callers set it (`in`), read it (`out`), or both. */
  readonly position: Role;
}

/** Deep enough for `paths['/x']['get']['responses'][200]['content']['application/json'][number].y`. */
const maxDepth = 16;

const flip: Record<Role, Role> = { in: 'out', out: 'in', both: 'both' };

/** An object, or a union or intersection of nothing but objects (`string & {}` is a string). */
function isObjectLike(type: ts.Type): boolean {
  if (type.flags & ts.TypeFlags.Object) return true;
  return (type.isUnion() || type.isIntersection()) && type.types.every(isObjectLike);
}

/**
 * The properties code reaches by name. Symbol-keyed ones (`[Symbol.iterator]`) are left out: their
 * internal names carry a per-declaration id, so the two sides' never match by name.
 */
function namedProperties(checker: ts.TypeChecker, type: ts.Type): Map<string, ts.Symbol> {
  const byName = new Map<string, ts.Symbol>();
  for (const property of checker.getPropertiesOfType(type)) if (!String(property.escapedName).startsWith('__@')) byName.set(String(property.escapedName), property);
  return byName;
}

/** A generic type's name and type arguments: an alias's (`Partial<T>`) or a reference's (`Promise<T>`). */
function genericOf(checker: ts.TypeChecker, type: ts.Type): { readonly name: string; readonly args: readonly ts.Type[] } | undefined {
  if (type.aliasSymbol && type.aliasTypeArguments) return { name: type.aliasSymbol.name, args: type.aliasTypeArguments };
  if (type.flags & ts.TypeFlags.Object && (type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
    const reference = type as ts.TypeReference;
    return { name: reference.target.symbol?.name ?? '', args: checker.getTypeArguments(reference) };
  }
  return undefined;
}

export interface RemovedMembersQuery {
  readonly checker: ts.TypeChecker;
  /** The export's name, the start of every path. */
  readonly name: string;
  readonly before: ts.Type;
  readonly after: ts.Type;
  /** The export's role: where its values go. */
  readonly position: Role;
  /** Whether the walk stops at this type (another export, a library type) but for its type arguments. */
  readonly isBoundary: (type: ts.Type) => boolean;
}

export function findRemovedMembers({ checker, name, before, after, position, isBoundary }: RemovedMembersQuery): RemovedMember[] {
  const found: RemovedMember[] = [];
  const visited = new Map<ts.Type, Set<ts.Type>>();
  const typeOf = (symbol: ts.Symbol) => checker.getTypeOfSymbol(symbol);
  const isOptional = (symbol: ts.Symbol) => (symbol.flags & ts.SymbolFlags.Optional) !== 0;
  const sameType = (a: ts.Type, b: ts.Type) => checker.isTypeAssignableTo(a, b) && checker.isTypeAssignableTo(b, a);

  const compareMembers = (a: ts.Type, b: ts.Type, path: string, at: Role, depth: number) => {
    const [olds, news] = [namedProperties(checker, a), namedProperties(checker, b)];
    const removed: ts.Symbol[] = [];
    for (const [key, property] of olds) {
      const counterpart = news.get(key);
      if (counterpart) visit(typeOf(property), typeOf(counterpart), `${path}.${property.name}`, at, depth + 1);
      else removed.push(property);
    }
    if (removed.length === 0) return;
    const added = [...news].filter(([key]) => !olds.has(key)).map(([, property]) => property);
    const candidates = new Map(removed.map((r) => [r, added.filter((n) => isOptional(n) === isOptional(r) && sameType(typeOf(r), typeOf(n)))]));
    for (const property of removed) {
      const [only, ...others] = candidates.get(property)!;
      // A rename only when the pairing is unambiguous both ways.
      const unique = only !== undefined && others.length === 0 && removed.filter((r) => candidates.get(r)!.includes(only)).length === 1;
      found.push({ path: `${path}.${property.name}`, name: property.name, position: at, ...(unique ? { renamedTo: only.name } : {}) });
    }
  };

  const compareSignatures = (a: ts.Type, b: ts.Type, path: string, at: Role, depth: number) => {
    for (const kind of [ts.SignatureKind.Call, ts.SignatureKind.Construct]) {
      const [olds, news] = [checker.getSignaturesOfType(a, kind), checker.getSignaturesOfType(b, kind)];
      for (let i = 0; i < Math.min(olds.length, news.length); i++) {
        const [old, now] = [olds[i]!, news[i]!];
        old.parameters.forEach((parameter, p) => {
          const counterpart = now.parameters[p];
          if (counterpart) visit(typeOf(parameter), typeOf(counterpart), `${path}(${parameter.name})`, flip[at], depth + 1);
        });
        visit(old.getReturnType(), now.getReturnType(), `${path}()`, at, depth + 1);
      }
    }
  };

  const compareArguments = (a: ts.Type, b: ts.Type, path: string, at: Role, depth: number) => {
    const [old, now] = [genericOf(checker, a), genericOf(checker, b)];
    if (!old || !now || old.name !== now.name || old.args.length !== now.args.length) return;
    const segment = checker.isArrayType(a) ? '[]' : '';
    old.args.forEach((arg, i) => visit(arg, now.args[i]!, `${path}${segment}`, at, depth + 1));
  };

  function visit(rawBefore: ts.Type, rawAfter: ts.Type, path: string, at: Role, depth: number): void {
    const [a, b] = [checker.getNonNullableType(rawBefore), checker.getNonNullableType(rawAfter)];
    if (depth > maxDepth || visited.get(a)?.has(b)) return;
    visited.set(a, (visited.get(a) ?? new Set()).add(b));
    if (checker.isArrayType(a) || checker.isTupleType(a) || (depth > 0 && isBoundary(a))) {
      compareArguments(a, b, path, at, depth);
      return;
    }
    // A type that changed kind (an object become a string) is assignability's to report.
    if (!isObjectLike(a) || !isObjectLike(b)) return;
    compareMembers(a, b, path, at, depth);
    compareSignatures(a, b, path, at, depth);
  }

  visit(before, after, name, position, 0);
  return found;
}
