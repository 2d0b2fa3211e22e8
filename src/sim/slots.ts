/**
 * Free-slot allocation for new agents: a cursor walks the store for free slots left by deaths and
 * returns, then uses fresh slots, growing the store by half when full. Runs on the main thread
 * only, in a fixed order, so slot numbers (and so every random draw) are reproducible.
 */
import type { AgentStore } from './state.ts';
import { FREE, growStore } from './state.ts';

export class SlotAllocator {
  store: AgentStore;
  private cursor = 0;
  constructor(store: AgentStore) {
    this.store = store;
  }
  /** Restarts the search for free slots from the beginning (once a year). */
  rewind(): void {
    this.cursor = 0;
  }
  /** A free slot (the store may be replaced by a larger one; read `store` again after calling). */
  next(): number {
    const s = this.store;
    const status = s.status;
    const used = s.used;
    let i = this.cursor;
    while (i < used && status[i] !== FREE) i++;
    if (i < used) {
      this.cursor = i + 1;
      return i;
    }
    if (used >= s.capacity) this.store = growStore(s, Math.max(1024, Math.ceil(s.capacity * 1.5)));
    this.store.used = used + 1;
    this.cursor = used + 1;
    return used;
  }
}
