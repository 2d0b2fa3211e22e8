/**
 * `regimes run` in this process, for the scale-1 run of bench/world.bench.ts: runs the CLI with the
 * arguments given here and, when the process exits, writes its peak resident set size (bytes, all
 * threads) to the file named by `REGIMES_BENCH_RSS_FILE`. Not a benchmark itself (no `.bench.ts`).
 *
 *   node --import tsx bench/world-run.ts run world-1990-2020 --scale 1 --json ...
 */
import { writeFileSync } from 'node:fs';

const rssFile = process.env.REGIMES_BENCH_RSS_FILE;
if (rssFile)
  process.on('exit', () => {
    // maxRSS is in kibibytes (getrusage)
    writeFileSync(rssFile, JSON.stringify({ peakRssBytes: process.resourceUsage().maxRSS * 1024 }));
  });
process.argv = [process.argv[0], 'regimes', ...process.argv.slice(2)];
await import('../src/cli/main.ts');
