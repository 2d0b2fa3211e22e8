/** `regimes resume RUN`: continues a run started with `--checkpoint-every` that stopped, and stores it. */
import type { Command } from 'commander';
import { removeCheckpoint, resumedMember, stoppedRun } from '../../distributed/checkpoint-run.ts';
import { executeRun } from '../../ensemble/execute-run.ts';
import { formatDuration } from '../../ensemble/format.ts';
import { parseThreads } from '../../ensemble/options.ts';
import { progressBar } from '../../ensemble/progress.ts';
import { DEFAULT_STORE_FILE, codeVersion, resolveStoreFile } from '../../store/index.ts';
import type { CommonOptions } from '../output.ts';
import { note, printJson, printLine, wantsProgress, FORCE_HELP } from '../output.ts';
import { ENGINE_DEPS } from './run.ts';

interface ResumeCliOptions extends CommonOptions {
  store?: string;
  threads?: string;
}

/** Registers `resume`. */
export function registerResume(program: Command): void {
  program
    .command('resume')
    .description(
      'continue a run started with --checkpoint-every that stopped (killed, machine lost) from its last checkpoint; it ends as an uninterrupted run would',
    )
    .argument('<run>', 'the run id printed when the run started (run-YYYYMMDD-HHMMSS-xxxxxx)')
    .option(
      '--store <file>',
      `results store the run was started with (default: $REGIMES_STORE, else ${DEFAULT_STORE_FILE})`,
    )
    .option('--threads <t>', 'threads the engine may use (results do not depend on it; default: as started)')
    .option('--force', FORCE_HELP)
    .option('--json', 'print the summary as JSON on stdout')
    .option('--quiet', 'no progress bar or notes on stderr')
    .action(async (runId: string, opts: ResumeCliOptions) => {
      const storeFile = resolveStoreFile(opts.store);
      const stopped = stoppedRun(storeFile, runId);
      const { meta } = stopped;
      if (meta.codeVersion !== codeVersion())
        note(
          opts,
          `note: the checkpoint was made by ${meta.codeVersion}, this is ${codeVersion()}; the result matches an uninterrupted run only if the engine did not change`,
        );
      const job = {
        ...meta.job,
        threads: opts.threads === undefined ? meta.job.threads : parseThreads(opts.threads),
      };
      let bar = progressBar(false, 0, '');
      const summary = await executeRun({
        request: job,
        storeFile,
        outDir: meta.outDir,
        force: opts.force,
        commandLine: meta.commandLine,
        runnerModule: ENGINE_DEPS.runnerModule,
        runId,
        member: resumedMember(stopped),
        onPlanned: () => {
          note(
            opts,
            `resuming run ${runId} (${job.scenario} under ${job.regime}, seed ${job.seed}, scale ${job.scale}) after ${stopped.year}: ${job.to - stopped.year} year${job.to - stopped.year === 1 ? '' : 's'} to go`,
          );
          bar = progressBar(wantsProgress(opts), job.to - stopped.year, 'resume', 'years');
        },
        onYear: (year) => bar.tick(1, { status: String(year) }),
      }).finally(() => bar.stop());
      removeCheckpoint(storeFile, runId);
      if (opts.json) printJson({ ...summary, resumedAfter: stopped.year });
      else {
        printLine(`run ${summary.runId} resumed after ${stopped.year} and stored in ${summary.store}`);
        printLine(
          `  ${summary.scenario} under ${summary.regime}, seed ${summary.seed}, ${summary.scale} persons per agent, ${summary.from}–${summary.to}, ${formatDuration(summary.wallMs)} after resuming`,
        );
        printLine(`  output digest ${summary.outputDigest}`);
        printLine(`  engine digest ${summary.engineDigest}`);
        if (summary.outputs.length) printLine(`wrote ${summary.outputs.join(', ')}`);
      }
    });
}
