/**
 * Opening the store file, one writer at a time. DuckDB lets one process hold a file for writing
 * and then refuses every other open, read-only ones included ("Could not set lock on file"). So
 * writers open the file only to append a finished result (a run's rows: well under a second; see
 * docs/api.md, "Sharing the results store") and readers open it read-only for one request; whoever
 * finds it held waits, retrying with a growing pause, up to a timeout. DuckDB's lock is released
 * by the operating system when a process dies, so a killed writer never leaves the store locked.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { UserError, userError } from '../shared/errors.ts';
import { checkVersion, migrate } from './schema.ts';

/** How long to wait for a store another process holds. */
export interface StoreWait {
  /** Most time to wait, ms (0: refuse at once). Default: `REGIMES_STORE_WAIT` seconds, else 30 s to read and 10 min to write. */
  waitMs?: number;
  /** Told once, when the file is found held and the wait begins. */
  onWait?(message: string): void;
}

/** The default waits, ms: reads are short, writes wait behind other writers' appends. */
export function defaultWaitMs(mode: 'read' | 'write', env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.REGIMES_STORE_WAIT);
  if (env.REGIMES_STORE_WAIT !== undefined && env.REGIMES_STORE_WAIT !== '' && Number.isFinite(s) && s >= 0)
    return s * 1000;
  return mode === 'read' ? 30_000 : 600_000;
}

/** An open DuckDB file. */
export interface OpenDatabase {
  instance: DuckDBInstance;
  db: DuckDBConnection;
}

/**
 * Opens (and for writing, creates and migrates) a store file, waiting while another process holds it.
 * @throws `E_STORE_MISSING` reading a file that does not exist; `E_STORE_BUSY` when it is still held
 *   after the wait; `E_STORE_OPEN` for a file DuckDB cannot read (truncated, not a database);
 *   `E_STORE_VERSION` for another layout
 */
export async function openDatabase(
  file: string,
  mode: 'read' | 'write',
  wait: StoreWait = {},
): Promise<OpenDatabase> {
  if (mode === 'read' && !existsSync(file))
    throw userError('E_STORE_MISSING', `no results store at ${file} (run \`regimes run\` first)`);
  if (mode === 'write') mkdirSync(dirname(file), { recursive: true });
  const instance = await createWaiting(file, mode, wait);
  try {
    const db = await instance.connect();
    try {
      if (mode === 'write') await migrate(db, file);
      else await checkVersion(db, file);
      return { instance, db };
    } catch (err) {
      db.closeSync();
      throw err;
    }
  } catch (err) {
    instance.closeSync();
    if (err instanceof UserError) throw err;
    throw unreadable(file, err);
  }
}

async function createWaiting(file: string, mode: 'read' | 'write', wait: StoreWait): Promise<DuckDBInstance> {
  const waitMs = wait.waitMs ?? defaultWaitMs(mode);
  const started = Date.now();
  let pause = 20;
  let told = false;
  for (;;) {
    try {
      return await DuckDBInstance.create(file, {
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'false',
        ...(mode === 'read' ? { access_mode: 'READ_ONLY' } : {}),
      });
    } catch (err) {
      const msg = err instanceof Error ? err.message : String(err);
      // (not just /lock/: DuckDB's IO errors on a truncated file speak of blocks)
      if (!/Could not set lock|Conflicting lock/i.test(msg)) throw unreadable(file, err);
      const holder = /PID (\d+)/.exec(msg)?.[1];
      const waited = Date.now() - started;
      if (waited >= waitMs)
        throw userError(
          'E_STORE_BUSY',
          `results store ${file} is held by another process${holder ? ` (PID ${holder})` : ''} and was not released within ${Math.round(waitMs / 1000)} s (one process writes it at a time; set REGIMES_STORE_WAIT to wait longer)`,
        );
      if (!told) {
        told = true;
        wait.onWait?.(
          `waiting for the results store: another process${holder ? ` (PID ${holder})` : ''} is using it`,
        );
      }
      await sleep(Math.min(pause, waitMs - waited) * (0.75 + Math.random() / 2));
      pause = Math.min(pause * 2, 500);
    }
  }
}

function unreadable(file: string, err: unknown): UserError {
  const msg = err instanceof Error ? err.message : String(err);
  return userError('E_STORE_OPEN', `cannot open results store ${file}: ${msg.split('\n')[0]}`);
}
