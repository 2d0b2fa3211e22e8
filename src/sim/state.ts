/**
 * The agent store: one agent = K persons (the scale), state kept as struct-of-arrays on typed
 * arrays over SharedArrayBuffers, so worker threads read and write the same memory.
 *
 * Only people who live outside their country of birth, and returnees for a few years after coming
 * back, are agents. Stayers are represented in aggregate per country (population series of the
 * world data); each year a sample of potential movers is drawn from them and only those who move
 * become agents (kernels/decide-move.ts). This keeps the store at the size of the world's migrant
 * stock (≈ 154–193 M persons, 1990–2005) rather than its population (5.3–6.5 bn).
 *
 * Layout: 11 bytes per agent (see `BYTES_PER_AGENT`), every field one typed array. The labour
 * market needs no field: the tally counts it in expectation from each agent's cell (agent-year.ts).
 *
 * Durations are kept as the year they began, not as counters, so that an agent nothing happens to
 * in a year is read but not written (docs/model.md §7.1): the store has a clock, the year of the
 * last agent pass started, modulo 256, and the years in a status are the clock minus the clock's
 * value when the status began. The engine advances the clock when the agent pass starts, so the
 * durations read in a year are those the yearly counters held after their increment: a status
 * begun during the pass has 0 years until the next pass, one begun before it (a new arrival, the
 * starting population) already has one more. A run spans at most the world data's years plus one
 * (`YEARS_PAST_DATA`, world-input.ts), so no duration reaches the 256 at which the difference
 * would wrap; the engine refuses a year more than `MAX_RUN_YEARS` past the first.
 */
import { STATUSES } from '../regime/schema/vocabulary.ts';

/** Status code of a free slot (no agent). */
export const FREE = 255;

/** Status codes: the index in `STATUSES`. */
export const ST = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as {
  readonly [K in (typeof STATUSES)[number]]: number;
};

/** "No country" in a Uint16 country field. */
export const NO_COUNTRY = 0xffff;

/** Labour-market segments (docs/model.md §3.9). */
export const SEGMENT = { none: 0, high: 1, lowFormal: 2, informal: 3, selfEmployed: 4 } as const;

/** Bits of the `traits` byte. */
export const TRAIT = {
  /** bits 0–1: skill 0 low, 1 medium, 2 high */
  skillMask: 0b11,
  /** bits 2–3: age band 0 = 15–29, 1 = 30–44, 2 = 45–64, 3 = 65+ */
  ageShift: 2,
  ageMask: 0b1100,
  /** bit 4: exposed to life-threatening violence in the country of origin when leaving */
  violence: 1 << 4,
  /** bit 5: entered with a smuggler */
  smuggled: 1 << 5,
  /** bit 6: holds the citizenship of the origin as well (dual citizen) */
  dual: 1 << 6,
  /** bit 7: has returned home once and left again (re-immigrant) */
  reImmigrant: 1 << 7,
} as const;

/** The field list: name, array type and what it holds. The byte count follows from it. */
export const FIELDS = {
  /** Country of birth: country index, or N = a territory that is not a model country, N+1 = unknown (UN DESA `OOO`). */
  origin: Uint16Array,
  /** Country of residence (country index). */
  location: Uint16Array,
  /** Last destination before a return home (for re-immigration), or NO_COUNTRY. */
  previous: Uint16Array,
  /** Legal status: index in `STATUSES`; FREE for an empty slot. */
  status: Uint8Array,
  /** Channel of the last entry: index in `CHANNELS`. */
  channel: Uint8Array,
  /** Skill, age band, violence exposure, smuggled, dual citizen, re-immigrant (`TRAIT`). */
  traits: Uint8Array,
  /** The store's clock (`AgentStore.clock`) when the current status began: years in it = clock − this, mod 256. */
  statusSince: Uint8Array,
  /** The store's clock when residence in the current country began: years of residence = clock − this, mod 256. */
  residentSince: Uint8Array,
} as const;

export type FieldName = keyof typeof FIELDS;

/** Bytes of state per agent: the sum of the fields' element sizes. */
export const BYTES_PER_AGENT = Object.values(FIELDS).reduce((s, T) => s + T.BYTES_PER_ELEMENT, 0);

