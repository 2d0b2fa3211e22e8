/**
 * A progress bar on stderr for long work (cli-progress), or nothing: callers get the same object
 * either way. Drawn only when asked (a TTY and not `--quiet`; see `wantsProgress` in the CLI).
 */
import cliProgress from 'cli-progress';

/** A progress bar, possibly drawing nothing. */
export interface Progress {
  /** Advances by `n` (default 1). */
  tick(n?: number, payload?: Record<string, string | number>): void;
  stop(): void;
}

/** A bar of `total` steps labelled `label` on stderr when `enabled`, else a silent one. */
export function progressBar(enabled: boolean, total: number, label: string, unit = 'steps'): Progress {
  if (!enabled) return { tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {status} | ETA {eta_formatted}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { status: '' });
  return {
    tick(n = 1, payload) {
      bar.increment(n, payload);
    },
    stop() {
      bar.stop();
    },
  };
}
