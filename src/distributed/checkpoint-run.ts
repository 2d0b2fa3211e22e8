/**
 * Runs that survive being stopped: `regimes run … --checkpoint-every N` saves the engine's state
 * every N simulated years (src/sim/checkpoint.ts, written atomically by checkpoint-file.ts), and
 * `regimes resume RUN` continues from the last checkpoint and stores the run under the id it was
 * given at the start. The resumed run ends with the same rows and digest as an uninterrupted one.
 *
 * A checkpoint lives next to the results store, in `checkpoints/RUN.ckpt`, and is removed once the
 * run is stored. Checkpoints need the real engine (they save its state), whatever runner a command
 * was given.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MemberJob, MemberOutput } from '../ensemble/member.ts';
import { prepareOptionsOf } from '../ensemble/member.ts';
import { userError } from '../shared/errors.ts';
import { captureCheckpoint, resumeFrom } from '../sim/checkpoint.ts';
import { prepareSimulation, simulate } from '../sim/index.ts';
import type { SimulationHooks } from '../sim/index.ts';
import { codeVersion, newId, packRows } from '../store/index.ts';
import { openCheckpointFile, writeCheckpointFile } from './checkpoint-file.ts';

/** What a checkpoint says about its run (the header's `meta`). */
export interface CheckpointMeta {
  runId: string;
  job: MemberJob;
  /** Years between checkpoints. */
  every: number;
  /** Where the run is to be stored and exported, and the command line that started it. */
  storeFile: string;
  outDir?: string;
  commandLine: string;
  /** Code that made the checkpoint. */
  codeVersion: string;
}

/** Most years between checkpoints accepted (a typo guard; runs are decades long). */
const MAX_EVERY = 1000;

/** `--checkpoint-every N`: years between checkpoints, 1…1000. */
export function parseCheckpointEvery(text: string): number {
  const t = text.trim();
  if (!/^\d+$/.test(t) || Number(t) < 1 || Number(t) > MAX_EVERY)
    throw userError(
      'E_RUN_OPTION',
      `--checkpoint-every: expected a number of years from 1 to ${MAX_EVERY}, got ${JSON.stringify(text)}`,
    );
  return Number(t);
}

/** The checkpoint file of a run stored in `storeFile`. */
export function checkpointFileOf(storeFile: string, runId: string): string {
  return join(dirname(storeFile), 'checkpoints', `${runId}.ckpt`);
}

/** Simulates `job`, saving a checkpoint after every `meta.every`-th year (not after the last). */
async function simulateWithCheckpoints(
  job: MemberJob,
  meta: Omit<CheckpointMeta, 'job'>,
  onYear: (year: number) => void,
  resume?: SimulationHooks['resume'],
): Promise<MemberOutput> {
  const file = checkpointFileOf(meta.storeFile, meta.runId);
  const input = await prepareSimulation(prepareOptionsOf(job));
  const started = performance.now();
  const result = simulate(input, {
    resume,
    onYear: (year) => onYear(year),
    afterStep: (year, engine, rows) => {
      if (year < job.to && (year - job.from + 1) % meta.every === 0)
        writeCheckpointFile(
          file,
          captureCheckpoint(engine, year, rows, { ...meta, job } satisfies CheckpointMeta),
        );
    },
  });
  return {
    engineDigest: result.digest,
    agents: result.agents,
    rows: packRows(result.rows),
    wallMs: performance.now() - started,
  };
}

/** A member function for `executeRun` that saves checkpoints of run `runId`. */
export function checkpointedMember(
  meta: Omit<CheckpointMeta, 'job' | 'codeVersion'>,
): (job: MemberJob, onYear: (year: number) => void) => Promise<MemberOutput> {
  return (job, onYear) => simulateWithCheckpoints(job, { ...meta, codeVersion: codeVersion() }, onYear);
}

/** A stopped run: what its last checkpoint says. */
export interface StoppedRun {
  meta: CheckpointMeta;
  /** The last year simulated before it stopped. */
  year: number;
  file: string;
}

/**
 * Reads the last checkpoint of `runId` (stored in `storeFile`).
 * @throws user errors `E_CHECKPOINT_NOT_FOUND`, `E_CHECKPOINT_CORRUPT`
 */
export function stoppedRun(storeFile: string, runId: string): StoppedRun {
  const file = checkpointFileOf(storeFile, runId);
  const f = openCheckpointFile<CheckpointMeta>(file);
  f.close();
  const meta = f.header.meta;
  if (!meta || meta.runId !== runId || !meta.job)
    throw userError('E_CHECKPOINT_CORRUPT', `${file} is not a checkpoint of run ${runId}`);
  return { meta, year: f.header.year, file };
}

/** A member function for `executeRun` that continues a stopped run from its checkpoint. */
export function resumedMember(
  stopped: StoppedRun,
): (job: MemberJob, onYear: (year: number) => void) => Promise<MemberOutput> {
  return async (job, onYear) => {
    const f = openCheckpointFile<CheckpointMeta>(stopped.file);
    try {
      const resume = resumeFrom(f.header, f.read);
      const { job: _job, ...meta } = stopped.meta;
      return await simulateWithCheckpoints(job, { ...meta, codeVersion: codeVersion() }, onYear, resume);
    } finally {
      f.close();
    }
  };
}

/** Removes a run's checkpoint (once the run is stored). */
export function removeCheckpoint(storeFile: string, runId: string): void {
  rmSync(checkpointFileOf(storeFile, runId), { force: true });
}

/** What `regimes run --checkpoint-every N` hands to `executeRun`, and tells the user. */
export interface Checkpointing {
  runId: string;
  member(job: MemberJob, onYear: (year: number) => void): Promise<MemberOutput>;
  /** One line for stderr: where the checkpoints go and how to resume. */
  note: string;
  /** Once the run is stored: its checkpoint is no longer needed. */
  finished(): void;
}

/** Checkpoints every `every` years for a new run (its id chosen now, so it can be resumed). */
export function checkpointing(o: {
  every: number;
  storeFile: string;
  outDir?: string;
  commandLine: string;
}): Checkpointing {
  const runId = newId('run');
  return {
    runId,
    member: checkpointedMember({ runId, ...o }),
    note: `run ${runId}: a checkpoint every ${o.every} year${o.every === 1 ? '' : 's'} in ${checkpointFileOf(o.storeFile, runId)}; if the run stops, \`regimes resume ${runId}\` continues it`,
    finished: () => removeCheckpoint(o.storeFile, runId),
  };
}
