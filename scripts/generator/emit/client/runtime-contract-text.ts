/**
 * The runtime contract's source (runtime-contract.ts), as client.gen.ts carries it: the file
 * without its leading `//` comment, which is about the file, not the contract.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generatorRoot } from '../../generator-root.js';

/** Where the contract lives, from the repository root (found the same way from source and from a bundle). */
export const runtimeContractFile = 'scripts/generator/emit/client/runtime-contract.ts';

export async function readRuntimeContract(): Promise<string> {
  const source = await readFile(path.join(generatorRoot().dir, runtimeContractFile), 'utf8');
  return contractText(source);
}

/** The source without its leading line comments and the blank lines after them, trimmed. */
export function contractText(source: string): string {
  return source.replace(/^(?:\/\/.*\n)+/, '').trim();
}
