/** TEST HELPER: a stored run's record with placeholder values, for tests that write runs to a store. */
import type { RunRecord } from '../../src/store/index.ts';

/** A run record for `ResultStore.addRun`; `over` replaces any field (the id at least). */
export function testRunRecord(
  over: Partial<Omit<RunRecord, 'rowCount'>> & { id: string },
): Omit<RunRecord, 'rowCount'> {
  return {
    createdAt: '2026-01-01T00:00:00Z',
    scenario: 's',
    regime: 'r',
    seed: 1,
    scale: 1000,
    from: 1990,
    to: 2019,
    threads: 1,
    codeVersion: 'test',
    commandLine: 'test',
    engineDigest: 'e',
    outputDigest: 'o',
    agents: 1,
    wallMs: 1,
    comparisonId: null,
    ...over,
  };
}
