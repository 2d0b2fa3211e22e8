/**
 * `regimes run` in this process, for the scale-1 run of bench/world.bench.ts: runs the CLI with the
 * arguments given here and, when the process exits, writes its peak resident set size (bytes, all
 * threads) and its CPU time (seconds, all threads) to the file named by `REGIMES_BENCH_RSS_FILE`.
 * Not a benchmark itself (no `.bench.ts`).
 *
 *   node --import tsx bench/world-run.ts run world-1990-2020 --scale 1 --json ...
 */
import { writeFileSync } from 'node:fs';

const rssFile = process.env.REGIMES_BENCH_RSS_FILE;
if (rssFile)
  process.on('exit', () => {
    // maxRSS is in kibibytes, the CPU times in microseconds (getrusage)
    const usage = process.resourceUsage();
    writeFileSync(
      rssFile,
      JSON.stringify({
        peakRssBytes: usage.maxRSS * 1024,
        cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
      }),
    );
  });
process.argv = [process.argv[0], 'regimes', ...process.argv.slice(2)];
await import('../src/cli/main.ts');
