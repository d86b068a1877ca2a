// Writes jest's aggregated results to .data/jest-results.json on every run, so that CI can
// print "N passed, N failed" from jest's own figures whatever command line ran the tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export default class ResultsFileReporter {
  /** @param {import('@jest/types').Config.GlobalConfig} globalConfig */
  constructor(globalConfig) {
    this.file = join(globalConfig.rootDir, '.data', 'jest-results.json');
  }

  /** @param {unknown} _contexts @param {import('@jest/test-result').AggregatedResult} results */
  onRunComplete(_contexts, results) {
    mkdirSync(dirname(this.file), { recursive: true });
    const { numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, numRuntimeErrorTestSuites, success } = results;
    writeFileSync(this.file, JSON.stringify({ numPassedTests, numFailedTests, numPendingTests, numTotalTests, numFailedTestSuites, numRuntimeErrorTestSuites, success }, null, 2));
  }
}
