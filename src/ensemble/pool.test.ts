import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../shared/errors.ts';
import { digestRows, unpackRows } from '../store/index.ts';
import type { MemberJob } from './member.ts';
import { runEnsemble } from './pool.ts';

const runnerModule = new URL('../../test/support/ensemble/double-member.ts', import.meta.url);
const job = (regime: string, seed: number): MemberJob => ({
  scenario: 's',
  regime,
  seed,
  scale: 1000,
  from: 1990,
  to: 1994,
  threads: 1,
});
const jobs = ['a', 'b'].flatMap((r) => [1, 2, 3].map((s) => job(r, s)));

afterEach(() => {
  delete process.env.REGIMES_TEST_CRASH_MARKER;
});

describe('ensemble pool', () => {
  it('gives the same outputs, in job order, on 1 thread and on 2 worker threads', async () => {
    const one = await runEnsemble(jobs, { threads: 1, runnerModule });
    const years: number[] = [];
    const done: number[] = [];
    const two = await runEnsemble(jobs, {
      threads: 2,
      runnerModule,
      onYear: (_, y) => years.push(y),
      onDone: (i) => done.push(i),
    });
    const digests = (outs: typeof one) => outs.map((o) => digestRows(unpackRows(o.rows)));
    expect(digests(two)).toEqual(digests(one));
    expect(two.map((o) => o.engineDigest)).toEqual(one.map((o) => o.engineDigest));
    expect(new Set(digests(one)).size).toBe(6);
    expect(years).toHaveLength(6 * 5);
    expect([...done].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('fails with the member’s user error, diagnostics kept, when a job throws in a worker', async () => {
    const err = await runEnsemble([job('a', 1), job('unknown-regime', 1)], {
      threads: 2,
      runnerModule,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toBe('unknown regime: unknown-regime [E_UNKNOWN_ID]');
  });

  it('loses no result when a worker dies: the job goes to a fresh worker', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'regimes-pool-'));
    try {
      process.env.REGIMES_TEST_CRASH_MARKER = join(dir, 'marker');
      const list = [job('a', 1), job('crash-once', 2), job('a', 3)];
      const outs = await runEnsemble(list, { threads: 2, runnerModule });
      expect(existsSync(process.env.REGIMES_TEST_CRASH_MARKER)).toBe(true); // it did crash once
      expect(outs).toHaveLength(3);
      const again = await runEnsemble(list, { threads: 1, runnerModule });
      expect(outs.map((o) => o.engineDigest)).toEqual(again.map((o) => o.engineDigest));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns nothing for no jobs and refuses a thread count below 1', async () => {
    expect(await runEnsemble([], { threads: 2, runnerModule })).toEqual([]);
    await expect(runEnsemble(jobs, { threads: 0, runnerModule })).rejects.toThrow(
      'threads must be a positive integer, got 0',
    );
  });
});
