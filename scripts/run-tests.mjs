// Runs vitest and ends with one plain line, "tests: N passed, N failed, N skipped",
// counted from vitest's JSON report so that the count cannot drift from the run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reportFile = join(mkdtempSync(join(tmpdir(), 'vitest-')), 'report.json');
const result = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

let report;
try {
  report = JSON.parse(readFileSync(reportFile, 'utf8'));
} catch {
  console.error('tests: vitest wrote no report');
  process.exit(result.status || 1);
}
const passed = report.numPassedTests;
const failed = report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (passed === 0) {
  console.error('tests: no test ran');
  process.exit(1);
}
process.exit(result.status === 0 && failed === 0 ? 0 : 1);
