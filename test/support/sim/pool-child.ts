/**
 * Runs the tiny world with 2 threads and prints its digest (pool.test.ts starts this in a child
 * process whose working directory is outside the repository).
 */
import { simulate } from '../../../src/sim/index.ts';
import { standinInput } from './standin-input.ts';
import { tinyWorld } from './tiny-world.ts';

const r = simulate(
  standinInput(tinyWorld(), {
    seed: 7,
    scale: 2000,
    toYear: 1992,
    threads: Number(process.argv[2] ?? 2),
    groupSize: 512,
  }),
);
process.stdout.write(`${r.digest}\n`);
