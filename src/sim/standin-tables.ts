/**
 * Stand-in policy tables by tier, for the calibration, tests and benchmarks while the compiled
 * tables (src/rules/tables.ts) are not available: the core runs the de facto neo-liberal policy
 * (`NEOLIBERAL_STANDIN`, visa-free among core states), the semi-periphery a looser copy, the
 * periphery an OAU-style asylum practice (protection for victims of generalised violence, Overbeek
 * 2002, §4, and the OAU Convention 1969, Art I(2)) with little enforcement and no visas for neighbours.
 */
import type { PolicyTables, UniformPolicy } from './policy-tables.ts';
import { NEOLIBERAL_STANDIN, uniformTables } from './policy-tables.ts';
import type { WorldInput } from './world-input.ts';
import { at } from './world-input.ts';

export const SEMI_PERIPHERY_STANDIN: UniformPolicy = {
  ...NEOLIBERAL_STANDIN,
  open: { ...NEOLIBERAL_STANDIN.open, temporary_labour: 0.8, labour: 0.3 },
  carrierSanctions: false,
  enforcementBorder: 0.3,
  enforcementInterior: 0.15,
  employerSanctions: false,
  yearsToLongTermResidence: 10,
  yearsToNaturalisation: 15,
};

export const PERIPHERY_STANDIN: UniformPolicy = {
  ...NEOLIBERAL_STANDIN,
  open: {
    labour: 0.2,
    temporary_labour: 0.5,
    intra_corporate: 0.5,
    service_provider: 0.5,
    establishment: 0.5,
    family: 0.5,
    asylum: 1,
    irregular: 1,
  },
  visaRequired: false,
  carrierSanctions: false,
  enforcementBorder: 0.1,
  enforcementInterior: 0.05,
  employerSanctions: false,
  readmission: false,
  protection: {
    persecuted_activist: 1,
    persecuted_target: 1,
    victim_life_threatening_generalised: 1,
    victim_public_order_disturbed: 1,
  },
  yearsToLongTermResidence: Infinity,
  yearsToNaturalisation: Infinity,
};

/** Tables for one year from the tiers of that year; `overrides` replace the policy of a tier. */
export function tierStandinTables(
  world: WorldInput,
  year: number,
  overrides: Partial<Record<0 | 1 | 2, UniformPolicy>> = {},
): PolicyTables {
  const n = world.iso3.length;
  const policies = [
    overrides[0] ?? NEOLIBERAL_STANDIN,
    overrides[1] ?? SEMI_PERIPHERY_STANDIN,
    overrides[2] ?? PERIPHERY_STANDIN,
  ];
  const per = new Map<number, UniformPolicy>();
  for (let c = 0; c < n; c++) per.set(c, policies[Math.min(2, world.tier[at(world, year, c)])]);
  const t = uniformTables(world.iso3, policies[0], per);
  for (let d = 0; d < n; d++) {
    const td = world.tier[at(world, year, d)];
    for (let o = 0; o < n; o++) {
      if (o === d) continue;
      const to = world.tier[at(world, year, o)];
      if (td === 0 && to === 0) t.visaRequired[d * n + o] = 0;
    }
  }
  return t;
}

/** A `tablesForYear` over the stand-in tables, cached per year. */
export function standinTablesForYear(
  world: WorldInput,
  overrides: Partial<Record<0 | 1 | 2, UniformPolicy>> = {},
): (year: number) => PolicyTables {
  const cache = new Map<number, PolicyTables>();
  return (year) => {
    let t = cache.get(year);
    if (!t) cache.set(year, (t = tierStandinTables(world, year, overrides)));
    return t;
  };
}
