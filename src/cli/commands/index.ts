import type { Command } from 'commander';
import { registerValidate } from './validate.ts';
import { registerList } from './list.ts';
import { registerShow } from './show.ts';
import { registerChanges } from './changes.ts';
import { registerSchema } from './schema.ts';
import { registerWorld } from './world.ts';
import { registerDecide } from './decide.ts';
import { registerCheck } from './check.ts';
import { registerCases } from './cases.ts';
import { registerDisplacement } from './displacement.ts';
import { registerServe } from './serve.ts';
import { registerRun } from './run.ts';
import { registerRuns } from './runs.ts';
import { registerExport } from './export.ts';
import { registerCompare } from './compare.ts';
import { registerFit } from './fit.ts';
import { registerExperiment } from './experiment.ts';
import { registerReport } from './report.ts';
import { registerWorker } from './worker.ts';
import { registerResume } from './resume.ts';

/** A command module registers itself on the program. One file per command. */
export type RegisterCommand = (program: Command) => void;

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: RegisterCommand[] = [
  registerValidate,
  registerList,
  registerShow,
  registerChanges,
  registerSchema,
  registerWorld,
  registerDecide,
  registerCheck,
  registerCases,
  registerDisplacement,
  registerServe,
  registerRun,
  registerRuns,
  registerExport,
  registerCompare,
  registerFit,
  registerExperiment,
  registerReport,
  registerWorker,
  registerResume,
];
