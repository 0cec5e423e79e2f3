/**
 * The typed paging surface over the descriptors: `Paginators` (one method per operation that
 * declares `x-paging`, each an async iterable of the operation's items with a `pages()` of its
 * answers, typed from the spec) and `bindPaginators`, which makes those methods on top of a
 * runtime's generic paginator.
 */
import type { CodeBlockWriter, StatementStructures } from 'ts-morph';
import type { ApiModel, OperationModel } from '../../model/api-model.js';
import { propertyKey, quote, writeLiteral } from '../literal.js';
import { jsDoc } from './doc-comments.js';
import { StructureKind } from './ts-morph.js';

export function paginatorsSurface(model: ApiModel): StatementStructures[] {
  const paged = model.operations.filter((operation) => operation.paging);
  return [
    {
      kind: StructureKind.Interface,
      name: 'Paginators',
      isExported: true,
      docs: jsDoc('One paginator per list operation (`x-paging` in the spec): `for await` over its items, or over `pages()`.'),
      typeParameters: ['TPageOptions'],
      methods: paged.map((operation) => ({
        name: propertyKey(operation.methodName),
        docs: jsDoc(paginatorDoc(operation)),
        parameters: [
          { name: 'input', type: `${operation.typeName}Input`, hasQuestionToken: !operation.parameters.some((p) => p.required && !p.clientDefault) },
          { name: 'options', type: 'TPageOptions', hasQuestionToken: true },
        ],
        returnType: `Paginated<NonNullable<NonNullable<${operation.typeName}Result>[${quote(operation.paging!.items)}]>[number], ${operation.typeName}Result>`,
      })),
    },
    {
      kind: StructureKind.Function,
      name: 'bindPaginators',
      isExported: true,
      docs: jsDoc('Builds the typed paginators on top of a runtime that knows how to iterate a described list operation.'),
      typeParameters: ['TPageOptions'],
      parameters: [{ name: 'paginate', type: 'Paginate<TPageOptions>' }],
      returnType: 'Paginators<TPageOptions>',
      statements: writeBindBody(paged),
    },
  ];
}

function paginatorDoc(operation: OperationModel): string {
  const paging = operation.paging!;
  return [
    `Every item of \`${operation.methodName}\` (its answers' \`${paging.items}\`), page after page: each page asks with \`${paging.marker}\` for the previous answer's \`${paging.nextMarker}\`.`,
    '`pages()` gives the answers whole.',
  ].join(' ');
}

/** One paginator per paged descriptor, in a loop like the methods; only renamed ones are listed. */
function writeBindBody(paged: OperationModel[]) {
  return (writer: CodeBlockWriter) => {
    const renamed = paged.filter((operation) => operation.methodName !== operation.operationId);
    writer.writeLine('const paginators: Record<string, (input: object | undefined, options: TPageOptions | undefined) => Paginated<unknown, unknown>> = {};');
    if (renamed.length > 0) {
      writer.write('const methodNames: Record<string, string> = ');
      writeLiteral(writer, Object.fromEntries(renamed.map((operation) => [operation.operationId, operation.methodName])));
      writer.write(';').newLine();
    }
    writer.writeLine('for (const [id, descriptor] of Object.entries<OperationDescriptor>(operationDescriptors)) {');
    writer.indent().write(`if (descriptor.paging) paginators[${renamed.length > 0 ? 'methodNames[id] ?? id' : 'id'}] = (input, options) => paginate(descriptor, input ?? {}, options);`).newLine();
    writer.writeLine('}');
    writer.writeLine('return paginators as unknown as Paginators<TPageOptions>;');
  };
}
