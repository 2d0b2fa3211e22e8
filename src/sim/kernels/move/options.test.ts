import { describe, expect, it } from 'vitest';
import { PROTECTION_CODE } from '../../policy-tables.ts';
import { CLAIM } from '../asylum.ts';
import { fleeingViolenceProtected } from './options.ts';

/** One (destination, origin) cell of the protection table, the claims in `CLAIM` order. */
function cell(codes: Partial<Record<keyof typeof CLAIM, number>>): Uint8Array {
  const row = new Uint8Array(6);
  for (const [k, v] of Object.entries(codes)) row[CLAIM[k as keyof typeof CLAIM]] = v;
  return row;
}
const identity = Int32Array.from([0, 1, 2, 3, 4, 5]);

describe('group recognition of those fleeing organised violence', () => {
  it('holds where the country protects victims of a war', () => {
    expect(fleeingViolenceProtected(cell({ victimWar: PROTECTION_CODE.temporary }), 0, identity)).toBe(true);
  });

  it('holds where it protects victims of events seriously disturbing public order (OAU Art I(2), Cartagena III(3))', () => {
    // an OAU party of the 1990s (Zaire, Tanzania): its rules protect this claim and not the first
    expect(fleeingViolenceProtected(cell({ victimPublicOrder: PROTECTION_CODE.refugee }), 0, identity)).toBe(
      true,
    );
  });

  it('does not hold where only persecution is protected', () => {
    const persecutionOnly = cell({ activist: PROTECTION_CODE.refugee, target: PROTECTION_CODE.refugee });
    expect(fleeingViolenceProtected(persecutionOnly, 0, identity)).toBe(false);
  });

  it("reads the cell at the offset, through the tables' claim order", () => {
    const table = new Uint8Array(12);
    // the tables list the claims in another order: the public-order claim in column 0
    const claimIndex = Int32Array.from([5, 4, 3, 0, 2, 1]);
    table[6 + 0] = PROTECTION_CODE.refugee;
    expect(fleeingViolenceProtected(table, 0, claimIndex)).toBe(false);
    expect(fleeingViolenceProtected(table, 6, claimIndex)).toBe(true);
  });
});
