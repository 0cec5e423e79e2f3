/**
 * ts-morph, loaded once for the client emitter. It is CommonJS with its own TypeScript compiler
 * inside: through require() Node loads it directly, where an ESM import first scans all of it for
 * export names (about 0.3 s of CPU). Types come from the ESM typings as usual.
 */
import { createRequire } from 'node:module';

export const { IndentationText, NewLineKind, Project, QuoteKind, StructureKind, ts } = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');
