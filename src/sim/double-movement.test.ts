import { describe, expect, it } from 'vitest';
import { RIGHTS, STATUSES } from '../regime/schema/vocabulary.ts';
import { commodificationIndex, emancipationIndex } from './indicators.ts';
import type { MigrantTallies } from './indicators.ts';
import { STATUS_FLAG, statusFlags } from './kernels/tally.ts';

const none: MigrantTallies = {
  stock: 100,
  unfree: 0,
  rent: 0,
  wagesPaid: 1000,
  secure: 0,
  membershipRoute: 0,
  rightsSum: 0,
  unprotected: 0,
};
const mask = (...rights: (typeof RIGHTS)[number][]) =>
  rights.reduce((m, r) => m | (1 << RIGHTS.indexOf(r)), 0);

describe('commodification and emancipation indices', () => {
  it('rise with unfree labour and the employer’s rent, from 0 to 100', () => {
    expect(commodificationIndex(none)).toBe(0);
    expect(commodificationIndex({ ...none, unfree: 50 })).toBe(25);
    expect(commodificationIndex({ ...none, unfree: 100, rent: 1000, wagesPaid: 0 })).toBe(100);
    // rent as a share of the formal rate: 250 withheld of 1,000
    expect(commodificationIndex({ ...none, rent: 250, wagesPaid: 750 })).toBeCloseTo(12.5);
    expect(commodificationIndex({ ...none, stock: 0 })).toBeNaN();
  });
  it('rise with security, routes to membership and rights, and fall with the unprotected', () => {
    expect(emancipationIndex(none)).toBe(25);
    const full = { ...none, secure: 100, membershipRoute: 100, rightsSum: 100 };
    expect(emancipationIndex(full)).toBe(100);
    expect(emancipationIndex({ ...full, unprotected: 40 })).toBe(90);
  });
  it('flags a status as unfree without the right to work or to change employer, or when temporary', () => {
    const S = STATUSES.length;
    const masks = new Uint16Array(S);
    const free = mask('work', 'change_employer', 'residence_security', 'permanent_residence');
    masks.fill(free);
    masks[STATUSES.indexOf('irregular')] = 0;
    masks[STATUSES.indexOf('family_member')] = mask('work', 'residence_security');
    const f = statusFlags(masks);
    const of = (s: (typeof STATUSES)[number]) => f[STATUSES.indexOf(s)];
    expect(of('permanent_resident')).toBe(STATUS_FLAG.secure | STATUS_FLAG.route);
    expect(of('irregular')).toBe(STATUS_FLAG.unfree);
    expect(of('family_member')).toBe(STATUS_FLAG.unfree | STATUS_FLAG.secure);
    expect(of('temporary_worker') & STATUS_FLAG.unfree).toBeTruthy();
  });
});
