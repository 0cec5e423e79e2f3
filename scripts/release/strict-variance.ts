/**
 * The declarations as the TypeScript level of the gate compiles them. TypeScript checks method
 * parameters bivariantly, which would let a narrowed input through; so method signatures become
 * function-typed properties (checked strictly), overloads one property whose type intersects
 * them. Private members, which make classes nominal, are dropped, and so are optional `never`
 * slots (openapi-typescript's `get?: never`: filling one is an addition, not a break).
 */
import ts from 'typescript';

const printer = ts.createPrinter({ removeComments: true });

function isPrivateMember(member: ts.ClassElement): boolean {
  if (member.name && ts.isPrivateIdentifier(member.name)) return true;
  const flags = ts.getCombinedModifierFlags(member as ts.Declaration);
  return (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
}

function functionTypeOf(f: ts.MethodSignature | ts.MethodDeclaration, factory: ts.NodeFactory): ts.FunctionTypeNode {
  return factory.createFunctionTypeNode(f.typeParameters, f.parameters, f.type ?? factory.createKeywordTypeNode(ts.SyntaxKind.AnyKeyword));
}

/** Overloads of one method become one property whose type intersects them, in order. */
function combinedType(group: readonly (ts.MethodSignature | ts.MethodDeclaration)[], factory: ts.NodeFactory): ts.TypeNode {
  const types = group.map((m) => functionTypeOf(m, factory));
  return types.length === 1 ? types[0]! : factory.createIntersectionTypeNode(types.map((t) => factory.createParenthesizedType(t)));
}

export function memberKey(name: ts.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : name.getText();
}

const strictVariance: ts.TransformerFactory<ts.SourceFile> = (context) => {
  const { factory } = context;

  const rewriteMembers = <M extends ts.TypeElement | ts.ClassElement>(members: readonly M[], inClass: boolean): M[] => {
    const groups = new Map<string, (ts.MethodSignature | ts.MethodDeclaration)[]>();
    for (const member of members) {
      if ((ts.isMethodSignature(member) || (ts.isMethodDeclaration(member) && !member.body)) && member.name) {
        const key = memberKey(member.name);
        groups.set(key, [...(groups.get(key) ?? []), member]);
      }
    }
    const out: M[] = [];
    for (const member of members) {
      if (inClass && isPrivateMember(member as ts.ClassElement)) continue;
      // `get?: never` is openapi-typescript's "no such operation": filling it is an addition.
      if (ts.isPropertySignature(member) && member.questionToken && member.type?.kind === ts.SyntaxKind.NeverKeyword) continue;
      if (ts.isMethodSignature(member)) {
        const group = groups.get(memberKey(member.name))!;
        if (group[0] !== member) continue;
        out.push(factory.createPropertySignature(member.modifiers, member.name, member.questionToken, combinedType(group, factory)) as unknown as M);
      } else if (ts.isMethodDeclaration(member) && !member.body) {
        const group = groups.get(memberKey(member.name))!;
        if (group[0] !== member) continue;
        const modifiers = member.modifiers?.filter((m) => m.kind !== ts.SyntaxKind.AsyncKeyword);
        out.push(factory.createPropertyDeclaration(modifiers, member.name, member.questionToken, combinedType(group, factory), undefined) as unknown as M);
      } else {
        out.push(member);
      }
    }
    return out;
  };

  const visit = (node: ts.Node): ts.Node => {
    const visited = ts.visitEachChild(node, visit, context);
    if (ts.isInterfaceDeclaration(visited)) {
      return factory.updateInterfaceDeclaration(visited, visited.modifiers, visited.name, visited.typeParameters, visited.heritageClauses, rewriteMembers(visited.members, false));
    }
    if (ts.isTypeLiteralNode(visited)) return factory.updateTypeLiteralNode(visited, factory.createNodeArray(rewriteMembers(visited.members, false)));
    if (ts.isClassDeclaration(visited)) {
      return factory.updateClassDeclaration(visited, visited.modifiers, visited.name, visited.typeParameters, visited.heritageClauses, rewriteMembers(visited.members, true));
    }
    return visited;
  };
  return (sourceFile) => ts.visitEachChild(sourceFile, visit, context);
};

/** The source with method signatures as function-typed properties and no private members. */
export function rewriteForStrictVariance(fileName: string, text: string): string {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  const result = ts.transform(source, [strictVariance]);
  try {
    return printer.printFile(result.transformed[0]!);
  } finally {
    result.dispose();
  }
}
