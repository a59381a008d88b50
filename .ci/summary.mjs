// Prints "N passed, N failed, N skipped" from vitest's JSON report; exits 1 when the report is
// missing or shows no test run, so an empty run can never pass.
import { readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'test-results/vitest.json';
let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.log(`no test report at ${path}: ${error.message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
// A test file that fails to load has no failed test of its own: count the file instead. A run
// that failed before any test (a globalSetup error, such as PostgreSQL missing under CI) counts one.
const failed = Math.max(report.numFailedTests ?? 0, report.numFailedTestSuites ?? 0, report.success === false ? 1 : 0);
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(passed > 0 && failed === 0 ? 0 : 1);
