/**
 * Regularisations: the dated one-off programmes of the policy documents (`regularisations` of a
 * NationalPolicy: Spain 1991, 1996, 2000 and 2005, Italy 1990, 1995, 1998 and 2002, Greece 1998 and
 * 2001, France 1997–98; Levinson 2005, COMPAS; Baldwin-Edwards & Kraler 2009, REGINE) that gave
 * lawful status to people living without it. In a programme's year each eligible resident of the
 * country (by default the irregular and the rejected awaiting removal) gets the programme's status
 * with P = min(1, persons regularised / the eligible stock at the end of the year before), so the
 * expected number matches the programme's wherever the model has that many people to regularise.
 * Without the `regularisation` mechanism nobody is regularised.
 */
import type { PolicyTables } from '../policy-tables.ts';

/** The probability of regularisation of an eligible resident of each country this year. */
export function regularisationRates(
  tables: PolicyTables,
  eligibleStock: (d: number) => number,
  on: boolean,
): Float64Array {
  const n = tables.countries.length;
  const out = new Float64Array(n);
  if (!on) return out;
  for (let d = 0; d < n; d++) {
    const persons = tables.regularisedPersons[d];
    if (!(persons > 0)) continue;
    const stock = eligibleStock(d);
    out[d] = stock > 0 ? Math.min(1, persons / stock) : 0;
  }
  return out;
}
