/**
 * One door to the results store for the whole server. The server never writes the store itself:
 * runs and comparisons run in child processes (jobs/job-process.ts), which open it only to append
 * a finished result. The server opens it read-only for one request at a time and closes it straight
 * after, so that those writers (and `regimes run` in another terminal) get it between requests; a
 * read that finds a writer appending waits for it (src/store/open.ts), up to `readWaitMs`.
 */
import { existsSync } from 'node:fs';
import { ResultStore } from '../store/index.ts';

/**
 * How long a request waits for a writer to finish appending, ms. Measured with
 * `npx tsx bench/store.bench.ts` on 2 loaded cores: a run (230,000 rows) holds the store 0.9–1.3 s,
 * a comparison of 10 runs 7.5 s (one transaction: a comparison is stored whole or not at all).
 */
export const READ_WAIT_MS = 60_000;

export class StoreGate {
  private chain: Promise<unknown> = Promise.resolve();

  /** @param file absolute path of the store file (inside the data folder) */
  constructor(
    readonly file: string,
    readonly readWaitMs = READ_WAIT_MS,
  ) {}

  /** Whether the store file exists yet (no run stored before it does). */
  exists(): boolean {
    return existsSync(this.file);
  }

  /**
   * Opens the store read-only, runs `fn`, closes it. Calls run one after another.
   * @throws `E_STORE_MISSING` when the file does not exist; `E_STORE_BUSY` when a writer held it longer than the wait
   */
  read<T>(fn: (store: ResultStore) => Promise<T>): Promise<T> {
    const next = this.chain.then(() => ResultStore.using(this.file, 'read', fn, { waitMs: this.readWaitMs }));
    this.chain = next.catch(() => undefined);
    return next;
  }
}
