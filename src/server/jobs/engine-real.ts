/**
 * The real engine behind the server: the same `executeRun` / `executeComparison` the `regimes run`
 * and `regimes compare` commands use (ensemble worker pool, results store), each job in a child
 * process of its own (job-process.ts), with its progress turned into job progress.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { siblingModule } from '../../shared/spawn-worker.ts';
import type { Engine } from '../engine.ts';
import { runInChild, type ChildLog } from './job-process.ts';

/** The module that runs one member with the simulation engine (exports `planMember` and `runMember`), as `regimes run` uses it. */
export const ENGINE_RUNNER = siblingModule('../../ensemble/engine-member', import.meta.url);

export interface RealEngineOptions {
  /** Runner module (default: the simulation's, `ENGINE_RUNNER`). */
  runnerModule?: URL;
  /** Worker threads for the members of a comparison (default 2). */
  threads?: number;
  /** Where the children's stderr lines go (the server log). */
  log?: ChildLog;
}

/** The engine of the shipped server. */
export function realEngine(options: RealEngineOptions = {}): Engine {
  const runnerModule = options.runnerModule ?? ENGINE_RUNNER;
  const threads = Math.max(1, options.threads ?? 2);
  const order = { runnerModule: runnerModule.href, threads };
  return {
    runnerModule,
    available: existsSync(fileURLToPath(runnerModule)),
    run: (request, ctx, storeFile) =>
      runInChild({ ...order, kind: 'run', request, storeFile }, ctx, options.log),
    compare: (request, ctx, storeFile) =>
      runInChild({ ...order, kind: 'comparison', request, storeFile }, ctx, options.log),
  };
}
