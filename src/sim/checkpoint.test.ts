import { describe, expect, it } from 'vitest';
import type { CheckpointParts } from './checkpoint.ts';
import { CHECKPOINT_FORMAT, captureCheckpoint, resumeFrom } from './checkpoint.ts';
import type { SimulationInput } from './index.ts';
import { simulate } from './index.ts';
import { standinTablesForYear } from './standin-tables.ts';
import { tinyWorld } from '../../test/support/sim/tiny-world.ts';

function input(threads = 1): SimulationInput {
  const world = tinyWorld();
  return {
    world,
    tablesForYear: standinTablesForYear(world, {}),
    regimeId: 'test',
    seed: 7,
    scale: 500,
    fromYear: 1990,
    toYear: 1997,
    threads,
    groupSize: 1024,
  };
}

/** A reader over checkpoint parts held in memory (what checkpoint-file.ts does with a file). */
const memoryReader = (parts: CheckpointParts) => (i: number, into: ArrayBufferView) => {
  const from = parts.blobs[i];
  new Uint8Array(into.buffer, into.byteOffset, into.byteLength).set(
    new Uint8Array(from.buffer, from.byteOffset, from.byteLength),
  );
};

/** Runs to `stopAfter`, keeping the checkpoint taken there (through JSON, as on disk). */
function checkpointAt(stopAfter: number, threads = 1): CheckpointParts<{ tag: string }> {
  let parts: CheckpointParts<{ tag: string }> | undefined;
  simulate(
    { ...input(threads), toYear: stopAfter },
    { afterStep: (year, engine, rows) => (parts = captureCheckpoint(engine, year, rows, { tag: 'x' })) },
  );
  return { header: JSON.parse(JSON.stringify(parts!.header)), blobs: parts!.blobs };
}

describe('checkpoints of the engine', () => {
  const whole = simulate(input());

  it('a run resumed from a checkpoint ends with the same rows and digest as an uninterrupted run', () => {
    for (const stopAfter of [1990, 1993]) {
      const parts = checkpointAt(stopAfter);
      expect(parts.header.year).toBe(stopAfter);
      expect(parts.header.meta).toEqual({ tag: 'x' });
      const resumed = simulate(input(), { resume: resumeFrom(parts.header, memoryReader(parts)) });
      expect(resumed.digest).toBe(whole.digest);
      expect(resumed.rows).toEqual(whole.rows);
      expect(resumed.agents).toBe(whole.agents);
    }
  });

  it('a checkpoint taken with two threads resumes with one (and the other way round) to the same digest', () => {
    const parts = checkpointAt(1992, 2);
    expect(simulate(input(1), { resume: resumeFrom(parts.header, memoryReader(parts)) }).digest).toBe(
      whole.digest,
    );
    const single = checkpointAt(1992, 1);
    expect(simulate(input(2), { resume: resumeFrom(single.header, memoryReader(single)) }).digest).toBe(
      whole.digest,
    );
  });

  it('saves the agent slots in use, not the whole capacity', () => {
    const parts = checkpointAt(1991);
    const store = parts.header.engine.store as { store: { capacity: number; used: number } };
    expect(store.store.used).toBeGreaterThan(0);
    expect(store.store.used).toBeLessThanOrEqual(store.store.capacity);
    const status =
      parts.blobs[
        (parts.header.engine.store as { store: { fields: Record<string, number> } }).store.fields.status
      ];
    expect(status.byteLength).toBe(store.store.used);
  });

  it('refuses a checkpoint of another layout, and one naming an engine field that does not exist', () => {
    const parts = checkpointAt(1991);
    expect(() =>
      resumeFrom({ ...parts.header, format: (CHECKPOINT_FORMAT + 1) as never }, memoryReader(parts)),
    ).toThrow(new RegExp(`format ${CHECKPOINT_FORMAT + 1}`));
    const odd = { ...parts.header, engine: { ...parts.header.engine, noSuchField: { v: 1 } } };
    expect(() => simulate(input(), { resume: resumeFrom(odd, memoryReader(parts)) })).toThrow(
      /no field noSuchField/,
    );
  });
});
