/**
 * One door to the results store for the whole server. DuckDB lets one process hold a store file
 * for writing, so the server opens it for each operation, one operation at a time, and closes it
 * straight after: a `regimes run` in another terminal can use the store between requests.
 */
import { existsSync } from 'node:fs';
import { ResultStore } from '../store/index.ts';

export class StoreGate {
  private chain: Promise<unknown> = Promise.resolve();

  /** @param file absolute path of the store file (inside the data folder) */
  constructor(readonly file: string) {}

  /** Whether the store file exists yet (no run stored before it does). */
  exists(): boolean {
    return existsSync(this.file);
  }

  /**
   * Opens the store, runs `fn`, closes it. Calls run one after another.
   * @param mode `read` needs the file to exist (E_STORE_MISSING otherwise); `write` creates it
   */
  use<T>(mode: 'read' | 'write', fn: (store: ResultStore) => Promise<T>): Promise<T> {
    const next = this.chain.then(async () => {
      const store = await ResultStore.open(this.file, mode);
      try {
        return await fn(store);
      } finally {
        store.close();
      }
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}
