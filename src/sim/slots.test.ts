import { describe, expect, it } from 'vitest';
import { SlotAllocator, firstFree } from './slots.ts';
import { FREE, allocateStore } from './state.ts';
import { uniform } from './rng.ts';

/** The first free slot of [from, to), byte by byte: what `firstFree` must agree with. */
function firstFreeByBytes(status: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (status[i] === FREE) return i;
  return to;
}

/** A store of `capacity` slots, `used` of them taken, each used slot free with probability `freeShare`. */
function storeWithHoles(capacity: number, used: number, freeShare: number, key: number) {
  const store = allocateStore(capacity);
  store.used = used;
  for (let i = 0; i < used; i++) store.status[i] = uniform(key, i) < freeShare ? FREE : (i * 7) % 25;
  return store;
}

describe('free-slot search', () => {
  it('finds the same first free slot as a byte-by-byte walk, at any start and end', () => {
    const store = storeWithHoles(1027, 1023, 0.03, 11);
    const words = new Uint32Array(store.status.buffer, 0, store.capacity >> 2);
    for (let from = 0; from <= 1023; from += 1)
      for (const to of [from, from + 1, from + 5, 1000, 1023])
        if (to >= from)
          expect(firstFree(store.status, words, from, to)).toBe(firstFreeByBytes(store.status, from, to));
  });

  it('finds a free slot in every byte position of a word, and none where there is none', () => {
    for (let k = 0; k < 8; k++) {
      const store = allocateStore(16);
      store.status.fill(3);
      store.status[k + 4] = FREE;
      const words = new Uint32Array(store.status.buffer);
      expect(firstFree(store.status, words, 0, 16)).toBe(k + 4);
      expect(firstFree(store.status, words, k + 5, 16)).toBe(16);
    }
  });

  it('hands out the free slots in slot order, then fresh ones, growing the store', () => {
    const store = storeWithHoles(2001, 2001, 0.05, 12);
    const expected: number[] = [];
    for (let i = 0; i < store.used; i++) if (store.status[i] === FREE) expected.push(i);
    const slots = new SlotAllocator(store);
    const got: number[] = [];
    for (let k = 0; k < expected.length + 10; k++) {
      const i = slots.next();
      slots.store.status[i] = 1;
      got.push(i);
    }
    expect(got).toEqual([...expected, ...Array.from({ length: 10 }, (_, k) => 2001 + k)]);
    expect(slots.store.capacity).toBeGreaterThan(2001);
    expect(slots.store.used).toBe(2011);
    // after the year's rewind, a slot freed in the grown store is found again
    slots.store.status[1500] = FREE;
    slots.rewind();
    expect(slots.next()).toBe(1500);
  });
});
