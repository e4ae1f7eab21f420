// Prints the run's totals as one plain closing line ("Summary: N passed, N failed"),
// which CI reads to tell a run that tested something from one that ran nothing. It is
// written when the process exits, so it follows Jest's own summary. With JEST_SUMMARY_FILE
// set, the same line is also written to that file, for a CI script that runs more checks
// after the tests and closes its own output with the combined line.
const fs = require('node:fs');

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const tail = skipped > 0 ? `, ${skipped} skipped` : '';
    const line = `Summary: ${results.numPassedTests} passed, ${failed} failed${tail}\n`;
    if (process.env.JEST_SUMMARY_FILE) fs.writeFileSync(process.env.JEST_SUMMARY_FILE, line);
    process.once('exit', () => process.stderr.write(line));
  }
}

module.exports = SummaryReporter;
