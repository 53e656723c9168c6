import { readFile } from 'node:fs/promises';

/**
 * Prints one closing line, "N passed, N failed", over the unit and end-to-end runs (from the JSON reports
 * vitest writes beside its normal output), so a reader of CI logs need not add the two runs up.
 */
interface VitestJsonReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of ['test-results/unit.json', 'test-results/e2e.json']) {
  const report = JSON.parse(await readFile(file, 'utf8')) as VitestJsonReport;
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
}
console.log(skipped > 0 ? `${passed} passed, ${failed} failed, ${skipped} skipped` : `${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
