import type { Reporter, TestModule } from 'vitest/node';

/** Prints the plain closing line `Tests: N passed, N failed, N skipped` that CI counts. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const n = { passed: 0, failed: 0, skipped: 0 };
    for (const m of modules) {
      // A module that failed to load has no tests; count it as one failure so it is never silent.
      if (m.state() === 'failed' && [...m.children.allTests()].length === 0) n.failed++;
      for (const t of m.children.allTests()) {
        const s = t.result().state;
        if (s === 'passed') n.passed++;
        else if (s === 'failed') n.failed++;
        else n.skipped++;
      }
    }
    process.stdout.write(`\nTests: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped\n`);
  }
}
