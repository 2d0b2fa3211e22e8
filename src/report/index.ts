/**
 * `regimes report`: a stored run, comparison or experiment as one self-contained HTML file.
 * The target is an id (`run-…`, `cmp-…`, `exp-…`), or an experiment's name (its newest result).
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { claimOutputs, recordOutputs, type OutputOptions } from '../shared/output-files.ts';
import { dirname, resolve } from 'node:path';
import type { ExperimentResult } from '../experiments/execute.ts';
import { userError } from '../shared/errors.ts';
import { ResultStore } from '../store/index.ts';
import { comparisonReport, experimentReport, runReport } from './html.ts';

export { comparisonReport, experimentReport, runReport } from './html.ts';
export { esc, fmt, forestPlot, lineChart, morrisChart, ticks } from './svg.ts';

export interface ReportWritten {
  kind: 'run' | 'comparison' | 'experiment';
  id: string;
  out: string;
  bytes: number;
}

/** The HTML of a stored target. */
export async function buildReport(
  store: ResultStore,
  target: string,
): Promise<{ kind: ReportWritten['kind']; id: string; html: string }> {
  if (target.startsWith('run-')) {
    const run = await store.getRun(target);
    return { kind: 'run', id: run.id, html: runReport(run, await store.readRows(run.id)) };
  }
  if (target.startsWith('cmp-')) {
    const c = await store.getComparison(target);
    return { kind: 'comparison', id: c.id, html: comparisonReport(c, await store.readStats(c.id)) };
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(target))
    throw userError(
      'E_REPORT_TARGET',
      `not a run, comparison or experiment: ${JSON.stringify(target)} (ids start run-, cmp- or exp-; or name an experiment)`,
    );
  const e = await store.getExperiment(target);
  return { kind: 'experiment', id: e.id, html: experimentReport(e.result as ExperimentResult) };
}

/** Checks the output path before any work: an `.html` file in an existing folder. */
export function checkReportOut(out: string): string {
  const file = resolve(out);
  if (!/\.html?$/i.test(file)) throw userError('E_REPORT_OUT', `--out must name an .html file, got ${out}`);
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw userError('E_REPORT_OUT', `no such folder: ${dir}`);
  if (existsSync(file) && !statSync(file).isFile()) throw userError('E_REPORT_OUT', `not a file: ${file}`);
  return file;
}

/** Writes the report of a stored target to `out`. */
export async function writeReport(
  storeFile: string,
  target: string,
  out: string,
  options: OutputOptions = {},
): Promise<ReportWritten> {
  const file = checkReportOut(out);
  claimOutputs([file], options);
  const store = await ResultStore.open(storeFile, 'read');
  try {
    const { kind, id, html } = await buildReport(store, target);
    writeFileSync(file, html);
    recordOutputs([file]);
    return { kind, id, out: file, bytes: Buffer.byteLength(html) };
  } finally {
    store.close();
  }
}
