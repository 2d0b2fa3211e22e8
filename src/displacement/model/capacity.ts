/**
 * Camp capacity (Flee's moving.py getCapMultiplier): a camp's attractiveness falls linearly from
 * 1 to 0 as its occupants go from capacity_buffer × cap to cap, cap = capacity × capacity_scaling.
 */
import type { ModelState } from './state.ts';

/** Effective capacities: capacity × capacity_scaling × lever multiplier. */
export function refreshCapacities(m: ModelState): void {
  const p = m.places;
  for (let i = 0; i < p.count; i++)
    p.cap[i] = p.baseCapacity[i] * m.settings.capacityScaling * p.capacityLever[i];
}

/** Flee reduces each camp's capacity by its day-0 count, although those people are also in it. */
export function reduceCapacitiesByDay0(m: ModelState): void {
  const { baseCapacity } = m.places;
  const { locations, day0Pops } = m.scenario;
  for (let i = 0; i < m.places.count; i++)
    if (baseCapacity[i] > 0) baseCapacity[i] -= day0Pops.get(locations[i].name) ?? 0;
  refreshCapacities(m);
}

/**
 * Capacity multiplier of place d: 1 without a capacity (cap < 1) or up to capacity_buffer × cap
 * occupants, 0 at cap or above, linear in between. Occupants are the people there, plus those on
 * a link into it unless the rules ignore them (Flee).
 */
export function capacityMultiplier(m: ModelState, d: number): number {
  const c = m.places.cap[d];
  if (c < 1) return 1;
  const buf = m.settings.capacityBuffer;
  const occ = m.rules.capacityIgnoresEnRoute
    ? m.places.occupants[d]
    : m.places.occupants[d] + m.places.enRoute[d];
  if (occ <= buf * c) return 1;
  if (occ >= c) return 0;
  return 1 - (occ - buf * c) / (c * (1 - buf));
}
