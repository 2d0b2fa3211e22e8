/**
 * The tier of a deciding state on a date, from the world data's tiers (src/world/tier.ts): the
 * regime gives a country without a policy of its own the default policy of its tier. Years before
 * or after the data take the nearest year with data.
 */
import type { Tier } from '../regime/index.ts';
import type { World } from '../world/index.ts';

const BY_CODE: (Tier | undefined)[] = ['core', 'semi_periphery', 'periphery', undefined];

/** The tier of a country in a year, or undefined when the world does not classify it. */
export function tierInWorld(world: World, iso3: string, year: number): Tier | undefined {
  const i = world.countries.index.get(iso3);
  if (i === undefined) return undefined;
  const n = world.countries.countries.length;
  const y = Math.min(Math.max(year, world.span.first), world.span.last);
  return BY_CODE[world.tiers.tier[(y - world.span.first) * n + i]];
}
