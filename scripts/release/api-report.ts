/**
 * The committed API report of @fgs-openapi/client (packages/client/etc/client.api.md), written by
 * API Extractor from the built `.d.ts`, so a reviewer sees every change of the public surface as a
 * diff.
 *
 *   tsx scripts/release/api-report.ts          refresh the report (npm run api:report)
 *   tsx scripts/release/api-report.ts --check  fail when the committed report is stale (CI)
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';
import { clientDeclarations, clientDir, repoRoot } from './released-package.js';

const check = process.argv.includes('--check');
const refresh = 'npm run api:report';

if (!existsSync(clientDeclarations)) {
  process.stderr.write(`api-report: ${relative(repoRoot, clientDeclarations)} is missing: run npm run build first\n`);
  process.exit(2);
}
const config = ExtractorConfig.loadFileAndPrepare(join(clientDir, 'api-extractor.json'));
const result = Extractor.invoke(config, {
  localBuild: !check,
  showVerboseMessages: false,
  messageCallback: (message) => {
    // Its "you have changed the API signature" warning is replaced by the message below.
    if (check && String(message.messageId).startsWith('console-api-report-')) message.handled = true;
  },
});
const report = relative(repoRoot, config.reportConfigs[0] ? join(config.reportFolder, config.reportConfigs[0].fileName) : config.reportFolder);
if (check && result.apiReportChanged) {
  process.stderr.write(
    `error: the committed API report ${report} is stale: the public surface of @fgs-openapi/client changed.\n` +
      `Refresh it with \`${refresh}\` (after npm run build), review the diff and commit it.\n`,
  );
  process.exit(1);
}
if (!result.succeeded) {
  process.stderr.write(`api-report: API Extractor reported ${result.errorCount} error(s) and ${result.warningCount} warning(s)\n`);
  process.exit(1);
}
process.stdout.write(check ? `api-report: ${report} is up to date\n` : `api-report: ${report} ${result.apiReportChanged ? 'updated' : 'unchanged'}\n`);