/** The arrays of the agent store. */
export type AgentArrays = { [K in FieldName]: InstanceType<(typeof FIELDS)[K]> };

/** The agent store: arrays of `capacity` slots; `count` = slots in use (free or not) from 0. */
export interface AgentStore extends AgentArrays {
  capacity: number;
  /** High-water mark: slots at or above it have never been used. */
  used: number;
  /** The year of the last agent pass started, modulo 256 (`statusSince`, `residentSince`). */
  clock: number;
}

/** The shared buffers of a store, to hand to worker threads. */
export type StoreBuffers = { [K in FieldName]: SharedArrayBuffer } & {
  capacity: number;
  used: number;
  clock: number;
};

/**
 * The most years a run may go past its first: the starting durations are under 30 years (init.ts),
 * so every duration stays below the 256 at which the clock's differences wrap.
 */
export const MAX_RUN_YEARS = 200;

/** The store's clock for a year. */
export const clockOf = (year: number): number => year & 255;

/** Whole years agent i has held its status. */
export const yearsInStatus = (s: AgentStore, i: number): number => (s.clock - s.statusSince[i]) & 255;
/** Whole years agent i has lived in its country. */
export const yearsInCountry = (s: AgentStore, i: number): number => (s.clock - s.residentSince[i]) & 255;
/** Agent i's status begins now (its years in the status restart from 0). */
export function statusBegins(s: AgentStore, i: number): void {
  s.statusSince[i] = s.clock;
}
/** Agent i arrives in a country now, in a new status: both durations restart from 0. */
export function residenceBegins(s: AgentStore, i: number): void {
  s.statusSince[i] = s.clock;
  s.residentSince[i] = s.clock;
}

/** A typed-array constructor over a buffer. */
type TypedArrayOver = new (buffer: ArrayBufferLike) => ArrayBufferView;

/** Allocates a store of `capacity` free slots on SharedArrayBuffers. */
export function allocateStore(capacity: number): AgentStore {
  const store = { capacity, used: 0, clock: 0 } as AgentStore;
  for (const [name, T] of Object.entries(FIELDS) as [FieldName, (typeof FIELDS)[FieldName]][]) {
    const buf = new SharedArrayBuffer(capacity * T.BYTES_PER_ELEMENT);
    (store as unknown as Record<string, unknown>)[name] = new (T as unknown as TypedArrayOver)(buf);
  }
  store.status.fill(FREE);
  store.previous.fill(NO_COUNTRY);
  return store;
}

/** The buffers behind a store. */
export function storeBuffers(store: AgentStore): StoreBuffers {
  const out = { capacity: store.capacity, used: store.used, clock: store.clock } as StoreBuffers;
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    (out as unknown as Record<string, unknown>)[name] = store[name].buffer as unknown as SharedArrayBuffer;
  }
  return out;
}

/** A store over buffers received from another thread. */
export function storeFromBuffers(b: StoreBuffers): AgentStore {
  const store = { capacity: b.capacity, used: b.used, clock: b.clock } as AgentStore;
  for (const [name, T] of Object.entries(FIELDS) as [FieldName, (typeof FIELDS)[FieldName]][]) {
    (store as unknown as Record<string, unknown>)[name] = new (T as unknown as TypedArrayOver)(b[name]);
  }
  return store;
}

/** A larger store holding the same agents (slots keep their index). */
export function growStore(store: AgentStore, capacity: number): AgentStore {
  const next = allocateStore(capacity);
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    (next[name] as Uint8Array).set(store[name] as Uint8Array);
  }
  next.used = store.used;
  next.clock = store.clock;
  return next;
}

/** Skill of an agent's traits byte (0 low, 1 medium, 2 high). */
export const skillOf = (traits: number): number => traits & TRAIT.skillMask;
/** Age band of a traits byte. */
export const ageOf = (traits: number): number => (traits & TRAIT.ageMask) >> TRAIT.ageShift;
/** A traits byte from its parts. */
export const makeTraits = (skill: number, age: number, violence: boolean): number =>
  (skill & TRAIT.skillMask) | ((age & 3) << TRAIT.ageShift) | (violence ? TRAIT.violence : 0);

/** Number of statuses (the S of the tables). */
export const S_ST_COUNT = STATUSES.length;
