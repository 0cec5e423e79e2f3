/** `npm run check`: is generated/ what the spec produces? See scripts/generator/cli/check-generated-command.ts. */
import { checkGeneratedCommand } from './generator/cli/check-generated-command.js';
import { processIo } from './generator/cli/command-line.js';

process.exitCode = await checkGeneratedCommand(process.argv.slice(2), processIo());
