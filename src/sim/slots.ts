/**
 * Free-slot allocation for new agents: a cursor walks the store for free slots left by deaths and
 * returns, then uses fresh slots, growing the store by half when full. Runs on the main thread
 * only, in a fixed order, so slot numbers (and so every random draw) are reproducible.
 *
 * The walk reads the status bytes four at a time (`firstFree`): a status is an index in
 * `STATUSES` (< 128) and a free slot is 255, so a word of four slots holds a free one exactly when
 * one of its bytes has the high bit set. Only about 1% of the slots are free when the year's
 * decisions start (measured at 11.5 M slots in 1994), so the cursor crosses nearly the whole
 * store every year; byte by byte that took ≈ 4 ns per slot on the main thread (docs/model.md §7.1).
 */
import type { AgentStore } from './state.ts';
import { FREE, NO_COUNTRY, S_ST_COUNT, growStore, residenceBegins } from './state.ts';

/** The high bit of each byte of a 32-bit word. */
const HIGH_BITS = 0x80808080;

/** True on little-endian machines, where byte k of a word is the slot 4w + k. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

if (S_ST_COUNT >= 0x80 || FREE < 0x80)
  throw new Error('slots.ts: a status code would have the high bit of FREE');

/**
 * The first free slot in [from, to) of `status`, or `to` if there is none. `words` is the same
 * memory as 32-bit words (`status.buffer`), read where a whole word lies in the range.
 */
export function firstFree(status: Uint8Array, words: Uint32Array, from: number, to: number): number {
  let i = from;
  const wordsEnd = LITTLE_ENDIAN ? Math.min(to >> 2, words.length) : 0;
  // bytes up to the next word boundary
  while (i < to && (i & 3) !== 0) {
    if (status[i] === FREE) return i;
    i++;
  }
  for (let w = i >> 2; w < wordsEnd; w++) {
    const free = words[w] & HIGH_BITS;
    // the lowest set bit is the first free slot of the word (little-endian)
    if (free !== 0) return (w << 2) + ((31 - Math.clz32(free & -free)) >> 3);
  }
  i = Math.max(i, wordsEnd << 2);
  while (i < to) {
    if (status[i] === FREE) return i;
    i++;
  }
  return to;
}

/** The status bytes of a store as 32-bit words (a view of the same memory, not a copy). */
function statusWords(store: AgentStore): Uint32Array {
  const status = store.status;
  return new Uint32Array(status.buffer, status.byteOffset, status.byteOffset % 4 ? 0 : status.length >> 2);
}

export class SlotAllocator {
  /** The store (replaced by a larger one when it fills: read it again after `next`). */
  store: AgentStore;
  private cursor = 0;
  /** `store.status` as words, and the array it views (the store can be replaced, checkpoint.ts). */
  private words: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  private wordsOf?: Uint8Array;
  constructor(store: AgentStore) {
    this.store = store;
  }
  /** Restarts the search for free slots from the beginning (once a year). */
  rewind(): void {
    this.cursor = 0;
  }
  /** A free slot (the store may be replaced by a larger one; read `store` again after calling). */
  next(): number {
    let s = this.store;
    if (this.wordsOf !== s.status) {
      this.words = statusWords(s);
      this.wordsOf = s.status;
    }
    const used = s.used;
    const i = firstFree(s.status, this.words, this.cursor, used);
    if (i < used) {
      this.cursor = i + 1;
      return i;
    }
    if (used >= s.capacity) {
      s = growStore(s, Math.max(1024, Math.ceil(s.capacity * 1.5)));
      this.store = s;
    }
    s.used = used + 1;
    this.cursor = used + 1;
    return used;
  }
  /**
   * A new agent in a free slot, arriving in `location` now from no previous country (both its
   * durations restart from 0); returns the slot (read `store` again after calling).
   */
  arrival(origin: number, location: number, status: number, channel: number, traits: number): number {
    const i = this.next();
    const st = this.store;
    st.origin[i] = origin;
    st.location[i] = location;
    st.previous[i] = NO_COUNTRY;
    st.status[i] = status;
    st.channel[i] = channel;
    st.traits[i] = traits;
    residenceBegins(st, i);
    return i;
  }
}
