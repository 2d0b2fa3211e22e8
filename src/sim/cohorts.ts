/**
 * Cohorts of the tally (issue 23; docs/model.md §7.1): the agents abroad that are equal in every
 * field the tally reads (`tallyPass`, agent-year.ts) — location, origin, status, channel, skill,
 * whether 65 or older, the violence they fled, the year their residence began (the remittances
 * decay with it, kernels/remittances.ts) and, for the protected, the year their status began (the
 * counting rule, kernels/counting-rule.ts). The agents of a cohort add the same amounts to every
 * sum, so a tally kept as one count per cohort, moved when an agent changes cohort, gives the
 * tally's sums (`tallyPass` over `storeOfCohorts` with the counts as weights). The benchmark measures what that would cost (bench/kept-tally.ts); the test of this
 * module checks that the key leaves out nothing the tally reads.
 */
import { TALLY, TALLY_KIND } from './kernels/tally.ts';
import { C } from './policy-tables.ts';
import { FREE, ST, S_ST_COUNT, TRAIT, allocateStore } from './state.ts';
import type { AgentStore } from './state.ts';

// the key packs the status in 5 bits and the channel in 4
if (S_ST_COUNT > 32 || C > 16) throw new Error('cohorts.ts: more statuses or channels than its key holds');

/** The key of a slot that is not an agent abroad (a free slot or a returnee): no cohort. */
export const NO_COHORT = -1;

/** The bits of the traits byte the tally reads: skill (bits 0–1), 65+ (bit 2), violence (bit 3). */
function tallyTraits(traits: number): number {
  return (
    (traits & TRAIT.skillMask) |
    ((traits & TRAIT.ageMask) === TRAIT.ageMask ? 4 : 0) |
    (traits & TRAIT.violence ? 8 : 0)
  );
}

/**
 * The cohort key of each slot [0, used), packed in a double below 2^53 (for up to 256 lines of
 * countries): location, origin, status, channel, tally traits, the year the status began (protected
 * only, else 0) and the year the residence began; `NO_COHORT` for free slots and returnees.
 */
export function cohortKeys(s: AgentStore, lines: number): Float64Array {
  const keys = new Float64Array(s.used);
  for (let i = 0; i < s.used; i++) {
    const st = s.status[i];
    if (st === FREE || st === ST.returnee) {
      keys[i] = NO_COHORT;
      continue;
    }
    const since = TALLY_KIND[st] === TALLY.protected ? s.statusSince[i] : 0;
    const cell = ((s.location[i] * lines + s.origin[i]) * 32 + st) * 16 + s.channel[i];
    keys[i] = ((cell * 16 + tallyTraits(s.traits[i])) * 256 + since) * 256 + s.residentSince[i];
  }
  return keys;
}

/**
 * A store of one agent per cohort key, on the store clock `clock`: the fields the tally reads, the
 * others left at their defaults (age band 65+ for the old; the younger all in band 0, which the
 * tally does not tell apart). `tallyPass` over it with each cohort's count as the weight gives the
 * tally of the cohorts' agents.
 */
export function storeOfCohorts(keys: ArrayLike<number>, lines: number, clock: number): AgentStore {
  const s = allocateStore(Math.max(1, keys.length));
  s.clock = clock;
  for (let i = 0; i < keys.length; i++) {
    let key = keys[i];
    s.residentSince[i] = key % 256;
    key = Math.floor(key / 256);
    s.statusSince[i] = key % 256;
    key = Math.floor(key / 256);
    const t = key % 16;
    s.traits[i] = (t & 3) | (t & 4 ? TRAIT.ageMask : 0) | (t & 8 ? TRAIT.violence : 0);
    key = Math.floor(key / 16);
    s.channel[i] = key % 16;
    key = Math.floor(key / 16);
    s.status[i] = key % 32;
    key = Math.floor(key / 32);
    s.origin[i] = key % lines;
    s.location[i] = Math.floor(key / lines);
  }
  s.used = keys.length;
  return s;
}
