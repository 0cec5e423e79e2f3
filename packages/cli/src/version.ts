/** The version of fgs: the one in its package.json, one folder above dist/. */
import { readFileSync } from 'node:fs';

export const cliVersion = (): string => (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
