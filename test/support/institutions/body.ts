/**
 * A decision body for tests: one state one vote among states, everything public; `over` changes
 * what a test needs (rule, seats, threshold, dominant party, dates).
 */
import type { Institution } from '../../../src/regime/index.ts';

export function testInstitution(over: Partial<Institution> = {}): Institution {
  return {
    kind: 'Institution',
    id: 'test-body',
    title: 'Test body',
    sources: [{ note: 'test' }],
    valid_from: '1990-01-01',
    voting_rule: 'one_state_one_vote',
    weight_basis: 'equal',
    seats: [{ constituency: 'states', share: 1 }],
    decision_threshold: 0.67,
    transparency: { public_records: true, open_sessions: true, published_reasons: true },
    ...over,
  } as Institution;
}
