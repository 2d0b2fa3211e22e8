import type { Command } from 'commander';

/** A command module registers itself on the program. One file per command. */
export type RegisterCommand = (program: Command) => void;

/** A command of the CLI and how to load the module that registers it. */
export interface CommandEntry {
  name: string;
  load(): Promise<RegisterCommand>;
}

/**
 * Every command of the CLI, in the order `--help` lists them. Modules load only when needed, so a
 * command starts without loading the others' dependencies (the engine, the server, DuckDB…).
 */
export const commands: CommandEntry[] = [
  { name: 'validate', load: async () => (await import('./validate.ts')).registerValidate },
  { name: 'list', load: async () => (await import('./list.ts')).registerList },
  { name: 'show', load: async () => (await import('./show.ts')).registerShow },
  { name: 'changes', load: async () => (await import('./changes.ts')).registerChanges },
  { name: 'schema', load: async () => (await import('./schema.ts')).registerSchema },
  { name: 'world', load: async () => (await import('./world.ts')).registerWorld },
  { name: 'decide', load: async () => (await import('./decide.ts')).registerDecide },
  { name: 'check', load: async () => (await import('./check.ts')).registerCheck },
  { name: 'crosscheck', load: async () => (await import('./crosscheck.ts')).registerCrosscheck },
  { name: 'cases', load: async () => (await import('./cases.ts')).registerCases },
  { name: 'displacement', load: async () => (await import('./displacement.ts')).registerDisplacement },
  { name: 'serve', load: async () => (await import('./serve.ts')).registerServe },
  { name: 'run', load: async () => (await import('./run.ts')).registerRun },
  { name: 'runs', load: async () => (await import('./runs.ts')).registerRuns },
  { name: 'export', load: async () => (await import('./export.ts')).registerExport },
  { name: 'compare', load: async () => (await import('./compare.ts')).registerCompare },
  { name: 'fit', load: async () => (await import('./fit.ts')).registerFit },
  { name: 'choices', load: async () => (await import('./choices.ts')).registerChoices },
  { name: 'root-causes', load: async () => (await import('./root-causes.ts')).registerRootCauses },
  { name: 'experiment', load: async () => (await import('./experiment.ts')).registerExperiment },
  { name: 'report', load: async () => (await import('./report.ts')).registerReport },
  { name: 'worker', load: async () => (await import('./worker.ts')).registerWorker },
  { name: 'resume', load: async () => (await import('./resume.ts')).registerResume },
];
