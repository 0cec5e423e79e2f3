/** `npm run generate`: see scripts/generator/cli/generate-command.ts. */
import { processIo } from './generator/cli/command-line.js';
import { generateCommand } from './generator/cli/generate-command.js';

process.exitCode = await generateCommand(process.argv.slice(2), processIo());
