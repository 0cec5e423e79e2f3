/**
 * Emits `client.gen.ts` from the model with ts-morph structures, printed once: the runtime
 * contract (runtime-contract.ts, as it is), the data tables with the operation descriptors the
 * hand-written runtime interprets (tables.ts), each operation's types indexed into schema.gen.ts
 * (operation-types.ts), and the typed `Operations` surface whose JSDoc (summary, description,
 * `@deprecated`) editors show at the call site (operations-interface.ts), and the typed paginators of the list operations (paginators.ts). The file imports nothing
 * but the schema types, so it type-checks on its own.
 */
import type { ApiModel } from '../../model/api-model.js';
import { clientDefaultsInterface, operationsSurface } from './operations-interface.js';
import { operationStatements } from './operation-types.js';
import { paginatorsSurface } from './paginators.js';
import { printStatements, type Statement } from './print.js';
import { tableStatements } from './tables.js';
import { StructureKind } from './ts-morph.js';

export interface EmitClientOptions {
  /** The module the schema types are imported from (`./schema.gen.js`). */
  schemaModule: string;
  /** The file's first line(s): who generated it and how to regenerate it. */
  header: string;
  /** The runtime contract's source (runtime-contract-text.ts reads it). */
  runtimeContract: string;
}

export function emitClient(model: ApiModel, options: EmitClientOptions): string {
  const statements: Statement[] = [
    ...schemaImport(model, options.schemaModule),
    options.runtimeContract,
    ...tableStatements(model),
    clientDefaultsInterface(model),
    ...model.operations.flatMap(operationStatements),
    ...operationsSurface(model),
    ...paginatorsSurface(model),
  ];
  return `${options.header}\n${printStatements(statements)}`;
}

/** `import type { paths }`; a spec without operations has no paths to index, and `import type {}` would not even parse. */
function schemaImport(model: ApiModel, schemaModule: string): Statement[] {
  return model.operations.length > 0 ? [{ kind: StructureKind.ImportDeclaration, isTypeOnly: true, moduleSpecifier: schemaModule, namedImports: ['paths'] }] : [];
}
