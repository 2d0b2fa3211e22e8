/**
 * Determinism end to end, on the real engine, through the CLI: the same scenario, seed and scale
 * give the same digest whether the engine uses 1 or 2 threads, whether the run is a lone `run` or a
 * member of a `compare` on worker threads, and after a round trip through the store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runInProcess } from '../../test/support/cli/run-in-process.ts';
import { ResultStore, digestRows } from '../store/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'regimes-determinism-'));
const store = join(dir, 'results.duckdb');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function json(args: string[]): Promise<Record<string, unknown>> {
  const { code, stdout, stderr } = await runInProcess([...args, '--store', store, '--json', '--quiet']);
  if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
  return JSON.parse(stdout) as Record<string, unknown>;
}

// A coarse scale and two years keep this fast; the property does not depend on the size.
const tiny = ['--scale', '100000', '--from', '1990', '--to', '1991'];

describe('determinism (real engine)', () => {
  // ≈ 30 s on an idle 2-core machine (the policy tables of two regimes are compiled in three threads);
  // the limit leaves room for a busy one.
  it(
    'same scenario, seed and scale → same digest with 1 or 2 engine threads, alone or in an ensemble',
    { timeout: 180_000 },
    async () => {
      const one = await json(['run', 'world-1990-2020', '--seed', '2', ...tiny, '--threads', '1']);
      const two = await json(['run', 'world-1990-2020', '--seed', '2', ...tiny, '--threads', '2']);
      expect(one.outputDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(two.engineDigest).toBe(one.engineDigest);
      expect(two.outputDigest).toBe(one.outputDigest);
      // the engine's digest is the digest of the rows as stored
      expect(one.outputDigest).toBe(one.engineDigest);
      const db = await ResultStore.open(store, 'read');
      expect(digestRows(await db.readRows(String(one.runId)))).toBe(one.engineDigest);
      db.close();

      const other = await json(['run', 'world-1990-2020', '--seed', '3', ...tiny, '--threads', '1']);
      expect(other.engineDigest).not.toBe(one.engineDigest);

      // seeds 1 and 2 on 2 worker threads: the member (neoliberal, 2) matches the lone run of seed 2
      const cmp = await json([
        'compare',
        'world-1990-2020',
        '--regimes',
        'neoliberal,national-control',
        '--seeds',
        '2',
        ...tiny,
        '--threads',
        '2',
      ]);
      const members = cmp.members as { regime: string; seed: number; engineDigest: string }[];
      expect(members).toHaveLength(4);
      expect(members.find((m) => m.regime === 'neoliberal' && m.seed === 2)!.engineDigest).toBe(
        one.engineDigest,
      );
      expect(members.find((m) => m.regime === 'neoliberal' && m.seed === 1)!.engineDigest).not.toBe(
        one.engineDigest,
      );
    },
  );
});
